package com.timetracker.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.timetracker.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report queries over time entries. Each report is one set-based statement: entries
 * overlapping the window are found through the interval index (V20), cut into one piece per local
 * day of the range ({@code width_bucket} over the day boundaries, so no per-day loop), and the
 * pieces grouped with GROUPING SETS.
 */
@Repository
class TimeReports {

    /**
     * Entries whose [start, end) overlaps [:lo, :hi); running entries reach to infinity (clipped to
     * :now in the figures). As bounds on start and end, which the per-user and per-project b-trees
     * on the end (V20) answer for one person's or one team's time.
     */
    static final String OVERLAPS = "coalesce(te.end_time, 'infinity'::timestamptz) > :lo AND te.start_time < :hi";

    /**
     * The same for everybody's time, as a range overlap that the GiST interval index (V20) answers.
     * Not combined with the bounds above: PostgreSQL multiplies the two estimates, expects a handful
     * of rows instead of thousands and picks nested loops that were 20x slower (docs/performance.md).
     */
    static final String OVERLAPS_ANYONE = "tstzrange(te.start_time, coalesce(te.end_time, 'infinity'::timestamptz), '[)') && tstzrange(:lo, :hi, '[)')";

    static String overlaps(Scope scope) {
        return scope.everybody() ? OVERLAPS_ANYONE : OVERLAPS;
    }

    private static final int ALL = 0b1111;

