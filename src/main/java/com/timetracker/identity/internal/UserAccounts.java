package com.timetracker.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users as stored in V1's {@code users} table. */
@Repository
class UserAccounts {

    record Account(long id, String email, String passwordHash, String name, String role, boolean active, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    /** Emails compare case-insensitively (V1 stored some with capitals). */
    Optional<Account> findByEmail(String email) {
        return jdbc.sql("""
                        SELECT id, email, password_hash, name, role, is_active AS active, created_at
                        FROM users WHERE lower(email) = lower(:email)""")
                .param("email", email)
                .query(Account.class)
                .optional();
    }

    long create(String email, String passwordHash, String name, String role) {
        return jdbc.sql("""
                        INSERT INTO users (email, password_hash, name, role, is_active, created_at, updated_at)
                        VALUES (:email, :hash, :name, :role, true, now(), now()) RETURNING id""")
                .param("email", email)
                .param("hash", passwordHash)
                .param("name", name)
                .param("role", role)
                .query(Long.class)
                .single();
    }
}
