package com.timetracker.projects.internal;

import java.time.Instant;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.ClientAddress;
import com.timetracker.platform.Paging;
import com.timetracker.platform.SearchTerm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/tasks} (reference §3.7). */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    static final String STATUSES = "TODO|IN_PROGRESS|DONE";

    record CreateTask(@NotBlank @Size(max = 255) String name,
                      @Size(max = ProjectController.DESCRIPTION_MAX) String description,
                      @NotNull Long projectId,
                      @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status) {
    }

    record UpdateTask(@Pattern(regexp = ProjectController.NOT_BLANK, message = "must not be blank") @Size(max = 255) String name,
                      @Size(max = ProjectController.DESCRIPTION_MAX) String description,
                      @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status) {
    }

    /** V1's {@code TaskResponse}. */
    record TaskResponse(long id, String name, String description, long projectId, String projectName, String status, Instant createdAt,
                        Instant updatedAt) {

        static TaskResponse of(TaskRows.TaskRow row) {
            return new TaskResponse(row.id(), row.name(), row.description(), row.projectId(), row.projectName(), row.status(),
                    row.createdAt(), row.updatedAt());
        }
    }

    private final Tasks tasks;
    private final ClientAddress clientAddress;

    TaskController(Tasks tasks, ClientAddress clientAddress) {
        this.tasks = tasks;
        this.clientAddress = clientAddress;
    }

    /** A {@code project_id} of a team the caller is not in gives an empty page. */
    @GetMapping
    Paging.Page<TaskResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(name = "page_size", required = false) Integer pageSize,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(name = "project_id", required = false) Long projectId,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String search) {
        Paging paging = Paging.of(page, pageSize, size);
        if (status != null && !status.matches(STATUSES)) {
            throw ApiException.invalid("status: must be one of " + STATUSES);
        }
        TaskRows.Page found = tasks.page(caller, new TaskRows.Filter(projectId, status, SearchTerm.containsPattern(search)), paging);
        return paging.page(found.items(), found.total(), TaskResponse::of);
    }

    @GetMapping("/{id}")
    TaskResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id) {
        return TaskResponse.of(tasks.get(caller, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TaskResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateTask body, HttpServletRequest request) {
        return TaskResponse.of(tasks.create(caller, body.projectId(), body.name().strip(), body.description(), body.status(),
                actor(caller, request)));
    }

    @PutMapping("/{id}")
    TaskResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @Valid @RequestBody UpdateTask body,
                        HttpServletRequest request) {
        Tasks.Changes changes = new Tasks.Changes(body.name() == null ? null : body.name().strip(), body.description(), body.status());
        return TaskResponse.of(tasks.update(caller, id, changes, actor(caller, request)));
    }

    @DeleteMapping("/{id}")
    Map<String, String> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, HttpServletRequest request) {
        tasks.delete(caller, id, actor(caller, request));
        return Map.of("message", "Task deleted successfully");
    }

    private AuditEvent.Actor actor(AuthenticatedUser caller, HttpServletRequest request) {
        return clientAddress.actor(request, caller.id(), caller.email());
    }
}
