package com.timetracker.teams.internal;

import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.ClientAddress;
import com.timetracker.platform.Paging;
import com.timetracker.platform.SearchTerm;
import com.timetracker.teams.TeamRole;
import com.timetracker.teams.internal.TeamResponses.MemberResponse;
import com.timetracker.teams.internal.TeamResponses.TeamDetailResponse;
import com.timetracker.teams.internal.TeamResponses.TeamResponse;

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

/** V1's {@code /api/teams} (reference §3.5). */
@RestController
@RequestMapping("/api/teams")
class TeamController {

    static final String TEAM_ROLES = "owner|admin|member";
    static final String NOT_BLANK = "(?s).*\\S.*";

    record CreateTeam(@NotBlank @Size(max = 255) String name) {
    }

    record UpdateTeam(@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 255) String name) {
    }

    record AddMember(@NotNull Long userId, @Pattern(regexp = TEAM_ROLES, message = "must be one of " + TEAM_ROLES) String role) {
    }

    record ChangeRole(@NotNull @Pattern(regexp = TEAM_ROLES, message = "must be one of " + TEAM_ROLES) String role) {
    }

    private final Teams teams;
    private final ClientAddress clientAddress;

    TeamController(Teams teams, ClientAddress clientAddress) {
        this.teams = teams;
        this.clientAddress = clientAddress;
    }

    @GetMapping
    Paging.Page<TeamResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(name = "page_size", required = false) Integer pageSize,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String search) {
        Paging paging = Paging.of(page, pageSize, size);
        TeamRows.Page found = teams.page(caller, SearchTerm.containsPattern(search), paging);
        return paging.page(found.items(), found.total(), TeamResponse::of);
    }

    @GetMapping("/{id}")
    TeamDetailResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id) {
        return TeamDetailResponse.of(teams.detail(caller, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TeamResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateTeam body, HttpServletRequest request) {
        return TeamResponse.of(teams.create(caller, body.name().strip(), actor(caller, request)));
    }

    @PutMapping("/{id}")
    TeamResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @Valid @RequestBody UpdateTeam body,
                        HttpServletRequest request) {
        return TeamResponse.of(teams.rename(caller, id, body.name() == null ? null : body.name().strip(), actor(caller, request)));
    }

    @DeleteMapping("/{id}")
    Map<String, String> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, HttpServletRequest request) {
        teams.delete(caller, id, actor(caller, request));
        return Map.of("message", "Team deleted successfully");
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberResponse addMember(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @Valid @RequestBody AddMember body,
                             HttpServletRequest request) {
        TeamRole role = body.role() == null ? TeamRole.MEMBER : TeamRole.parse(body.role()).orElseThrow();
        return MemberResponse.of(teams.addMember(caller, id, body.userId(), role, actor(caller, request)));
    }

    @PutMapping("/{id}/members/{userId}")
    MemberResponse changeRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @PathVariable long userId,
                              @Valid @RequestBody ChangeRole body, HttpServletRequest request) {
        return MemberResponse.of(teams.changeRole(caller, id, userId, TeamRole.parse(body.role()).orElseThrow(), actor(caller, request)));
    }

    @DeleteMapping("/{id}/members/{userId}")
    Map<String, String> removeMember(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable long id, @PathVariable long userId,
                                     HttpServletRequest request) {
        teams.removeMember(caller, id, userId, actor(caller, request));
        return Map.of("message", "Member removed successfully");
    }

    private AuditEvent.Actor actor(AuthenticatedUser caller, HttpServletRequest request) {
        return clientAddress.actor(request, caller.id(), caller.email());
    }
}
