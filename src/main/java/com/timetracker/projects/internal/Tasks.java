package com.timetracker.projects.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Paging;
import com.timetracker.projects.ProjectPolicy;
import com.timetracker.projects.TaskCreated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of projects, authorized by {@link ProjectPolicy} through the project's team. A task of a
 * team the caller is not in answers 404; a task with tracked time is never deleted (409).
 */
@Service
class Tasks {

    static final String DEFAULT_STATUS = "TODO";

    /** Changes of {@code PUT}; null fields stay as they are. */
    record Changes(String name, String description, String status) {
    }

    private final TaskRows rows;
    private final ProjectRows projects;
    private final ApplicationEventPublisher events;

    Tasks(TaskRows rows, ProjectRows projects, ApplicationEventPublisher events) {
        this.rows = rows;
        this.projects = projects;
        this.events = events;
    }

    @Transactional(readOnly = true)
    TaskRows.Page page(AuthenticatedUser caller, TaskRows.Filter filter, Paging paging) {
        return rows.page(caller.id(), caller.isAdmin(), filter, paging);
    }

    @Transactional(readOnly = true)
    TaskRows.TaskRow get(AuthenticatedUser caller, long id) {
        return visible(caller, id);
    }

    @Transactional
    TaskRows.TaskRow create(AuthenticatedUser caller, long projectId, String name, String description, String status,
                            AuditEvent.Actor audit) {
        ProjectRows.ProjectRow project = projects.find(projectId, caller.id())
                .filter(p -> ProjectPolicy.canSee(caller.role(), p.callerRole()))
                .orElseThrow(() -> ApiException.notFound("Project not found or access denied"));
        if (!ProjectPolicy.canEditTasks(caller.role(), project.callerRole())) {
            throw ApiException.forbidden("Access denied");
        }
        String state = status == null ? DEFAULT_STATUS : status;
        long id;
        try {
            id = rows.create(projectId, name, description, state);
        } catch (DataIntegrityViolationException e) {
            throw ApiException.notFound("Project not found or access denied"); // deleted with its team since the lookup
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("project_id", projectId);
        values.put("status", state);
        events.publishEvent(new AuditEvent("CREATE", "task", id, audit, null, values, "task created"));
        events.publishEvent(new TaskCreated(id, name, projectId, project.name(), project.teamId(), state, caller.id(), caller.name()));
        return rows.find(id, caller.id()).orElseThrow();
    }

    @Transactional
    TaskRows.TaskRow update(AuthenticatedUser caller, long id, Changes changes, AuditEvent.Actor audit) {
        TaskRows.TaskRow task = editable(caller, id);
        String name = changes.name() == null ? task.name() : changes.name();
        String description = changes.description() == null ? task.description() : changes.description();
        String status = changes.status() == null ? task.status() : changes.status();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        compare("name", task.name(), name, before, after);
        compare("description", task.description(), description, before, after);
        compare("status", task.status(), status, before, after);
        if (after.isEmpty()) {
            return task;
        }
        rows.update(id, name, description, status);
        events.publishEvent(new AuditEvent("UPDATE", "task", id, audit, before, after, "task updated"));
        return rows.find(id, caller.id()).orElseThrow();
    }

    /** V1 deleted the task's time entries with it; here a task with tracked time stays (409). */
    @Transactional
    void delete(AuthenticatedUser caller, long id, AuditEvent.Actor audit) {
        TaskRows.TaskRow task = editable(caller, id);
        rows.lock(id);
        long entries = rows.timeEntries(id);
        if (entries > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "Task \"" + task.name() + "\" has " + entries
                    + " time entries and cannot be deleted: tracked time is never deleted. Mark the task DONE, or archive its project instead.",
                    null, Map.of("time_entries", entries));
        }
        try {
            rows.delete(id);
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("Task \"" + task.name() + "\" cannot be deleted: other records refer to it. Mark it DONE instead.");
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("name", task.name());
        old.put("project_id", task.projectId());
        old.put("status", task.status());
        events.publishEvent(new AuditEvent("DELETE", "task", id, audit, old, null, "task deleted"));
    }

    private TaskRows.TaskRow visible(AuthenticatedUser caller, long id) {
        return rows.find(id, caller.id()).filter(task -> ProjectPolicy.canSee(caller.role(), task.callerRole()))
                .orElseThrow(() -> ApiException.notFound("Task not found"));
    }

    private TaskRows.TaskRow editable(AuthenticatedUser caller, long id) {
        TaskRows.TaskRow task = visible(caller, id);
        if (!ProjectPolicy.canEditTasks(caller.role(), task.callerRole())) {
            throw ApiException.forbidden("Access denied");
        }
        return task;
    }

    private static void compare(String field, Object old, Object now, Map<String, Object> before, Map<String, Object> after) {
        if (!Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }
}
