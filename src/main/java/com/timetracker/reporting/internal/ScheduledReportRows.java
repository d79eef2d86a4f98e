package com.timetracker.reporting.internal;

import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.timetracker.reporting.internal.TimeReports.at;

/** The {@code scheduled_reports} and {@code scheduled_report_runs} tables (V20). */
@Repository
class ScheduledReportRows {

    record Schedule(String id, long userId, String name, String templateId, String frequency, List<String> recipients, String params,
                    String timezone, String attachment, boolean enabled, Instant lastSent, Instant nextRun, Instant createdAt) {
    }

    record Run(long id, String reportId, String reportName, Instant dueAt, String status, List<String> recipients, String error, Instant ranAt) {
    }

    private static final String COLUMNS = "id, user_id, name, template_id, frequency, recipients, params, timezone, attachment, enabled, last_sent, next_run, created_at";

    private static final RowMapper<Schedule> SCHEDULE = (rs, n) -> new Schedule(rs.getString("id"), rs.getLong("user_id"), rs.getString("name"),
            rs.getString("template_id"), rs.getString("frequency"), texts(rs.getArray("recipients")), rs.getString("params"), rs.getString("timezone"),
            rs.getString("attachment"), rs.getBoolean("enabled"), instant(rs.getTimestamp("last_sent")), instant(rs.getTimestamp("next_run")),
            instant(rs.getTimestamp("created_at")));

    private static final RowMapper<Run> RUN = (rs, n) -> new Run(rs.getLong("id"), rs.getString("report_id"), rs.getString("report_name"),
            instant(rs.getTimestamp("due_at")), rs.getString("status"), texts(rs.getArray("recipients")), rs.getString("error"),
            instant(rs.getTimestamp("ran_at")));

    private final JdbcClient jdbc;

    ScheduledReportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> texts(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String recipients(List<String> recipients) {
        // a text[] literal; the addresses were checked (no quotes, commas or braces can pass an address check)
        return "{" + String.join(",", recipients.stream().map(r -> "\"" + r + "\"").toList()) + "}";
    }

    void insert(Schedule s) {
        jdbc.sql("""
                        INSERT INTO scheduled_reports (id, user_id, name, template_id, frequency, recipients, params, timezone, attachment, enabled, next_run, created_at)
                        VALUES (:id, :user, :name, :template, :frequency, CAST(:recipients AS text[]), :params, :tz, :attachment, :enabled, :next, :created)""")
                .param("id", s.id()).param("user", s.userId()).param("name", s.name()).param("template", s.templateId())
                .param("frequency", s.frequency()).param("recipients", recipients(s.recipients())).param("params", s.params())
                .param("tz", s.timezone()).param("attachment", s.attachment()).param("enabled", s.enabled())
                .param("next", at(s.nextRun())).param("created", at(s.createdAt())).update();
    }

    void update(Schedule s) {
        jdbc.sql("""
                        UPDATE scheduled_reports SET name = :name, frequency = :frequency, recipients = CAST(:recipients AS text[]), params = :params,
                               timezone = :tz, attachment = :attachment, enabled = :enabled, next_run = :next
                        WHERE id = :id""")
                .param("id", s.id()).param("name", s.name()).param("frequency", s.frequency()).param("recipients", recipients(s.recipients()))
                .param("params", s.params()).param("tz", s.timezone()).param("attachment", s.attachment()).param("enabled", s.enabled())
                .param("next", at(s.nextRun())).update();
    }

    Optional<Schedule> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduled_reports WHERE id = :id").param("id", id).query(SCHEDULE).optional();
    }

    List<Schedule> ofUser(Long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduled_reports WHERE CAST(:user AS bigint) IS NULL OR user_id = :user ORDER BY created_at, id")
                .param("user", userId).query(SCHEDULE).list();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM scheduled_reports WHERE id = :id").param("id", id).update() > 0;
    }

    /**
     * Locks the earliest due enabled report until the caller's transaction ends; reports another
     * node holds are skipped, and once it commits their next_run is in the future, so each due time
     * runs once however many nodes poll.
     */
    Optional<Schedule> lockNextDue(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduled_reports WHERE enabled AND next_run <= :now ORDER BY next_run, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("now", at(now)).query(SCHEDULE).optional();
    }

    /** Records a run; false when this due time already has one (a second guard besides the lock). */
    boolean recordRun(Schedule s, String status, String error, Instant now) {
        return jdbc.sql("""
                        INSERT INTO scheduled_report_runs (report_id, user_id, report_name, due_at, status, recipients, error, ran_at)
                        VALUES (:id, :user, :name, :due, :status, CAST(:recipients AS text[]), :error, :now)
                        ON CONFLICT (report_id, due_at) DO NOTHING""")
                .param("id", s.id()).param("user", s.userId()).param("name", s.name()).param("due", at(s.nextRun()))
                .param("status", status).param("recipients", recipients(s.recipients())).param("error", error).param("now", at(now))
                .update() > 0;
    }

    void advance(String id, Instant nextRun, Instant lastSent) {
        jdbc.sql("UPDATE scheduled_reports SET next_run = :next, last_sent = coalesce(CAST(:sent AS timestamptz), last_sent) WHERE id = :id")
                .param("id", id).param("next", at(nextRun)).param("sent", lastSent == null ? null : at(lastSent)).update();
    }

    List<Run> runs(Long userId, int limit) {
        return jdbc.sql("""
                        SELECT id, report_id, report_name, due_at, status, recipients, error, ran_at FROM scheduled_report_runs
                        WHERE CAST(:user AS bigint) IS NULL OR user_id = :user ORDER BY ran_at DESC, id DESC LIMIT :limit""")
                .param("user", userId).param("limit", limit).query(RUN).list();
    }

    /** A report owner as the scheduler runs their report: their role, and whether they may still sign in. */
    record Owner(long id, String role, boolean active) {
    }

    Optional<Owner> owner(long userId) {
        return jdbc.sql("SELECT id, role, is_active AND deleted_at IS NULL AS active FROM users WHERE id = :id")
                .param("id", userId).query(com.timetracker.platform.Rows.of(Owner.class)).optional();
    }
}
