package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.timetracker.identity.Role;
import com.timetracker.identity.UserPolicy;
import com.timetracker.platform.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * V1's {@code account_requests} table. Its timestamps have no time zone: they are written as UTC
 * wall-clock time (a {@link LocalDateTime} goes to PostgreSQL as is, whatever the JVM's zone) and
 * read with {@code AT TIME ZONE 'UTC'}, which turns them back into instants.
 */
@Repository
class AccountRequestRows {

    private static final String COLUMNS = """
            id, email, name, phone, job_title, department, message, status,
            submitted_at AT TIME ZONE 'UTC' AS submitted_at, reviewed_at AT TIME ZONE 'UTC' AS reviewed_at,
            reviewed_by, admin_notes, ip_address, user_agent""";

    record Page(List<AccountRequest> items, long total) {
    }

    private final JdbcClient jdbc;

    AccountRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a pending request; a second pending one for the same email breaks uq_account_requests_pending_email. */
    long insertPending(String email, String name, String phone, String jobTitle, String department, String message,
                       Instant submittedAt, String ip, String userAgent) {
        return jdbc.sql("""
                        INSERT INTO account_requests (email, name, phone, job_title, department, message, status,
                                                      submitted_at, ip_address, user_agent)
                        VALUES (:email, :name, :phone, :jobTitle, :department, :message, 'pending', :at, :ip, :ua)
                        RETURNING id""")
                .param("email", email).param("name", name).param("phone", phone).param("jobTitle", jobTitle)
                .param("department", department).param("message", message).param("at", utc(submittedAt))
                .param("ip", ip).param("ua", userAgent)
                .query(Long.class).single();
    }

    Optional<AccountRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_requests WHERE id = :id").param("id", id)
                .query(Rows.of(AccountRequest.class)).optional();
    }

    boolean pendingExists(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account_requests WHERE lower(email) = lower(:email) AND status = 'pending')")
                .param("email", email).query(Boolean.class).single();
    }

    /** Newest first; {@code status} and {@code search} (already escaped for LIKE) are optional. */
    Page find(String status, String search, Paging paging) {
        String where = """
                WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
                  AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern ESCAPE '\\' OR email ILIKE :pattern ESCAPE '\\')""";
        String pattern = search == null ? null : com.timetracker.platform.SearchTerm.containsPattern(search);
        long total = jdbc.sql("SELECT count(*) FROM account_requests " + where)
                .param("status", status).param("pattern", pattern).query(Long.class).single();
        List<AccountRequest> items = jdbc.sql("SELECT " + COLUMNS + " FROM account_requests " + where
                        + " ORDER BY account_requests.submitted_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("status", status).param("pattern", pattern)
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(AccountRequest.class)).list();
        return new Page(items, total);
    }

    /**
     * Records the decision only if the request is still pending, so two admins deciding at once
     * cannot both succeed; false when it was not pending (or does not exist).
     */
    boolean decide(long id, String status, long reviewerId, String adminNotes, Instant reviewedAt) {
        return jdbc.sql("""
                        UPDATE account_requests SET status = :status, reviewed_at = :at, reviewed_by = :reviewer, admin_notes = :notes
                        WHERE id = :id AND status = 'pending'""")
                .param("status", status).param("at", utc(reviewedAt)).param("reviewer", (int) reviewerId)
                .param("notes", adminNotes).param("id", id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM account_requests WHERE id = :id").param("id", id).update() == 1;
    }

    /** Everyone who may review account requests (by {@link UserPolicy}) and can still sign in. */
    List<String> reviewerEmails() {
        List<String> roles = Arrays.stream(Role.values()).filter(UserPolicy::canManageUsers).map(Role::value).toList();
        return jdbc.sql("SELECT email FROM users WHERE role IN (:roles) AND is_active AND deleted_at IS NULL ORDER BY id")
                .param("roles", roles).query(String.class).list();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
