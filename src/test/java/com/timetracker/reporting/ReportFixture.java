package com.timetracker.reporting;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Teams, projects and time entries written straight into the database, for report tests. */
final class ReportFixture {

    private final JdbcClient jdbc;

    ReportFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long team(String name, long ownerId) {
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES (:n, :u, now(), now()) RETURNING id")
                .param("n", name).param("u", ownerId).query(Long.class).single();
        member(team, ownerId, "owner");
        return team;
    }

    void member(long team, long userId, String role) {
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :u, :r, now())")
                .param("t", team).param("u", userId).param("r", role).update();
    }

    long project(long team, String name) {
        return jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, :n, '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).param("n", name).query(Long.class).single();
    }

    long task(long project, String name, String status) {
        return jdbc.sql("INSERT INTO tasks (project_id, name, status, created_at, updated_at) VALUES (:p, :n, :s, now(), now()) RETURNING id")
                .param("p", project).param("n", name).param("s", status).query(Long.class).single();
    }

    /** A finished entry from {@code start} to {@code end} (ISO instants); {@code end} null for a running one. */
    long entry(long userId, long projectId, Long taskId, String start, String end) {
        Instant s = Instant.parse(start);
        Instant e = end == null ? null : Instant.parse(end);
        return jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, task_id, start_time, end_time, duration_seconds, is_running, created_at, updated_at)
                        VALUES (:u, :p, :t, :s, :e, :d, :r, now(), now()) RETURNING id""")
                .param("u", userId).param("p", projectId).param("t", taskId)
                .param("s", java.sql.Timestamp.from(s)).param("e", e == null ? null : java.sql.Timestamp.from(e))
                .param("d", e == null ? null : (int) (e.getEpochSecond() - s.getEpochSecond())).param("r", e == null)
                .query(Long.class).single();
    }
}
