package com.timetracker.identity.internal;

import java.io.IOException;
import java.util.List;

import com.timetracker.identity.AccessTokens;
import com.timetracker.identity.AuthenticatedUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>} through {@link AccessTokens}. Missing
 * header: the request goes on anonymous (401 later if it needs a user). Bad token, revoked session
 * or unknown user: 401. Deactivated user: 403.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccessTokens accessTokens;
    private final SecurityErrors errors;

    BearerTokenFilter(AccessTokens accessTokens, SecurityErrors errors) {
        this.accessTokens = accessTokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        AccessTokens.Verdict verdict = accessTokens.authenticate(header.substring(7).strip());
        if (!verdict.accepted()) {
            switch (verdict.refusal()) {
                case USER_DEACTIVATED -> errors.forbidden(response, "User account is deactivated");
                case SESSION_REVOKED -> errors.unauthorized(response, "Token has been revoked");
                case UNKNOWN_USER -> errors.unauthorized(response, "User not found");
                default -> errors.unauthorized(response, "Could not validate credentials");
            }
            return;
        }
        AuthenticatedUser principal = verdict.user();
        var authentication = new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
