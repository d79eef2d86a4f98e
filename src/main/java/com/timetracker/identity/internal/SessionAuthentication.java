package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.timetracker.identity.AccessTokens;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place an access token becomes a user: a genuine, unexpired access token whose session
 * is live and whose user exists and is active — checked against PostgreSQL every time, so a
 * revoked session or deactivated user is refused at once, on every node, without Redis.
 */
@Component
class SessionAuthentication implements AccessTokens {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private record Caller(long id, String email, String name, String role, String timezone, boolean isActive, Instant deletedAt,
                          Instant revokedAt, Instant expiresAt, Instant lastUsedAt) {
    }

    private final Tokens tokens;
    private final JdbcClient jdbc;
    private final UserSessions sessions;
    private final Clock clock;

    SessionAuthentication(Tokens tokens, JdbcClient jdbc, UserSessions sessions, Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Verdict authenticate(String accessToken) {
        Optional<Tokens.Claims> claims = tokens.verify(accessToken, Tokens.ACCESS);
        if (claims.isEmpty()) {
            return new Verdict(null, Refusal.INVALID_TOKEN);
        }
        Optional<Caller> found = caller(claims.get().userId(), claims.get().sessionId());
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().deletedAt() != null) {
            return new Verdict(null, Refusal.UNKNOWN_USER);
        }
        Caller caller = found.get();
        if (caller.revokedAt() != null || !caller.expiresAt().isAfter(now)) {
            return new Verdict(null, Refusal.SESSION_REVOKED);
        }
        if (!caller.isActive()) {
            return new Verdict(null, Refusal.USER_DEACTIVATED);
        }
        if (caller.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.touch(claims.get().sessionId(), now);
        }
        return new Verdict(new AuthenticatedUser(caller.id(), caller.email(), caller.name(),
                Role.parse(caller.role()).orElse(Role.REGULAR_USER), claims.get().sessionId(), zone(caller.timezone())), null);
    }

    @Override
    public boolean sessionStillValid(long userId, UUID sessionId) {
        return caller(userId, sessionId)
                .filter(c -> c.deletedAt() == null && c.isActive() && c.revokedAt() == null && c.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }

    private Optional<Caller> caller(long userId, UUID sessionId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, u.name, u.role, u.timezone, u.is_active, u.deleted_at, s.revoked_at, s.expires_at, s.last_used_at
                        FROM user_sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.id = :sid AND u.id = :uid""")
                .param("sid", sessionId).param("uid", userId)
                .query(Rows.of(Caller.class)).optional();
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }
}
