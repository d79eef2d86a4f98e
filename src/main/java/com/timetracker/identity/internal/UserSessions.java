package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions: one per sign-in, the family of its rotating refresh tokens, revocable at any time. */
@Repository
class UserSessions {

    record Session(UUID id, long userId, UUID refreshJti, String userAgent, String ipAddress, Instant createdAt,
                   Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private static final String COLUMNS = "id, user_id, refresh_jti, user_agent, ip_address, created_at, last_used_at, expires_at, revoked_at";

    private final JdbcClient jdbc;

    UserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, long userId, UUID refreshJti, String userAgent, String ip, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO user_sessions (id, user_id, refresh_jti, user_agent, ip_address, created_at, last_used_at, expires_at)
                        VALUES (:id, :user, :jti, :ua, :ip, :now, :now, :expires)""")
                .param("id", id).param("user", userId).param("jti", refreshJti)
                .param("ua", truncate(userAgent, 500)).param("ip", truncate(ip, 45))
                .param("now", java.sql.Timestamp.from(now)).param("expires", java.sql.Timestamp.from(expiresAt))
                .update();
    }

    Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_sessions WHERE id = :id").param("id", id).query(Rows.of(Session.class)).optional();
    }

    List<Session> activeOf(long userId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_sessions WHERE user_id = :user AND revoked_at IS NULL AND expires_at > :now ORDER BY last_used_at DESC")
                .param("user", userId).param("now", java.sql.Timestamp.from(now)).query(Rows.of(Session.class)).list();
    }

    /** Moves the family to a new refresh token, only if the presented one is still the current one. */
    boolean rotate(UUID id, UUID presentedJti, UUID newJti, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE user_sessions SET refresh_jti = :new, last_used_at = :now, expires_at = :expires
                        WHERE id = :id AND refresh_jti = :old AND revoked_at IS NULL""")
                .param("new", newJti).param("now", java.sql.Timestamp.from(now)).param("expires", java.sql.Timestamp.from(expiresAt))
                .param("id", id).param("old", presentedJti)
                .update() == 1;
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("UPDATE user_sessions SET last_used_at = :now WHERE id = :id").param("now", java.sql.Timestamp.from(now)).param("id", id).update();
    }

    boolean revoke(UUID id, String reason, Instant now) {
        return jdbc.sql("UPDATE user_sessions SET revoked_at = :now, revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .param("now", java.sql.Timestamp.from(now)).param("reason", reason).param("id", id).update() == 1;
    }

    /** Revokes every live session of the user except {@code keep} (may be null); returns how many. */
    int revokeAllOf(long userId, UUID keep, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE user_sessions SET revoked_at = :now, revoked_reason = :reason
                        WHERE user_id = :user AND revoked_at IS NULL AND (CAST(:keep AS uuid) IS NULL OR id <> CAST(:keep AS uuid))""")
                .param("now", java.sql.Timestamp.from(now)).param("reason", reason).param("user", userId)
                .param("keep", keep == null ? null : keep.toString())
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
