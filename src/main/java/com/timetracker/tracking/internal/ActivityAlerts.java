package com.timetracker.tracking.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.ApprovalPolicy;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's {@code GET /api/admin/activity-alerts} (reference §6.9): long-running timers, people who
 * stopped tracking, and who is working — for admins about everyone, for team leads (owners, team
 * admins, managers) about their teams.
 */
@RestController
class ActivityAlerts {

    private record Running(long entryId, long userId, String userName, String projectName, Instant startTime) {
    }

    private record Idle(long userId, String userName, Instant lastStart) {
    }

    private final JdbcClient jdbc;
    private final TeamMemberships memberships;
    private final Clock clock;
    private final Duration longTimer;

    ActivityAlerts(JdbcClient jdbc, TeamMemberships memberships, Clock clock, Environment env) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.clock = clock;
        this.longTimer = Duration.ofHours(Long.parseLong(env.getProperty("LONG_TIMER_ALERT_HOURS", "8")));
    }

    @GetMapping("/api/admin/activity-alerts")
    Map<String, Object> alerts(@AuthenticationPrincipal AuthenticatedUser user) {
        String teams = teamsWatchedBy(user);
        Instant now = clock.instant();
        List<Map<String, Object>> alerts = new ArrayList<>();
        int longTimers = 0;
        List<Running> running = jdbc.sql("""
                        SELECT e.id AS entry_id, e.user_id, u.name AS user_name, p.name AS project_name, e.start_time
                        FROM time_entries e JOIN users u ON u.id = e.user_id JOIN projects p ON p.id = e.project_id
                        WHERE e.end_time IS NULL AND (CAST(:teams AS text) IS NULL OR p.team_id = ANY(CAST(string_to_array(:teams, ',') AS bigint[])))
                        ORDER BY e.start_time""")
                .param("teams", teams).query(Rows.of(Running.class)).list();
        for (Running r : running) {
            Duration elapsed = Duration.between(r.startTime(), now);
            Map<String, Object> alert = new LinkedHashMap<>();
            if (elapsed.compareTo(longTimer) >= 0) {
                longTimers++;
                double hours = Math.round(elapsed.toMinutes() / 6.0) / 10.0;
                alert.put("type", "long_timer");
                alert.put("severity", "warning");
                alert.put("message", r.userName() + " has been tracking time for " + hours + " hours");
                alert.put("hours", hours);
            } else {
                alert.put("type", "active_timer");
                alert.put("severity", "success");
                alert.put("message", r.userName() + " is working on " + r.projectName());
            }
            alert.put("user_id", r.userId());
            alert.put("user_name", r.userName());
            alert.put("entry_id", r.entryId());
            alert.put("project_name", r.projectName());
            alert.put("start_time", r.startTime().toString());
            alerts.add(alert);
        }
        // Active people who tracked before but not today (their zone: the caller's) nor yesterday.
        LocalDate today = LocalDate.now(clock.withZone(user.zone()));
        List<Idle> idle = jdbc.sql("""
                        SELECT u.id AS user_id, u.name AS user_name, max(e.start_time) AS last_start
                        FROM users u JOIN time_entries e ON e.user_id = u.id
                        WHERE u.is_active AND u.deleted_at IS NULL
                          AND (CAST(:teams AS text) IS NULL OR u.id IN (SELECT user_id FROM team_members
                               WHERE team_id = ANY(CAST(string_to_array(:teams, ',') AS bigint[]))))
                        GROUP BY u.id, u.name
                        HAVING max(e.start_time) < :cutoff
                        ORDER BY max(e.start_time)""")
                .param("teams", teams).param("cutoff", Timestamp.from(today.minusDays(1).atStartOfDay(user.zone()).toInstant()))
                .query(Rows.of(Idle.class)).list();
        for (Idle i : idle) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(i.lastStart().atZone(user.zone()).toLocalDate(), today);
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("type", "no_activity");
            alert.put("severity", "info");
            alert.put("message", i.userName() + " hasn't tracked time in " + days + " days");
            alert.put("user_id", i.userId());
            alert.put("user_name", i.userName());
            alert.put("days_ago", days);
            alerts.add(alert);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_alerts", alerts.size());
        summary.put("running_timers", running.size());
        summary.put("long_timers", longTimers);
        summary.put("inactive_users", idle.size());
        return Map.of("alerts", alerts, "summary", summary);
    }

    /** Null for everyone (admins); otherwise the teams the caller leads, as text for the SQL array. */
    private String teamsWatchedBy(AuthenticatedUser user) {
        if (user.isAdmin()) {
            return null;
        }
        Set<Long> teams = new TreeSet<>();
        memberships.teamIdsOf(user.id()).stream()
                .filter(team -> ApprovalPolicy.canApproveFor(user.role(), memberships.roleOf(user.id(), team)))
                .forEach(teams::add);
        if (teams.isEmpty()) {
            throw ApiException.forbidden("Activity alerts are for administrators and team leads");
        }
        return TeamIds.asText(teams);
    }
}
