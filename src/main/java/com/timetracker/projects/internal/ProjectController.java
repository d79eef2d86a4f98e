package com.timetracker.projects.internal;

import java.time.Instant;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
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

/** V1's {@code /api/projects} (reference §3.6); DELETE archives, as in V1. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    static final String COLOR = "^#[0-9A-Fa-f]{6}$";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final int DESCRIPTION_MAX = 10_000;

    record CreateProject(@NotBlank @Size(max = 255) String name,
                         @Size(max = DESCRIPTION_MAX) String description,
                         @NotNull Long teamId,
                         @Pattern(regexp = COLOR, message = "must be a colour like #3B82F6") String color) {
    }

    record UpdateProject(@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 255) String name,
                         @Size(max = DESCRIPTION_MAX) String description,
                         @Pattern(regexp = COLOR, message = "must be a colour like #3B82F6") String color,
                         Boolean isArchived) {
    }

    /** V1's {@code ProjectResponse}; {@code task_count} counts all the project's tasks. */
    record ProjectResponse(long id, String name, String description, long teamId, String teamName, String color, boolean isArchived,
                           Instant createdAt, Instant updatedAt, long taskCount) {

        static ProjectResponse of(ProjectRows.ProjectRow row) {
            return new ProjectResponse(row.id(), row.name(), row.description(), row.teamId(), row.teamName(), row.color(), row.isArchived(),
                    row.createdAt(), row.updatedAt(), row.taskCount());
        }
    }

    private final Projects projects;
    private final ClientAddress clientAddress;

    ProjectController(Projects projects, ClientAddress clientAddress) {
        this.projects = projects;
        this.clientAddress = clientAddress;
    }

    /** A {@code team_id} the caller is not in gives an empty page, like a team without projects. */
    @GetMapping
    Paging.Page<ProjectResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(name = "page_size", required = false) Integer pageSize,
                                      @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String search,
                                      @RequestParam(name = "team_id", required = false) Long teamId,
                                      @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
        Paging paging = Paging.of(page, pageSize, size);
        ProjectRows.Page found = projects.page(caller, new ProjectRows.Filter(teamId, includeArchived, SearchTerm.containsPattern(search)), paging);
        return paging.page(found.items(), found.total(), ProjectResponse::of);
    }

    @GetMapping("/{id}")
    ProjectResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id) {
        return ProjectResponse.of(projects.get(caller, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateProject body,
                           HttpServletRequest request) {
        return ProjectResponse.of(projects.create(caller, body.teamId(), body.name().strip(), body.description(), body.color(),
                actor(caller, request)));
    }

    @PutMapping("/{id}")
    ProjectResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @Valid @RequestBody UpdateProject body,
                           HttpServletRequest request) {
        Projects.Changes changes = new Projects.Changes(body.name() == null ? null : body.name().strip(), body.description(), body.color(),
                body.isArchived());
        return ProjectResponse.of(projects.update(caller, id, changes, actor(caller, request)));
    }

    @DeleteMapping("/{id}")
    Map<String, String> archive(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, HttpServletRequest request) {
        projects.archive(caller, id, actor(caller, request));
        return Map.of("message", "Project archived successfully");
    }

    @PostMapping("/{id}/restore")
    ProjectResponse restore(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, HttpServletRequest request) {
        return ProjectResponse.of(projects.restore(caller, id, actor(caller, request)));
    }

    private AuditEvent.Actor actor(AuthenticatedUser caller, HttpServletRequest request) {
        return clientAddress.actor(request, caller.id(), caller.email());
    }
}
