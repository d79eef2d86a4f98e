package com.timetracker.tracking.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code time_entries} table. */
@Repository
class TimeEntryRows {

    /** What the list may show to one caller, and what it was asked to filter by. */
    record Filter(Long userId, Long projectId, Long taskId, Instant from, Instant to,
                  boolean everything, long callerId, Set<Long> callerTeams) {
    }

    private final JdbcClient jdbc;

    TimeEntryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TimeEntryView> find(long id) {
        return jdbc.sql(TimeEntryView.SELECT + " WHERE e.id = :id").param("id", id).query(Rows.of(TimeEntryView.class)).optional();
    }

    Optional<TimeEntryView> running(long userId) {
        return jdbc.sql(TimeEntryView.SELECT + " WHERE e.user_id = :u AND e.end_time IS NULL").param("u", userId)
                .query(Rows.of(TimeEntryView.class)).optional();
    }

    /**
     * Inserts a running entry and returns its view in the same round trip; the partial unique index
     * refuses a second running entry for the same user.
     */
    TimeEntryView start(long userId, long projectId, Long taskId, String description, Instant now) {
        return jdbc.sql("""
                        WITH changed AS (
                            INSERT INTO time_entries (user_id, project_id, task_id, description, start_time, is_running, created_at, updated_at)
                            VALUES (:u, :p, :t, :d, :now, true, :now, :now) RETURNING *)
                        """ + TimeEntryView.over("changed"))
                .param("u", userId).param("p", projectId).param("t", taskId).param("d", description).param("now", Timestamp.from(now))
                .query(Rows.of(TimeEntryView.class)).single();
    }

    /** Stops the user's running entry at {@code now} (the real elapsed seconds, no minimum) and returns its view. */
    Optional<TimeEntryView> stop(long userId, Instant now) {
        return jdbc.sql("""
                        WITH changed AS (
                            UPDATE time_entries SET end_time = greatest(:now, start_time), is_running = false, updated_at = :now,
                                   duration_seconds = floor(extract(epoch FROM greatest(:now, start_time) - start_time))::int
                            WHERE user_id = :u AND end_time IS NULL RETURNING *)
                        """ + TimeEntryView.over("changed"))
                .param("u", userId).param("now", Timestamp.from(now)).query(Rows.of(TimeEntryView.class)).optional();
    }

    long insertFinished(long userId, long projectId, Long taskId, String description, Instant start, Instant end, Instant now) {
        return jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, task_id, description, start_time, end_time, duration_seconds,
                                                  is_running, created_at, updated_at)
                        VALUES (:u, :p, :t, :d, :start, :end, :seconds, false, :now, :now) RETURNING id""")
                .param("u", userId).param("p", projectId).param("t", taskId).param("d", description)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("seconds", (int) java.time.Duration.between(start, end).toSeconds()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /**
     * Rewrites description and times. Editing a rejected entry resubmits it for approval; the
     * approval columns are V1's (approval_status, approved_by, approved_at).
     */
    void update(long id, String description, Instant start, Instant end, boolean resubmit, Instant now) {
        jdbc.sql("""
                        UPDATE time_entries SET description = :d, start_time = :start, end_time = :end, is_running = CAST(:end AS timestamptz) IS NULL,
                               duration_seconds = CASE WHEN CAST(:end AS timestamptz) IS NULL THEN NULL
                                                       ELSE floor(extract(epoch FROM CAST(:end AS timestamptz) - CAST(:start AS timestamptz)))::int END,
                               approval_status = CASE WHEN :resubmit THEN 'pending' ELSE approval_status END,
                               approved_by = CASE WHEN :resubmit THEN NULL ELSE approved_by END,
                               approved_at = CASE WHEN :resubmit THEN NULL ELSE approved_at END,
                               updated_at = :now
                        WHERE id = :id""")
                .param("d", description).param("start", Timestamp.from(start)).param("end", end == null ? null : Timestamp.from(end))
                .param("resubmit", resubmit).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM time_entries WHERE id = :id").param("id", id).update();
    }

    /** The first of the user's other entries that overlaps [start, end) (a running entry extends to now). */
    Optional<TimeEntryView> overlapping(long userId, Instant start, Instant end, Long exceptId, Instant now) {
        return jdbc.sql(TimeEntryView.SELECT + "\n" + """
                         WHERE e.user_id = :u AND e.id <> :except
                           AND e.start_time < :end AND coalesce(e.end_time, :now) > :start
                         ORDER BY e.start_time LIMIT 1""")
                .param("u", userId).param("except", exceptId == null ? -1L : exceptId)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("now", Timestamp.from(now))
                .query(Rows.of(TimeEntryView.class)).optional();
    }

    private static final String VISIBLE = "\n" + """
             WHERE (CAST(:u AS bigint) IS NULL OR e.user_id = CAST(:u AS bigint))
               AND (CAST(:p AS bigint) IS NULL OR e.project_id = CAST(:p AS bigint))
               AND (CAST(:t AS bigint) IS NULL OR e.task_id = CAST(:t AS bigint))
               AND (CAST(:from AS timestamptz) IS NULL OR e.start_time >= CAST(:from AS timestamptz))
               AND (CAST(:to AS timestamptz) IS NULL OR e.start_time < CAST(:to AS timestamptz))
               AND (:everything OR e.user_id = :caller OR p.team_id = ANY(CAST(string_to_array(:teams, ',') AS bigint[])))""";

    record Totals(long total, long totalSeconds) {
    }

    List<TimeEntryView> page(Filter filter, int limit, long offset) {
        return bind(jdbc.sql(TimeEntryView.SELECT + VISIBLE + " ORDER BY e.start_time DESC, e.id DESC LIMIT :limit OFFSET :offset"), filter)
                .param("limit", limit).param("offset", offset)
                .query(Rows.of(TimeEntryView.class)).list();
    }

    /** Count and seconds of the whole filtered set; a running entry counts its time so far. */
    Totals totals(Filter filter, Instant now) {
        return bind(jdbc.sql("""
                        SELECT count(*) AS total,
                               coalesce(sum(coalesce(e.duration_seconds, floor(extract(epoch FROM CAST(:now AS timestamptz) - e.start_time))::int)), 0) AS total_seconds
                        FROM time_entries e JOIN projects p ON p.id = e.project_id""" + VISIBLE), filter)
                .param("now", Timestamp.from(now))
                .query(Rows.of(Totals.class)).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("u", f.userId()).param("p", f.projectId()).param("t", f.taskId())
                .param("from", f.from() == null ? null : Timestamp.from(f.from()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to()))
                .param("everything", f.everything()).param("caller", f.callerId())
                .param("teams", TeamIds.asText(f.callerTeams()));
    }

    /** Running timers the caller may see, newest first. */
    List<TimeEntryView> activeTimers(boolean everything, long callerId, Set<Long> callerTeams) {
        return jdbc.sql(TimeEntryView.SELECT + "\n" + """
                         WHERE e.end_time IS NULL AND (:everything OR e.user_id = :caller OR p.team_id = ANY(CAST(string_to_array(:teams, ',') AS bigint[])))
                         ORDER BY e.start_time DESC""")
                .param("everything", everything).param("caller", callerId).param("teams", TeamIds.asText(callerTeams))
                .query(Rows.of(TimeEntryView.class)).list();
    }
}
