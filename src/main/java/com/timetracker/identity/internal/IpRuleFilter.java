package com.timetracker.identity.internal;

import java.io.IOException;
import java.util.Set;

import com.timetracker.platform.ClientAddress;
import com.timetracker.platform.ErrorResponses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the IP rules on every API request, signed in or not, before authentication: 403
 * {@code ip_blocked} for a denied address, or for any address off a non-empty allow list. Runs
 * just after the platform's filters (request id, headers, host, size, CORS) so the refusal
 * carries a request id and CORS headers. Health probes stay open so orchestrators keep working.
 * Sign-in is left to {@link SignIn}, which refuses the same addresses but also records the
 * attempt, with the account it targeted, in login history and the audit trail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class IpRuleFilter extends OncePerRequestFilter {

    private static final Set<String> PROBES = Set.of(
            "/api/health", "/api/monitoring/health", "/api/monitoring/health/live", "/api/monitoring/health/ready");

    private final IpRules rules;
    private final ClientAddress clientAddress;
    private final ErrorResponses errors;

    IpRuleFilter(IpRules rules, ClientAddress clientAddress, ErrorResponses errors) {
        this.rules = rules;
        this.clientAddress = clientAddress;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the servlet path is decoded and normalised by the container, so "//api" or "/x/../api" cannot slip past
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean signIn = path.equals("/api/auth/login") && "POST".equals(request.getMethod());
        return !api || PROBES.contains(path) || signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = clientAddress.of(request);
        IpRuleSet.Verdict verdict = rules.decide(address);
        if (verdict.refused()) {
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "ip_blocked", verdict.message(address), null);
            return;
        }
        chain.doFilter(request, response);
    }
}
