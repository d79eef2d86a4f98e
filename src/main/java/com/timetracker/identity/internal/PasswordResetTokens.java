package com.timetracker.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_reset_tokens} table: at most one live token per user, stored as its SHA-256. */
@Repository
class PasswordResetTokens {

    private final JdbcClient jdbc;

    PasswordResetTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the user's token; an earlier one stops working (V1: "one active token per user"). */
    void replace(long userId, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO password_reset_tokens (user_id, token_hash, created_at, expires_at)
                        VALUES (:user, :hash, :now, :expires)
                        ON CONFLICT (user_id) DO UPDATE
                            SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at""")
                .param("user", (int) userId).param("hash", tokenHash)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The user a still-valid token belongs to. */
    Optional<Long> userOf(String tokenHash, Instant now) {
        return jdbc.sql("SELECT user_id FROM password_reset_tokens WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", tokenHash).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    /** Uses the token up if it is still valid; of two concurrent uses only one gets the user. */
    Optional<Long> claim(String tokenHash, Instant now) {
        return jdbc.sql("DELETE FROM password_reset_tokens WHERE token_hash = :hash AND expires_at > :now RETURNING user_id")
                .param("hash", tokenHash).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM password_reset_tokens WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
