package com.timetracker.projects;

import com.timetracker.platform.Rows;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks up projects and tasks for other modules (the timer checks where time may be tracked). */
@Component
public class ProjectCatalog {

    public record Project(long id, long teamId, String name, boolean isArchived) {
    }

    public record Task(long id, long projectId, String name) {
    }

    private final JdbcClient jdbc;

    public ProjectCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Project> project(long id) {
        return jdbc.sql("SELECT id, team_id, name, is_archived FROM projects WHERE id = :id").param("id", id).query(Rows.of(Project.class)).optional();
    }

    public Optional<Task> task(long id) {
        return jdbc.sql("SELECT id, project_id, name FROM tasks WHERE id = :id").param("id", id).query(Rows.of(Task.class)).optional();
    }
}
