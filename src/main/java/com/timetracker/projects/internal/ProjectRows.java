package com.timetracker.projects.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.platform.Paging;
import com.timetracker.teams.TeamRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for projects. Each row carries the caller's role in the project's team ({@code my_role}, null
 * for a non-member), so one query answers both "what is it" and "may this caller see it".
 */
@Repository
class ProjectRows {

    record ProjectRow(long id, String name, String description, long teamId, String teamName, String color, boolean isArchived,
                      Instant createdAt, Instant updatedAt, long taskCount, String myRole) {

        TeamRole callerRole() {
            return myRole == null ? null : TeamRole.parse(myRole).orElse(TeamRole.MEMBER);
        }
    }

    record TeamRef(long id, String name, String myRole) {

        TeamRole callerRole() {
            return myRole == null ? null : TeamRole.parse(myRole).orElse(TeamRole.MEMBER);
        }
    }

    record Page(List<ProjectRow> items, long total) {
    }

    record Filter(Long teamId, boolean includeArchived, String namePattern) {
    }

    private static final String COLUMNS = """
            p.id, p.name, p.description, p.team_id, t.name AS team_name, p.color, p.is_archived, p.created_at, p.updated_at,
            (SELECT count(*) FROM tasks k WHERE k.project_id = p.id) AS task_count,
            (SELECT m.role FROM team_members m WHERE m.team_id = p.team_id AND m.user_id = :caller) AS my_role
            FROM projects p JOIN teams t ON t.id = p.team_id""";

    private final JdbcClient jdbc;

    ProjectRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Projects of the caller's teams (of every team when {@code all}), newest first. */
    Page page(long caller, boolean all, Filter filter, Paging paging) {
        String where = """
                WHERE (:seeAll OR p.team_id IN (SELECT me.team_id FROM team_members me WHERE me.user_id = :caller))
                  AND (CAST(:team AS bigint) IS NULL OR p.team_id = CAST(:team AS bigint))
                  AND (:includeArchived OR NOT p.is_archived)
                  AND (CAST(:pattern AS text) IS NULL OR p.name ILIKE CAST(:pattern AS text) ESCAPE '\\')""";
        long total = jdbc.sql("SELECT count(*) FROM projects p " + where)
                .param("seeAll", all).param("caller", caller).param("team", filter.teamId())
                .param("includeArchived", filter.includeArchived()).param("pattern", filter.namePattern())
                .query(Long.class).single();
        List<ProjectRow> items = jdbc.sql("SELECT " + COLUMNS + " " + where + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .param("seeAll", all).param("caller", caller).param("team", filter.teamId())
                .param("includeArchived", filter.includeArchived()).param("pattern", filter.namePattern())
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(ProjectRow.class)).list();
        return new Page(items, total);
    }

    Optional<ProjectRow> find(long id, long caller) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE p.id = :id").param("id", id).param("caller", caller).query(Rows.of(ProjectRow.class)).optional();
    }

    Optional<TeamRef> team(long teamId, long caller) {
        return jdbc.sql("""
                        SELECT t.id, t.name, (SELECT m.role FROM team_members m WHERE m.team_id = t.id AND m.user_id = :caller) AS my_role
                        FROM teams t WHERE t.id = :id""")
                .param("id", teamId).param("caller", caller).query(Rows.of(TeamRef.class)).optional();
    }

    long create(long teamId, String name, String description, String color) {
        return jdbc.sql("""
                        INSERT INTO projects (team_id, name, description, color, is_archived, created_at, updated_at)
                        VALUES (:team, :name, :description, :color, false, now(), now()) RETURNING id""")
                .param("team", teamId).param("name", name).param("description", description).param("color", color)
                .query(Long.class).single();
    }

    void update(long id, String name, String description, String color, boolean archived) {
        jdbc.sql("""
                        UPDATE projects SET name = :name, description = :description, color = :color, is_archived = :archived, updated_at = now()
                        WHERE id = :id""")
                .param("id", id).param("name", name).param("description", description).param("color", color).param("archived", archived)
                .update();
    }
}
