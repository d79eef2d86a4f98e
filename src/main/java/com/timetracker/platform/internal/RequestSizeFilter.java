package com.timetracker.platform.internal;

import com.timetracker.platform.ErrorResponses;

import java.io.IOException;
import java.util.Map;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.PlatformSettings;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over MAX_REQUEST_SIZE_MB with 413: by the declared Content-Length up front, and by
 * counting bytes for chunked bodies (which V1 let through).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ErrorResponses errors;

    RequestSizeFilter(PlatformSettings settings, ErrorResponses errors) {
        this.maxBytes = settings.maxRequestSizeBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                    tooLargeMessage(), Map.of("max_size_bytes", maxBytes));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream());
                }
                return limited;
            }
        }, response);
    }

    private String tooLargeMessage() {
        return "The request body is larger than the limit of " + maxBytes / (1024 * 1024) + " MB (MAX_REQUEST_SIZE_MB).";
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request_too_large", tooLargeMessage(),
                Map.of("max_size_bytes", maxBytes));
    }

    private final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private long count;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
