package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users as stored in V1's {@code users} table. Emails compare case-insensitively. */
@Repository
class UserAccounts {

    static final String COLUMNS = """
            id, email, password_hash, name, role, is_active, created_at, phone, address, emergency_contact_name,
            emergency_contact_phone, job_title, department, employment_type, start_date, expected_hours_per_week,
            manager_id, timezone, deleted_at""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(Rows.of(UserAccount.class)).optional();
    }

    /** The account signing in with this email; soft-deleted accounts are gone for sign-in purposes. */
    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email) AND deleted_at IS NULL ORDER BY id LIMIT 1")
                .param("email", email)
                .query(Rows.of(UserAccount.class))
                .optional();
    }

    boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email) AND id <> :id)")
                .param("email", email).param("id", exceptId).query(Boolean.class).single();
    }

    long create(String email, String passwordHash, String name, String role) {
        return jdbc.sql("""
                        INSERT INTO users (email, password_hash, name, role, is_active, created_at, updated_at)
                        VALUES (lower(:email), :hash, :name, :role, true, now(), now()) RETURNING id""")
                .param("email", email)
                .param("hash", passwordHash)
                .param("name", name)
                .param("role", role)
                .query(Long.class)
                .single();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    void updateProfile(long id, String name, String email, String timezone) {
        jdbc.sql("UPDATE users SET name = :name, email = lower(:email), timezone = :tz, updated_at = now() WHERE id = :id")
                .param("name", name).param("email", email).param("tz", timezone).param("id", id).update();
    }
}
