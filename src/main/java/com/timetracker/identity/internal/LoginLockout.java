package com.timetracker.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 5 failed logins within 5 minutes lock sign-in for 15 minutes — per account AND client address,
 * so failures from one address never lock the owner out from another. Kept in PostgreSQL: it
 * survives restarts, holds across nodes and never fails open when Redis is down.
 */
@Component
class LoginLockout {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginLockout(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seconds until this account may sign in again from this address, if it is locked. */
    Optional<Long> remainingLock(String email, String clientIp) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM login_lockouts WHERE email = :email AND client_ip = :ip")
                .param("email", key(email)).param("ip", clientIp)
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Math.max(1, Duration.between(now, until).toSeconds()));
    }

    /**
     * Records a failure, committed even though the login request then fails; returns the lock's
     * length in seconds when this failure locks the account for this address.
     */
    @Transactional
    Optional<Long> recordFailure(String email, String clientIp) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO login_failures (email, client_ip, failed_at) VALUES (:email, :ip, :now)")
                .param("email", key(email)).param("ip", clientIp).param("now", Timestamp.from(now)).update();
        int recent = jdbc.sql("SELECT count(*) FROM login_failures WHERE email = :email AND client_ip = :ip AND failed_at > :since")
                .param("email", key(email)).param("ip", clientIp).param("since", Timestamp.from(now.minus(WINDOW)))
                .query(Integer.class).single();
        if (recent < MAX_FAILURES) {
            return Optional.empty();
        }
        jdbc.sql("""
                        INSERT INTO login_lockouts (email, client_ip, locked_until) VALUES (:email, :ip, :until)
                        ON CONFLICT (email, client_ip) DO UPDATE SET locked_until = EXCLUDED.locked_until""")
                .param("email", key(email)).param("ip", clientIp).param("until", Timestamp.from(now.plus(LOCK))).update();
        clear(email, clientIp, false);
        return Optional.of(LOCK.toSeconds());
    }

    /** A successful sign-in forgets earlier failures from this address. */
    void succeeded(String email, String clientIp) {
        clear(email, clientIp, true);
    }

    /** An administrator lifts every lock and forgets every failure of the account. */
    void unlock(String email) {
        jdbc.sql("DELETE FROM login_lockouts WHERE email = :email").param("email", key(email)).update();
        jdbc.sql("DELETE FROM login_failures WHERE email = :email").param("email", key(email)).update();
    }

    /** Failed sign-ins from this address (any spelling of it), to any account, since the given instant. */
    int failuresFrom(List<String> addressSpellings, Instant since) {
        return jdbc.sql("SELECT count(*) FROM login_failures WHERE client_ip IN (:ips) AND failed_at > :since")
                .param("ips", addressSpellings).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    /** An administrator forgets every failure and lifts every lock of this address, for all accounts. */
    int forgetAddress(List<String> addressSpellings) {
        int failures = jdbc.sql("DELETE FROM login_failures WHERE client_ip IN (:ips)").param("ips", addressSpellings).update();
        int locks = jdbc.sql("DELETE FROM login_lockouts WHERE client_ip IN (:ips)").param("ips", addressSpellings).update();
        return failures + locks;
    }

    private void clear(String email, String clientIp, boolean includingLock) {
        jdbc.sql("DELETE FROM login_failures WHERE email = :email AND client_ip = :ip")
                .param("email", key(email)).param("ip", clientIp).update();
        if (includingLock) {
            jdbc.sql("DELETE FROM login_lockouts WHERE email = :email AND client_ip = :ip")
                    .param("email", key(email)).param("ip", clientIp).update();
        }
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
