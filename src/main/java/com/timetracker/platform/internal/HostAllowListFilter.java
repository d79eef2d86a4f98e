package com.timetracker.platform.internal;

import com.timetracker.platform.ErrorResponses;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HostAllowListFilter extends OncePerRequestFilter {

    private final Set<String> allowed;
    private final ErrorResponses errors;

    HostAllowListFilter(PlatformSettings settings, ErrorResponses errors) {
        this.allowed = settings.allowedHosts();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HealthProbes.answersAnyHost(request)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Host");
        String host = header == null ? request.getServerName() : hostWithoutPort(header);
        if (isAllowed(host)) {
            chain.doFilter(request, response);
            return;
        }
        errors.write(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_host",
                "Host '" + host + "' is not allowed. If this server should answer to it, add it to ALLOWED_HOSTS.",
                Map.of("host", host, "setting", "ALLOWED_HOSTS"));
    }

    boolean isAllowed(String host) {
        if (allowed.contains("*") || allowed.contains(host)) {
            return true;
        }
        return allowed.stream()
                .filter(pattern -> pattern.startsWith("*."))
                .anyMatch(pattern -> host.endsWith(pattern.substring(1)));
    }

    static String hostWithoutPort(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && colon == host.lastIndexOf(':')) {
            host = host.substring(0, colon);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
