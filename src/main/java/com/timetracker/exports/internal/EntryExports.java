package com.timetracker.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Set;

import com.timetracker.exports.DateRange;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.projects.ProjectCatalog;
import com.timetracker.projects.ProjectPolicy;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.TrackingPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the entries of an export: checks the scope against the policies, then counts and streams the
 * rows with a forward-only cursor (fetch size {@link #FETCH_SIZE}) in one read-only, repeatable-read
 * transaction, so the count matches the rows and memory holds one fetch at a time.
 */
@Component
class EntryExports {

    static final int FETCH_SIZE = 1000;

    /** Entries whose start lies in the range; ties broken by id so the order is stable. */
    private static final String FROM_WHERE = """
             FROM time_entries e
             JOIN projects p ON p.id = e.project_id
             LEFT JOIN tasks t ON t.id = e.task_id
            WHERE e.start_time >= :from AND e.start_time < :until
              AND (CAST(:user AS bigint) IS NULL OR e.user_id = CAST(:user AS bigint))
              AND (CAST(:project AS bigint) IS NULL OR e.project_id = CAST(:project AS bigint))
              AND (:everything OR e.user_id = :caller
                   OR p.team_id IN (SELECT m.team_id FROM team_members m WHERE m.user_id = :caller))""";

    enum Order {
        NEWEST_FIRST(" ORDER BY e.start_time DESC, e.id DESC"),
        OLDEST_FIRST(" ORDER BY e.start_time, e.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    private final JdbcClient jdbc;
    private final TeamMemberships memberships;
    private final ProjectCatalog projects;
    private final TransactionTemplate readOnly;

    EntryExports(JdbcClient jdbc, TeamMemberships memberships, ProjectCatalog projects, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.projects = projects;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The scope of {@code /api/export/*}: a global admin exports anyone's entries (everyone's without
     * {@code user_id}); anyone else their own, or with {@code user_id} a teammate's entries on the
     * projects of the teams they share (as {@code GET /api/time}); 403 for a user who shares no team
     * with them. A project filter must name a project the caller may see (404 otherwise).
     */
    EntryScope scope(AuthenticatedUser me, Long userId, Long projectId) {
        boolean everything = TrackingPolicy.seesAllEntries(me.role());
        if (userId != null && userId != me.id()) {
            if (everything) {
                boolean exists = jdbc.sql("SELECT count(*) FROM users WHERE id = :id").param("id", userId).query(Long.class).single() > 0;
                if (!exists) {
                    throw ApiException.notFound("User not found");
                }
            } else {
                Set<Long> shared = memberships.teamIdsOf(me.id());
                shared.retainAll(memberships.teamIdsOf(userId));
                if (shared.isEmpty()) {
                    throw ApiException.forbidden("Access denied");
                }
            }
        }
        checkProject(me, projectId);
        Long subject = userId != null ? userId : everything ? null : me.id();
        return new EntryScope(everything, me.id(), subject, projectId);
    }

    /** The scope of {@code /api/reports/export}: the caller's own entries, whatever their role (as V1). */
    EntryScope own(AuthenticatedUser me, Long projectId) {
        checkProject(me, projectId);
        return new EntryScope(false, me.id(), me.id(), projectId);
    }

    private void checkProject(AuthenticatedUser me, Long projectId) {
        if (projectId == null) {
            return;
        }
        projects.project(projectId)
                .filter(p -> ProjectPolicy.canSee(me.role(), memberships.roleOf(me.id(), p.teamId()).orElse(null)))
                .orElseThrow(() -> ApiException.notFound("Project not found or access denied"));
    }

    /** Counts the entries, then hands them to {@code sink} one by one as they arrive from PostgreSQL. */
    void export(EntryScope scope, DateRange range, Order order, EntrySink sink) {
        readOnly.executeWithoutResult(status -> {
            try {
                long total = bind(jdbc.sql("SELECT count(*)" + FROM_WHERE), scope, range).query(Long.class).single();
                sink.begin(total);
                bind(jdbc.sql("SELECT e.id, e.start_time, e.end_time, p.name AS project, t.name AS task, e.description"
                        + FROM_WHERE + order.sql), scope, range)
                        .withFetchSize(FETCH_SIZE)
                        .query(rs -> {
                            Timestamp end = rs.getTimestamp("end_time");
                            ExportedEntry entry = new ExportedEntry(rs.getLong("id"), rs.getTimestamp("start_time").toInstant(),
                                    end == null ? null : end.toInstant(), rs.getString("project"), rs.getString("task"), rs.getString("description"));
                            try {
                                sink.entry(entry);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                sink.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, EntryScope scope, DateRange range) {
        return spec.param("from", Timestamp.from(range.from())).param("until", Timestamp.from(range.until()))
                .param("user", scope.userId()).param("project", scope.projectId())
                .param("everything", scope.everything()).param("caller", scope.callerId());
    }
}
