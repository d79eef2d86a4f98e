package com.timetracker.teams.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.platform.Paging;
import com.timetracker.teams.TeamRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for teams and memberships; every list is one query for the page plus one count. */
@Repository
class TeamRows {

    /** A team as its caller sees it: {@code myRole} is the caller's role in it, null when not a member. */
    record TeamRow(long id, String name, long ownerId, Instant createdAt, Instant updatedAt, long memberCount, String myRole) {

        TeamRole callerRole() {
            return myRole == null ? null : TeamRole.parse(myRole).orElse(TeamRole.MEMBER);
        }
    }

    record MemberRow(long userId, long teamId, String role, Instant joinedAt, String userName, String userEmail, String userRole) {

        TeamRole teamRole() {
            return TeamRole.parse(role).orElse(TeamRole.MEMBER);
        }
    }

    record UserRow(long id, String name, String email, String role) {
    }

    record Page(List<TeamRow> items, long total) {
    }

    private static final String TEAM_COLUMNS = """
            t.id, t.name, t.owner_id, t.created_at, t.updated_at,
            (SELECT count(*) FROM team_members m WHERE m.team_id = t.id) AS member_count,
            (SELECT m.role FROM team_members m WHERE m.team_id = t.id AND m.user_id = :caller) AS my_role""";

    private static final String MEMBER_COLUMNS = """
            m.user_id, m.team_id, m.role, m.joined_at, u.name AS user_name, u.email AS user_email, u.role AS user_role""";

    private final JdbcClient jdbc;

    TeamRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Teams the caller belongs to (every team when {@code all}), newest first. */
    Page page(long caller, boolean all, String namePattern, Paging paging) {
        String where = """
                WHERE (:seeAll OR EXISTS (SELECT 1 FROM team_members me WHERE me.team_id = t.id AND me.user_id = :caller))
                  AND (CAST(:pattern AS text) IS NULL OR t.name ILIKE CAST(:pattern AS text) ESCAPE '\\')""";
        long total = jdbc.sql("SELECT count(*) FROM teams t " + where)
                .param("seeAll", all).param("caller", caller).param("pattern", namePattern)
                .query(Long.class).single();
        List<TeamRow> items = jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t " + where
                        + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit OFFSET :offset")
                .param("seeAll", all).param("caller", caller).param("pattern", namePattern)
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(TeamRow.class)).list();
        return new Page(items, total);
    }

    Optional<TeamRow> find(long id, long caller) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.id = :id")
                .param("id", id).param("caller", caller).query(Rows.of(TeamRow.class)).optional();
    }

    /**
     * Locks the team row until the transaction ends, so membership changes of one team happen one
     * at a time (two owners demoting each other at once must not leave the team without an owner).
     */
    boolean lock(long id) {
        return jdbc.sql("SELECT id FROM teams WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional().isPresent();
    }

    List<MemberRow> members(long teamId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_members m JOIN users u ON u.id = m.user_id"
                        + " WHERE m.team_id = :team ORDER BY m.joined_at, m.user_id")
                .param("team", teamId).query(Rows.of(MemberRow.class)).list();
    }

    Optional<MemberRow> member(long teamId, long userId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_members m JOIN users u ON u.id = m.user_id"
                        + " WHERE m.team_id = :team AND m.user_id = :user")
                .param("team", teamId).param("user", userId).query(Rows.of(MemberRow.class)).optional();
    }

    Optional<UserRow> user(long id) {
        return jdbc.sql("SELECT id, name, email, role FROM users WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(Rows.of(UserRow.class)).optional();
    }

    long create(String name, long ownerId) {
        long id = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES (:name, :owner, now(), now()) RETURNING id")
                .param("name", name).param("owner", ownerId).query(Long.class).single();
        addMember(id, ownerId, TeamRole.OWNER);
        return id;
    }

    void rename(long id, String name) {
        jdbc.sql("UPDATE teams SET name = :name, updated_at = now() WHERE id = :id").param("name", name).param("id", id).update();
    }

    /** False when the user already is a member. */
    boolean addMember(long teamId, long userId, TeamRole role) {
        return jdbc.sql("""
                        INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:team, :user, :role, now())
                        ON CONFLICT (team_id, user_id) DO NOTHING""")
                .param("team", teamId).param("user", userId).param("role", role.value()).update() == 1;
    }

    void changeRole(long teamId, long userId, TeamRole role) {
        jdbc.sql("UPDATE team_members SET role = :role WHERE team_id = :team AND user_id = :user")
                .param("role", role.value()).param("team", teamId).param("user", userId).update();
    }

    void removeMember(long teamId, long userId) {
        jdbc.sql("DELETE FROM team_members WHERE team_id = :team AND user_id = :user").param("team", teamId).param("user", userId).update();
    }

    long owners(long teamId) {
        return jdbc.sql("SELECT count(*) FROM team_members WHERE team_id = :team AND role = 'owner'")
                .param("team", teamId).query(Long.class).single();
    }

    /**
     * Keeps V1's {@code teams.owner_id} pointing at an owner (the longest-standing one) once the
     * user it named stopped being one; permissions follow {@code team_members.role}, never this column.
     */
    void keepOwnerIdOnAnOwner(long teamId) {
        jdbc.sql("""
                        UPDATE teams t SET owner_id = o.user_id, updated_at = now()
                        FROM (SELECT user_id FROM team_members WHERE team_id = :team AND role = 'owner'
                              ORDER BY joined_at, user_id LIMIT 1) o
                        WHERE t.id = :team AND NOT EXISTS (SELECT 1 FROM team_members m
                              WHERE m.team_id = :team AND m.user_id = t.owner_id AND m.role = 'owner')""")
                .param("team", teamId).update();
    }

    record Contents(long projects, long tasks, long timeEntries) {
    }

    /** What a delete of the team would take with it; time entries are never among what may go. */
    Contents contents(long teamId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM projects WHERE team_id = :team) AS projects,
                               (SELECT count(*) FROM tasks WHERE project_id IN (SELECT id FROM projects WHERE team_id = :team)) AS tasks,
                               (SELECT count(*) FROM time_entries e
                                WHERE e.project_id IN (SELECT id FROM projects WHERE team_id = :team)
                                   OR e.task_id IN (SELECT k.id FROM tasks k JOIN projects p ON p.id = k.project_id WHERE p.team_id = :team))
                                   AS time_entries""")
                .param("team", teamId).query(Rows.of(Contents.class)).single();
    }

    /** Deletes the team, its memberships, and its projects and tasks (which have no time entries). */
    void delete(long teamId) {
        jdbc.sql("DELETE FROM tasks WHERE project_id IN (SELECT id FROM projects WHERE team_id = :team)").param("team", teamId).update();
        jdbc.sql("DELETE FROM projects WHERE team_id = :team").param("team", teamId).update();
        jdbc.sql("DELETE FROM team_members WHERE team_id = :team").param("team", teamId).update();
        jdbc.sql("DELETE FROM teams WHERE id = :team").param("team", teamId).update();
    }
}
