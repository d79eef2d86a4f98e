package com.timetracker.projects.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Paging;
import com.timetracker.projects.ProjectCreated;
import com.timetracker.projects.ProjectPolicy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects, each action authorized by {@link ProjectPolicy}. A project of a team the caller is not
 * in answers 404 like one that does not exist. Deleting archives: nothing with tracked time goes.
 */
@Service
class Projects {

    static final String DEFAULT_COLOR = "#3B82F6";

    /** Changes of {@code PUT}; null fields stay as they are. */
    record Changes(String name, String description, String color, Boolean isArchived) {
    }

    private final ProjectRows rows;
    private final ApplicationEventPublisher events;

    Projects(ProjectRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ProjectRows.Page page(AuthenticatedUser caller, ProjectRows.Filter filter, Paging paging) {
        return rows.page(caller.id(), caller.isAdmin(), filter, paging);
    }

    @Transactional(readOnly = true)
    ProjectRows.ProjectRow get(AuthenticatedUser caller, long id) {
        return visible(caller, id);
    }

    @Transactional
    ProjectRows.ProjectRow create(AuthenticatedUser caller, long teamId, String name, String description, String color,
                                  AuditEvent.Actor audit) {
        ProjectRows.TeamRef team = rows.team(teamId, caller.id()).orElse(null);
        if (!caller.isAdmin() && (team == null || !ProjectPolicy.canCreateProject(caller.role(), team.callerRole()))) {
            throw ApiException.forbidden("No access to this team"); // the same for a team that does not exist: ids reveal nothing
        }
        if (team == null) {
            throw ApiException.notFound("Team not found");
        }
        String colour = color == null ? DEFAULT_COLOR : color;
        long id;
        try {
            id = rows.create(teamId, name, description, colour);
        } catch (DataIntegrityViolationException e) {
            throw ApiException.notFound("Team not found"); // deleted since the lookup
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("team_id", teamId);
        values.put("color", colour);
        events.publishEvent(new AuditEvent("CREATE", "project", id, audit, null, values, "project created"));
        events.publishEvent(new ProjectCreated(id, name, teamId, team.name(), colour, caller.id(), caller.name()));
        return rows.find(id, caller.id()).orElseThrow();
    }

    @Transactional
    ProjectRows.ProjectRow update(AuthenticatedUser caller, long id, Changes changes, AuditEvent.Actor audit) {
        ProjectRows.ProjectRow project = editable(caller, id);
        String name = changes.name() == null ? project.name() : changes.name();
        String description = changes.description() == null ? project.description() : changes.description();
        String color = changes.color() == null ? project.color() : changes.color();
        boolean archived = changes.isArchived() == null ? project.isArchived() : changes.isArchived();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        compare("name", project.name(), name, before, after);
        compare("description", project.description(), description, before, after);
        compare("color", project.color(), color, before, after);
        compare("is_archived", project.isArchived(), archived, before, after);
        if (after.isEmpty()) {
            return project;
        }
        rows.update(id, name, description, color, archived);
        events.publishEvent(new AuditEvent("UPDATE", "project", id, audit, before, after, "project updated"));
        return rows.find(id, caller.id()).orElseThrow();
    }

    /** V1's DELETE: the project is archived, its tasks and tracked time stay. */
    @Transactional
    void archive(AuthenticatedUser caller, long id, AuditEvent.Actor audit) {
        ProjectRows.ProjectRow project = editable(caller, id);
        if (!project.isArchived()) {
            rows.update(id, project.name(), project.description(), project.color(), true);
            events.publishEvent(new AuditEvent("ARCHIVE", "project", id, audit, Map.of("is_archived", false), Map.of("is_archived", true),
                    "project archived"));
        }
    }

    @Transactional
    ProjectRows.ProjectRow restore(AuthenticatedUser caller, long id, AuditEvent.Actor audit) {
        ProjectRows.ProjectRow project = editable(caller, id);
        if (!project.isArchived()) {
            return project;
        }
        rows.update(id, project.name(), project.description(), project.color(), false);
        events.publishEvent(new AuditEvent("RESTORE", "project", id, audit, Map.of("is_archived", true), Map.of("is_archived", false),
                "project restored"));
        return rows.find(id, caller.id()).orElseThrow();
    }

    private ProjectRows.ProjectRow visible(AuthenticatedUser caller, long id) {
        return rows.find(id, caller.id()).filter(project -> ProjectPolicy.canSee(caller.role(), project.callerRole()))
                .orElseThrow(() -> ApiException.notFound("Project not found"));
    }

    private ProjectRows.ProjectRow editable(AuthenticatedUser caller, long id) {
        ProjectRows.ProjectRow project = visible(caller, id);
        if (!ProjectPolicy.canEditProject(caller.role(), project.callerRole())) {
            throw ApiException.forbidden("Access denied");
        }
        return project;
    }

    private static void compare(String field, Object old, Object now, Map<String, Object> before, Map<String, Object> after) {
        if (!Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }
}
