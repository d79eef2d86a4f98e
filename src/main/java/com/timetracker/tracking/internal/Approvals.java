package com.timetracker.tracking.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.ApprovalPolicy;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Approving and rejecting finished time entries (V1's router never worked). */
@Service
class Approvals {

    record Pending(long id, long userId, String userName, long projectId, String projectName, Long taskId, String description,
                   Instant startTime, Instant endTime, Integer durationSeconds, String approvalStatus) {
    }

    @Schema(name = "ApprovalStats")
    record Stats(long pending, long approved, long rejected, long total) {
    }

    private final JdbcClient jdbc;
    private final TimeEntryRows entries;
    private final TeamMemberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(JdbcClient jdbc, TimeEntryRows entries, TeamMemberships memberships, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    /** The teams whose time the caller decides on; null means every team. */
    private Set<Long> approvableTeams(AuthenticatedUser user) {
        if (user.isAdmin()) {
            return null;
        }
        Set<Long> teams = new TreeSet<>();
        for (Long team : memberships.teamIdsOf(user.id())) {
            if (ApprovalPolicy.canApproveFor(user.role(), memberships.roleOf(user.id(), team))) {
                teams.add(team);
            }
        }
        if (teams.isEmpty()) {
            throw ApiException.forbidden("Only team owners and admins, managers and administrators approve time");
        }
        return teams;
    }

    private static final String SCOPE = "\n" + """
             AND (CAST(:teams AS text) IS NULL OR p.team_id = ANY(CAST(string_to_array(:teams, ',') AS bigint[])))
             AND (CAST(:user AS bigint) IS NULL OR e.user_id = CAST(:user AS bigint))""";

    List<Pending> pending(AuthenticatedUser user, Long userId, Long projectId, int skip, int limit) {
        Set<Long> teams = approvableTeams(user);
        return jdbc.sql("""
                        SELECT e.id, e.user_id, u.name AS user_name, e.project_id, p.name AS project_name, e.task_id, e.description,
                               e.start_time, e.end_time, e.duration_seconds, e.approval_status
                        FROM time_entries e JOIN projects p ON p.id = e.project_id JOIN users u ON u.id = e.user_id
                        WHERE e.approval_status = 'pending' AND e.end_time IS NOT NULL
                          AND (CAST(:project AS bigint) IS NULL OR e.project_id = CAST(:project AS bigint))""" + SCOPE + """

                        ORDER BY e.start_time DESC, e.id DESC LIMIT :limit OFFSET :skip""")
                .param("project", projectId).param("teams", TeamIds.asText(teams)).param("user", userId)
                .param("limit", limit).param("skip", skip)
                .query(Rows.of(Pending.class)).list();
    }

    Stats stats(AuthenticatedUser user, Long userId) {
        Set<Long> teams = approvableTeams(user);
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE e.approval_status = 'pending') AS pending,
                               count(*) FILTER (WHERE e.approval_status = 'approved') AS approved,
                               count(*) FILTER (WHERE e.approval_status = 'rejected') AS rejected,
                               count(*) AS total
                        FROM time_entries e JOIN projects p ON p.id = e.project_id
                        WHERE e.end_time IS NOT NULL""" + SCOPE)
                .param("teams", TeamIds.asText(teams)).param("user", userId)
                .query(Rows.of(Stats.class)).single();
    }

    /** Sets the decision on each entry; all or nothing. Returns the entries that changed. */
    @Transactional
    List<Long> decide(AuthenticatedUser user, List<Long> ids, String status, String reason, AuditEvent.Actor actor) {
        Set<Long> teams = approvableTeams(user);
        List<Long> missing = new ArrayList<>();
        List<TimeEntryView> found = new ArrayList<>();
        for (Long id : ids) {
            entries.find(id).filter(e -> teams == null || teams.contains(e.teamId())).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw ApiException.notFound("Some entries not found: " + missing);
        }
        List<Long> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (TimeEntryView entry : found) {
            if (entry.isRunning()) {
                throw ApiException.badRequest("Entry " + entry.id() + " is still running; stop the timer before it is approved");
            }
            if (entry.userId() == user.id() && !ApprovalPolicy.canDecideOwnEntry(user.role())) {
                throw ApiException.forbidden("You cannot approve or reject your own time (entry " + entry.id() + ")");
            }
            if (status.equals(entry.approvalStatus())) {
                continue;
            }
            boolean reset = status.equals("pending");
            jdbc.sql("""
                            UPDATE time_entries SET approval_status = :status, approved_by = :by, approved_at = :at,
                                   rejection_reason = :reason, updated_at = :at
                            WHERE id = :id""")
                    .param("status", status).param("by", reset ? null : (int) user.id()).param("at", Timestamp.from(now))
                    .param("reason", status.equals("rejected") ? reason : null).param("id", entry.id())
                    .update();
            events.publishEvent(new AuditEvent(reset ? "APPROVAL_RESET" : status.equals("approved") ? "APPROVE" : "REJECT",
                    "time_entry", entry.id(), actor, Map.of("approval_status", entry.approvalStatus()), Map.of("approval_status", status),
                    reason));
            changed.add(entry.id());
        }
        return changed;
    }

}
