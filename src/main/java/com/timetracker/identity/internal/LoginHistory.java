package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.timetracker.platform.AuditEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every sign-in attempt with its address and device (V1 had the endpoint but never recorded
 * anything), and the suspicious ones: a successful sign-in from an address none of the user's
 * earlier successful sign-ins came from. A user's very first sign-in is not suspicious, and
 * failures never make an address "known", so an attacker's failed tries cannot launder it.
 */
@Component
class LoginHistory {

    /** V1's login-history item, plus why a failed attempt failed. */
    record Attempt(String ipAddress, String userEmail, Instant timestamp, boolean success, String userAgent, String reason) {
    }

    /** V1's suspicious-list item. */
    record Suspicious(String ipAddress, String reason, Instant timestamp) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void failed(Long userId, String email, AuditEvent.Actor actor, String reason) {
        insert(userId, email, actor, false, reason, null);
    }

    /** Records a successful sign-in; returns why it is suspicious, when it is. */
    Optional<String> succeeded(long userId, String email, AuditEvent.Actor actor) {
        String address = address(actor);
        Known known = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM login_history WHERE user_id = :user AND success) AS before,
                               EXISTS (SELECT 1 FROM login_history WHERE user_id = :user AND success AND ip_address = :ip) AS here""")
                .param("user", (int) userId).param("ip", address)
                .query(Rows.of(Known.class)).single();
        Optional<String> suspicious = known.before() && !known.here()
                ? Optional.of("New IP address for " + key(email) + ": no earlier successful sign-in came from it")
                : Optional.empty();
        insert(userId, email, actor, true, null, suspicious.orElse(null));
        return suspicious;
    }

    private record Known(boolean before, boolean here) {
    }

    /** Newest first; emails compare case-insensitively, as at sign-in. */
    List<Attempt> of(String email, int limit) {
        return jdbc.sql("""
                        SELECT ip_address, email AS user_email, occurred_at AS "timestamp", success, user_agent, reason
                        FROM login_history WHERE email = :email ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("email", key(email)).param("limit", limit)
                .query(Rows.of(Attempt.class)).list();
    }

    List<Suspicious> suspicious(int limit) {
        return jdbc.sql("""
                        SELECT ip_address, suspicious_reason AS reason, occurred_at AS "timestamp"
                        FROM login_history WHERE suspicious_reason IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query(Rows.of(Suspicious.class)).list();
    }

    long suspiciousCount() {
        return jdbc.sql("SELECT count(*) FROM login_history WHERE suspicious_reason IS NOT NULL").query(Long.class).single();
    }

    private void insert(Long userId, String email, AuditEvent.Actor actor, boolean success, String reason, String suspicious) {
        jdbc.sql("""
                        INSERT INTO login_history (user_id, email, ip_address, user_agent, success, reason, suspicious_reason, occurred_at)
                        VALUES (:user, :email, :ip, :agent, :success, :reason, :suspicious, :at)""")
                .param("user", userId == null ? null : userId.intValue())
                .param("email", truncate(key(email), 255))
                .param("ip", address(actor))
                .param("agent", truncate(actor.userAgent(), 500))
                .param("success", success)
                .param("reason", reason)
                .param("suspicious", truncate(suspicious, 300))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** One spelling per address, so "::1" and "0:0:0:0:0:0:0:1" are the same address here. */
    private static String address(AuditEvent.Actor actor) {
        return truncate(IpRange.canonical(actor.ipAddress() == null ? "unknown" : actor.ipAddress()), 64);
    }

    static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
