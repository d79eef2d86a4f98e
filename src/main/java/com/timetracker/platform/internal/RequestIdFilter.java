package com.timetracker.platform.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.timetracker.platform.ApiError;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: every response, errors and rejections included, carries {@code X-Request-ID}
 * (the caller's, when it is a sane token, else a new one) and {@code X-Process-Time} (seconds until
 * the response started).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = com.timetracker.platform.ErrorResponses.REQUEST_ID_HEADER;
    static final String PROCESS_TIME = "X-Process-Time";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(REQUEST_ID);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        request.setAttribute(ApiError.REQUEST_ID_ATTRIBUTE, id);
        response.setHeader(REQUEST_ID, id);
        TimedResponse timed = new TimedResponse(response, System.nanoTime());
        MDC.put("request_id", id);
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.stamp();
            MDC.remove("request_id");
        }
    }

    /** Sets X-Process-Time just before the response is committed, while headers can still change. */
    private static final class TimedResponse extends HttpServletResponseWrapper {

        private final long start;
        private boolean stamped;

        TimedResponse(HttpServletResponse response, long start) {
            super(response);
            this.start = start;
        }

        void stamp() {
            if (!stamped && !isCommitted()) {
                stamped = true;
                setHeader(PROCESS_TIME, String.format(Locale.ROOT, "%.6f", (System.nanoTime() - start) / 1e9));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc) throws IOException {
            stamp();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            stamp();
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            stamp();
            super.sendRedirect(location);
        }
    }
}