    private record Row(int grp, Long projectId, Long userId, Long taskId, Integer day, long seconds, long entries,
                       String projectName, String userName, String taskName, String taskProjectName, String taskStatus) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TimeReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The entries of the scope overlapping the range as CTE {@code pieces}: the entry's columns,
     * {@code day} (1-based index into the range's days) and {@code seconds} inside it. Per day, an
     * entry is cut into one piece per local day it touches; otherwise it is one piece clipped to the
     * range. Needs the parameters {@code :bounds, :lo, :hi, :now} and the scope's.
     */
    static String pieces(Scope scope, boolean perDay) {
        String entries = """
                WITH e AS MATERIALIZED (
                    SELECT te.id, te.user_id, te.project_id, te.task_id, te.start_time, coalesce(te.end_time, :now) AS end_at
                    FROM time_entries te
                    WHERE %s AND (%s)
                ),
                """.formatted(overlaps(scope), scope.condition());
        if (!perDay) {
            return entries + """
                    cut AS (SELECT e.*, 1 AS day, report_seconds(e.start_time, e.end_at, :lo, :hi) AS seconds FROM e),
                    pieces AS (SELECT * FROM cut WHERE seconds > 0 OR start_time >= :lo)
                    """;
        }
        // b is materialised: the text-to-timestamptz[] cast is only stable, and inlined it ran for every row (15x slower)
        return entries + """
                b AS MATERIALIZED (SELECT CAST(string_to_array(:bounds, ',') AS timestamptz[]) AS t),
                cut AS (
                    SELECT e.*, i AS day, b.t[i] AS day_start, report_seconds(e.start_time, e.end_at, b.t[i], b.t[i + 1]) AS seconds
                    FROM e CROSS JOIN b
                    CROSS JOIN LATERAL report_day_span(greatest(1, width_bucket(e.start_time, b.t)),
                                                       least(cardinality(b.t) - 1, width_bucket(e.end_at, b.t))) AS i
                ),
                pieces AS (SELECT * FROM cut WHERE seconds > 0 OR start_time >= day_start)
                """;
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ReportRange range, Scope scope) {
        spec = spec.param("bounds", range.bounds()).param("lo", at(range.start())).param("hi", at(range.end()))
                .param("now", at(clock.instant()));
        for (var p : scope.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    Breakdown breakdown(ReportRange range, Scope scope, Set<Breakdown.Dimension> by) {
        EnumSet<Breakdown.Dimension> dims = by.isEmpty() ? EnumSet.noneOf(Breakdown.Dimension.class) : EnumSet.copyOf(by);
        List<String> sets = new ArrayList<>();
        sets.add("()");
        dims.forEach(d -> sets.add("(" + column(d) + ")"));
        boolean perDay = dims.contains(Breakdown.Dimension.DAY);
        String sql = pieces(scope, perDay) + """
                , g AS (
                    SELECT %s AS grp, %s,
                           coalesce(sum(seconds), 0) AS seconds, %s AS entries
                    FROM pieces GROUP BY GROUPING SETS (%s)
                )
                SELECT g.grp, g.project_id, g.user_id, g.task_id, g.day, g.seconds, g.entries,
                       pr.name AS project_name, u.name AS user_name, t.name AS task_name, tpr.name AS task_project_name, t.status AS task_status
                FROM g
                LEFT JOIN projects pr ON pr.id = g.project_id
                LEFT JOIN users u ON u.id = g.user_id
                LEFT JOIN tasks t ON t.id = g.task_id
                LEFT JOIN projects tpr ON tpr.id = t.project_id
                """.formatted(grouping(dims), columns(dims),
                // an entry is one piece unless cut per day; counting distinct ids sorts every grouping set
                perDay ? "count(DISTINCT id)" : "count(*)", String.join(", ", sets));
        List<Row> rows = bind(jdbc.sql(sql), range, scope).query(Rows.of(Row.class)).list();

        long totalSeconds = 0;
        long totalEntries = 0;
        long[] daySeconds = new long[range.days().size()];
        long[] dayEntries = new long[daySeconds.length];
        List<Breakdown.Group> projects = new ArrayList<>();
        List<Breakdown.Group> users = new ArrayList<>();
        List<Breakdown.TaskGroup> tasks = new ArrayList<>();
        for (Row r : rows) {
            switch (ALL & ~r.grp()) {
                case 0 -> {
                    totalSeconds = r.seconds();
                    totalEntries = r.entries();
                }
                case 0b1000 -> projects.add(new Breakdown.Group(r.projectId(), r.projectName(), r.seconds(), r.entries()));
                case 0b0100 -> users.add(new Breakdown.Group(r.userId(), r.userName(), r.seconds(), r.entries()));
                case 0b0010 -> {
                    if (r.taskId() != null) {
                        tasks.add(new Breakdown.TaskGroup(r.taskId(), r.taskName(), r.taskProjectName(), r.taskStatus(), r.seconds(), r.entries()));
                    }
                }
                case 0b0001 -> {
                    daySeconds[r.day() - 1] = r.seconds();
                    dayEntries[r.day() - 1] = r.entries();
                }
                default -> throw new IllegalStateException("unexpected grouping " + r.grp());
            }
        }
        List<Breakdown.Day> days = new ArrayList<>();
        if (dims.contains(Breakdown.Dimension.DAY)) {
            List<LocalDate> dates = range.days();
            for (int i = 0; i < dates.size(); i++) {
                days.add(new Breakdown.Day(dates.get(i), daySeconds[i], dayEntries[i]));
            }
        }
        Comparator<Breakdown.Group> most = Comparator.comparingLong(Breakdown.Group::seconds).reversed().thenComparing(Breakdown.Group::id);
        projects.sort(most);
        users.sort(most);
        tasks.sort(Comparator.comparingLong(Breakdown.TaskGroup::seconds).reversed().thenComparing(Breakdown.TaskGroup::id));
        return new Breakdown(totalSeconds, totalEntries, days, projects, users, tasks);
    }

    /** GROUPING() over all four dimensions as one bit mask (1 = rolled up); PostgreSQL only takes the grouped columns. */
    private static String grouping(Set<Breakdown.Dimension> dims) {
        List<String> bits = new ArrayList<>();
        for (Breakdown.Dimension d : Breakdown.Dimension.values()) {
            int weight = 1 << (Breakdown.Dimension.values().length - 1 - d.ordinal());
            bits.add(weight + " * " + (dims.contains(d) ? "GROUPING(" + column(d) + ")" : "1"));
        }
        return String.join(" + ", bits);
    }

    /** The four dimension columns, NULL for those not grouped by. */
    private static String columns(Set<Breakdown.Dimension> dims) {
        List<String> columns = new ArrayList<>();
        for (Breakdown.Dimension d : Breakdown.Dimension.values()) {
            columns.add(dims.contains(d) ? column(d) : "CAST(NULL AS " + (d == Breakdown.Dimension.DAY ? "integer" : "bigint") + ") AS " + column(d));
        }
        return String.join(", ", columns);
    }

    private static String column(Breakdown.Dimension d) {
        return switch (d) {
            case PROJECT -> "project_id";
            case USER -> "user_id";
            case TASK -> "task_id";
            case DAY -> "day";
        };
    }


    record Dashboard(long today, long week, long month, long activeProjects, long pendingTasks, boolean runningTimer) {
    }

    /** The caller's own time today, this week and this month, and what is open in their teams. */
    Dashboard dashboard(long userId, Instant today, Instant week, Instant month) {
        Instant now = clock.instant();
        Instant from = week.isBefore(month) ? week : month;
        return jdbc.sql("""
                        SELECT coalesce(sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :today, :now)), 0) AS today,
                               coalesce(sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :week, :now)), 0) AS week,
                               coalesce(sum(report_seconds(te.start_time, coalesce(te.end_time, :now), :month, :now)), 0) AS month,
                               (SELECT count(*) FROM projects pr JOIN team_members m ON m.team_id = pr.team_id
                                WHERE m.user_id = :user AND NOT pr.is_archived) AS active_projects,
                               (SELECT count(*) FROM tasks t JOIN projects pr ON pr.id = t.project_id JOIN team_members m ON m.team_id = pr.team_id
                                WHERE m.user_id = :user AND NOT pr.is_archived AND t.status <> 'DONE') AS pending_tasks,
                               EXISTS (SELECT 1 FROM time_entries r WHERE r.user_id = :user AND r.end_time IS NULL) AS running_timer
                        FROM time_entries te
                        WHERE te.user_id = :user AND %s""".formatted(OVERLAPS))
                .param("user", userId).param("now", at(now)).param("today", at(today)).param("week", at(week)).param("month", at(month))
                .param("lo", at(from)).param("hi", at(now))
                .query(Rows.of(Dashboard.class)).single();
    }

    /** Whether a row with this id exists in one of the tables reports refer to by id. */
    boolean exists(String table, long id) {
        if (!Set.of("teams", "users", "projects").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id)").param("id", id).query(Boolean.class).single();
    }

    /**
     * Whether {@code leaderId} runs a team {@code userId} is in: owner or team admin there, or any
     * member of it when {@code globalManager} (V1 let managers report on others).
     */
    boolean leadsTeamOf(long leaderId, long userId, boolean globalManager) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM team_members me JOIN team_members them ON them.team_id = me.team_id
                                       WHERE me.user_id = :leader AND them.user_id = :user AND (me.role IN ('owner', 'admin') OR :manager))""")
                .param("leader", leaderId).param("user", userId).param("manager", globalManager).query(Boolean.class).single();
    }
}
