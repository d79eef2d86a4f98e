package com.timetracker.projects.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.platform.Paging;
import com.timetracker.teams.TeamRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tasks; each row carries its project's team and the caller's role in it (null for a non-member). */
@Repository
class TaskRows {

    record TaskRow(long id, String name, String description, long projectId, String projectName, String status, Instant createdAt,
                   Instant updatedAt, long teamId, String myRole) {

        TeamRole callerRole() {
            return myRole == null ? null : TeamRole.parse(myRole).orElse(TeamRole.MEMBER);
        }
    }

    record Page(List<TaskRow> items, long total) {
    }

    record Filter(Long projectId, String status, String namePattern) {
    }

    private static final String COLUMNS = """
            k.id, k.name, k.description, k.project_id, p.name AS project_name, k.status, k.created_at, k.updated_at, p.team_id,
            (SELECT m.role FROM team_members m WHERE m.team_id = p.team_id AND m.user_id = :caller) AS my_role
            FROM tasks k JOIN projects p ON p.id = k.project_id""";

    private final JdbcClient jdbc;

    TaskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks of the caller's teams' projects (of every project when {@code all}), newest first. */
    Page page(long caller, boolean all, Filter filter, Paging paging) {
        String where = """
                WHERE (:seeAll OR p.team_id IN (SELECT me.team_id FROM team_members me WHERE me.user_id = :caller))
                  AND (CAST(:project AS bigint) IS NULL OR k.project_id = CAST(:project AS bigint))
                  AND (CAST(:status AS text) IS NULL OR k.status = CAST(:status AS text))
                  AND (CAST(:pattern AS text) IS NULL OR k.name ILIKE CAST(:pattern AS text) ESCAPE '\\')""";
        long total = jdbc.sql("SELECT count(*) FROM tasks k JOIN projects p ON p.id = k.project_id " + where)
                .param("seeAll", all).param("caller", caller).param("project", filter.projectId()).param("status", filter.status())
                .param("pattern", filter.namePattern())
                .query(Long.class).single();
        List<TaskRow> items = jdbc.sql("SELECT " + COLUMNS + " " + where + " ORDER BY k.created_at DESC, k.id DESC LIMIT :limit OFFSET :offset")
                .param("seeAll", all).param("caller", caller).param("project", filter.projectId()).param("status", filter.status())
                .param("pattern", filter.namePattern())
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(TaskRow.class)).list();
        return new Page(items, total);
    }

    Optional<TaskRow> find(long id, long caller) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE k.id = :id").param("id", id).param("caller", caller).query(Rows.of(TaskRow.class)).optional();
    }

    /** Locks the task until the transaction ends: no time can be tracked on it while it is being deleted. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM tasks WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    long create(long projectId, String name, String description, String status) {
        return jdbc.sql("""
                        INSERT INTO tasks (project_id, name, description, status, created_at, updated_at)
                        VALUES (:project, :name, :description, :status, now(), now()) RETURNING id""")
                .param("project", projectId).param("name", name).param("description", description).param("status", status)
                .query(Long.class).single();
    }

    void update(long id, String name, String description, String status) {
        jdbc.sql("UPDATE tasks SET name = :name, description = :description, status = :status, updated_at = now() WHERE id = :id")
                .param("id", id).param("name", name).param("description", description).param("status", status).update();
    }

    long timeEntries(long id) {
        return jdbc.sql("SELECT count(*) FROM time_entries WHERE task_id = :id").param("id", id).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM tasks WHERE id = :id").param("id", id).update();
    }
}
