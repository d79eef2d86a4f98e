package com.timetracker.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.timetracker.reporting.internal.TimeReports.OVERLAPS_ANYONE;
import static com.timetracker.reporting.internal.TimeReports.at;

/** Everyone's figures for global admins; each report a fixed number of set-based statements (V1's were N+1). */
@Repository
class AdminReports {

    /** Windows ending now: today, this week, this month, each from its local start. */
    record Windows(Instant today, Instant week, Instant month) {
        Instant earliest() {
            return week.isBefore(month) ? week : month;
        }
    }

    record Totals(long today, long week, long month, long activeUsersToday, long activeProjects, long runningTimers) {
    }

    record UserTime(long userId, String userName, long seconds, long entries) {
    }

    record TeamTime(long teamId, String teamName, long memberCount, long today, long week, long month, long activeMembersToday, long runningTimers) {
    }

    record TeamPerformer(long teamId, long userId, String userName, long seconds, long entries) {
    }

    record UserFacts(long id, String name, String email, String role, String teams, long totalEntries, boolean timerRunning, Instant lastActivity) {
    }

    record Worker(long userId, String userName, String email, long seconds, long entries, long projectsWorked, Instant lastActivity) {
    }

    private static final String WINDOW_SECONDS = """
            report_seconds(te.start_time, coalesce(te.end_time, :now), :today, :now) AS today,
            report_seconds(te.start_time, coalesce(te.end_time, :now), :week, :now) AS week,
            report_seconds(te.start_time, coalesce(te.end_time, :now), :month, :now) AS month""";

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private JdbcClient.StatementSpec windows(String sql, Windows w) {
        Instant now = clock.instant();
        return jdbc.sql(sql).param("now", at(now)).param("today", at(w.today())).param("week", at(w.week()))
                .param("month", at(w.month())).param("lo", at(w.earliest())).param("hi", at(now));
    }

    Totals totals(Windows w) {
        return windows("""
                WITH e AS MATERIALIZED (
                    SELECT te.user_id, te.start_time, %s
                    FROM time_entries te WHERE %s
                )
                SELECT coalesce(sum(today), 0) AS today, coalesce(sum(week), 0) AS week, coalesce(sum(month), 0) AS month,
                       count(DISTINCT user_id) FILTER (WHERE today > 0 OR start_time >= :today) AS active_users_today,
                       (SELECT count(*) FROM projects WHERE NOT is_archived) AS active_projects,
                       (SELECT count(*) FROM time_entries WHERE end_time IS NULL) AS running_timers
                FROM e""".formatted(WINDOW_SECONDS, OVERLAPS_ANYONE), w).query(Rows.of(Totals.class)).single();
    }

