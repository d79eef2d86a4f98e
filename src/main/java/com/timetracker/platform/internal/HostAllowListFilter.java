package com.timetracker.platform.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import com.timetracker.platform.ErrorResponses;
import com.timetracker.platform.HostAllowList;
import com.timetracker.platform.PlatformSettings;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only to the hosts in ALLOWED_HOSTS (plus localhost, loopback and the container names), so
 * a forged Host header cannot steer links or caches. Health probes are exempt (V1 failure #2).
 * The rule itself is {@link HostAllowList}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HostAllowListFilter extends OncePerRequestFilter {

    private final HostAllowList allowed;
    private final ErrorResponses errors;

    HostAllowListFilter(PlatformSettings settings, ErrorResponses errors) {
        this.allowed = new HostAllowList(settings.allowedHosts());
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Host");
        String hostHeader = header == null ? request.getServerName() : header;
        if (allowed.admits(hostHeader, request.getRequestURI(), isLoopback(request.getRemoteAddr()))) {
            chain.doFilter(request, response);
            return;
        }
        String host = HostAllowList.hostWithoutPort(hostHeader);
        errors.write(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_host",
                "Host '" + host + "' is not allowed. If this server should answer to it, add it to ALLOWED_HOSTS.",
                Map.of("host", host, "setting", "ALLOWED_HOSTS"));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
