package com.timetracker.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.identity.AuthenticatedUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>}: a genuine, unexpired access token
 * whose session is still live and whose user still exists and is active — checked against
 * PostgreSQL on every request, so a revoked session or deactivated user is refused at once and
 * never depends on Redis. Missing header: the request goes on anonymous (401 later if it needs a
 * user). Bad token: 401. Deactivated user: 403.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Tokens tokens;
    private final JdbcClient jdbc;
    private final UserSessions sessions;
    private final SecurityErrors errors;
    private final Clock clock;

    BearerTokenFilter(Tokens tokens, JdbcClient jdbc, UserSessions sessions, SecurityErrors errors, Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.errors = errors;
        this.clock = clock;
    }

    private record Caller(long id, String email, String name, String role, String timezone, boolean isActive, Instant deletedAt,
                          Instant revokedAt, Instant expiresAt, Instant lastUsedAt) {
    }

    private static java.time.ZoneId zone(String timezone) {
        try {
            return java.time.ZoneId.of(timezone);
        } catch (java.time.DateTimeException | NullPointerException e) {
            return java.time.ZoneId.of("UTC");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Tokens.Claims> claims = tokens.verify(header.substring(7).strip(), Tokens.ACCESS);
        if (claims.isEmpty()) {
            errors.unauthorized(response, "Could not validate credentials");
            return;
        }
        Optional<Caller> caller = jdbc.sql("""
                        SELECT u.id, u.email, u.name, u.role, u.timezone, u.is_active, u.deleted_at, s.revoked_at, s.expires_at, s.last_used_at
                        FROM user_sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.id = :sid AND u.id = :uid""")
                .param("sid", claims.get().sessionId()).param("uid", claims.get().userId())
                .query(Caller.class).optional();
        Instant now = clock.instant();
        if (caller.isEmpty() || caller.get().deletedAt() != null) {
            errors.unauthorized(response, "User not found");
            return;
        }
        if (caller.get().revokedAt() != null || !caller.get().expiresAt().isAfter(now)) {
            errors.unauthorized(response, "Token has been revoked");
            return;
        }
        if (!caller.get().isActive()) {
            errors.forbidden(response, "User account is deactivated");
            return;
        }
        Caller user = caller.get();
        if (user.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.touch(claims.get().sessionId(), now);
        }
        AuthenticatedUser principal = new AuthenticatedUser(user.id(), user.email(), user.name(),
                com.timetracker.identity.Role.parse(user.role()).orElse(com.timetracker.identity.Role.REGULAR_USER),
                claims.get().sessionId(), zone(user.timezone()));
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