    /** Each user's time in [from, now) (only users who have some), most first. */
    List<UserTime> usersSince(Instant from) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT te.user_id, u.name AS user_name,
                               sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi)) AS seconds, count(*) AS entries
                        FROM time_entries te JOIN users u ON u.id = te.user_id
                        WHERE %s AND (report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi) > 0 OR te.start_time >= :lo)
                        GROUP BY te.user_id, u.name
                        ORDER BY seconds DESC, te.user_id""".formatted(OVERLAPS_ANYONE))
                .param("now", at(now)).param("lo", at(from)).param("hi", at(now))
                .query(Rows.of(UserTime.class)).list();
    }

    /** Every team with members: its members' time on the team's projects in each window. */
    List<TeamTime> teams(Windows w) {
        return windows("""
                WITH e AS MATERIALIZED (
                    SELECT pr.team_id, te.user_id, te.start_time, te.end_time IS NULL AS running, %s
                    FROM time_entries te JOIN projects pr ON pr.id = te.project_id WHERE %s
                ),
                per_team AS (
                    SELECT team_id, sum(today) AS today, sum(week) AS week, sum(month) AS month,
                           count(DISTINCT user_id) FILTER (WHERE today > 0 OR start_time >= :today) AS active_members_today,
                           count(*) FILTER (WHERE running) AS running_timers
                    FROM e GROUP BY team_id
                ),
                members AS (SELECT team_id, count(*) AS member_count FROM team_members GROUP BY team_id)
                SELECT t.id AS team_id, t.name AS team_name, m.member_count,
                       coalesce(pt.today, 0) AS today, coalesce(pt.week, 0) AS week, coalesce(pt.month, 0) AS month,
                       coalesce(pt.active_members_today, 0) AS active_members_today, coalesce(pt.running_timers, 0) AS running_timers
                FROM teams t JOIN members m ON m.team_id = t.id LEFT JOIN per_team pt ON pt.team_id = t.id
                ORDER BY t.name, t.id""".formatted(WINDOW_SECONDS, OVERLAPS_ANYONE), w).query(Rows.of(TeamTime.class)).list();
    }

    /** The three users with the most time on each team's projects since {@code week}. */
    List<TeamPerformer> topPerformers(Instant week) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        WITH per_user AS (
                            SELECT pr.team_id, te.user_id, sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi)) AS seconds, count(*) AS entries
                            FROM time_entries te JOIN projects pr ON pr.id = te.project_id
                            WHERE %s AND (report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi) > 0 OR te.start_time >= :lo)
                            GROUP BY pr.team_id, te.user_id
                        ),
                        ranked AS (SELECT *, row_number() OVER (PARTITION BY team_id ORDER BY seconds DESC, user_id) AS rank FROM per_user)
                        SELECT r.team_id, r.user_id, u.name AS user_name, r.seconds, r.entries
                        FROM ranked r JOIN users u ON u.id = r.user_id
                        WHERE r.rank <= 3 ORDER BY r.team_id, r.rank""".formatted(OVERLAPS_ANYONE))
                .param("now", at(now)).param("lo", at(week)).param("hi", at(now))
                .query(Rows.of(TeamPerformer.class)).list();
    }

    Optional<UserFacts> user(long id) {
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email, u.role,
                               coalesce((SELECT string_agg(t.name, E'\\n' ORDER BY t.name) FROM teams t JOIN team_members m ON m.team_id = t.id
                                         WHERE m.user_id = u.id), '') AS teams,
                               (SELECT count(*) FROM time_entries te WHERE te.user_id = u.id) AS total_entries,
                               EXISTS (SELECT 1 FROM time_entries te WHERE te.user_id = u.id AND te.end_time IS NULL) AS timer_running,
                               (SELECT max(coalesce(te.end_time, :now)) FROM time_entries te WHERE te.user_id = u.id) AS last_activity
                        FROM users u WHERE u.id = :id""")
                .param("id", id).param("now", at(clock.instant())).query(Rows.of(UserFacts.class)).optional();
    }

    /**
     * Active users (all, or a team's members) with their time in the range, those without any
     * included, most first. {@code lastActivity} is the latest end (now for a running entry) of their entries in the range.
     */
    List<Worker> workers(ReportRange range, Long teamId) {
        return jdbc.sql("""
                        WITH e AS MATERIALIZED (
                            SELECT te.user_id, te.project_id, te.start_time, coalesce(te.end_time, :now) AS end_at,
                                   report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi) AS seconds
                            FROM time_entries te WHERE %s
                        ),
                        counted AS (SELECT * FROM e WHERE seconds > 0 OR start_time >= :lo),
                        per_user AS (
                            SELECT user_id, sum(seconds) AS seconds, count(*) AS entries, count(DISTINCT project_id) AS projects_worked,
                                   max(least(end_at, :now)) AS last_activity
                            FROM counted GROUP BY user_id
                        )
                        SELECT u.id AS user_id, u.name AS user_name, u.email, coalesce(p.seconds, 0) AS seconds, coalesce(p.entries, 0) AS entries,
                               coalesce(p.projects_worked, 0) AS projects_worked, p.last_activity
                        FROM users u LEFT JOIN per_user p ON p.user_id = u.id
                        WHERE u.is_active AND u.deleted_at IS NULL
                          AND (CAST(:team AS bigint) IS NULL OR u.id IN (SELECT user_id FROM team_members WHERE team_id = :team))
                        ORDER BY seconds DESC, u.id""".formatted(OVERLAPS_ANYONE))
                .param("now", at(clock.instant())).param("lo", at(range.start())).param("hi", at(range.end())).param("team", teamId)
                .query(Rows.of(Worker.class)).list();
    }

    record Entry(long id, long userId, String userName, long projectId, String projectName, Long taskId, String taskName,
                 String description, Instant startTime, Instant endTime, long durationSeconds) {
    }

    record EntryTotals(long total, long totalSeconds) {
    }

    private static final String ENTRY_FILTER = """
            %s AND (report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi) > 0 OR te.start_time >= :lo)
              AND (CAST(:user AS bigint) IS NULL OR te.user_id = :user)
              AND (CAST(:project AS bigint) IS NULL OR te.project_id = :project)
              AND (CAST(:team AS bigint) IS NULL OR te.user_id IN (SELECT user_id FROM team_members WHERE team_id = :team))""".formatted(OVERLAPS_ANYONE);

    private JdbcClient.StatementSpec entryFilter(String sql, ReportRange range, Long userId, Long teamId, Long projectId) {
        return jdbc.sql(sql).param("now", at(clock.instant())).param("lo", at(range.start())).param("hi", at(range.end()))
                .param("user", userId).param("team", teamId).param("project", projectId);
    }

    /** How many entries overlap the range, and their seconds inside it. */
    EntryTotals entryTotals(ReportRange range, Long userId, Long teamId, Long projectId) {
        return entryFilter("""
                SELECT count(*) AS total, coalesce(sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :lo, :hi)), 0) AS total_seconds
                FROM time_entries te WHERE\s""" + ENTRY_FILTER, range, userId, teamId, projectId).query(Rows.of(EntryTotals.class)).single();
    }

    /** One page of the entries overlapping the range, latest first; a running entry's duration is 0 as in V1. */
    List<Entry> entries(ReportRange range, Long userId, Long teamId, Long projectId, int limit, long offset) {
        return entryFilter("""
                SELECT te.id, te.user_id, u.name AS user_name, te.project_id, pr.name AS project_name, te.task_id, t.name AS task_name,
                       te.description, te.start_time, te.end_time,
                       CASE WHEN te.end_time IS NULL THEN 0 ELSE coalesce(te.duration_seconds, floor(extract(epoch FROM te.end_time - te.start_time))) END AS duration_seconds
                FROM time_entries te JOIN users u ON u.id = te.user_id JOIN projects pr ON pr.id = te.project_id LEFT JOIN tasks t ON t.id = te.task_id
                WHERE\s""" + ENTRY_FILTER + """

                ORDER BY te.start_time DESC, te.id DESC LIMIT :limit OFFSET :offset""", range, userId, teamId, projectId)
                .param("limit", limit).param("offset", offset).query(Rows.of(Entry.class)).list();
    }
}
