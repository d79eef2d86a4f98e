package com.timetracker.identity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;
import com.timetracker.identity.StaffMemberCreated;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.Paging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
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

/** V1's {@code /api/users} (reference §3.4), with staff fields editable and {@code /unlock} added. */
@RestController
@RequestMapping("/api/users")
class UserController {

    static final String ROLES = "super_admin|admin|manager|regular_user";

    record CreateUser(
            @NotBlank @Email @Size(max = 255) String email,
            @NotNull String password,
            @NotBlank @Size(max = 255) String name,
            @Pattern(regexp = ROLES, message = "must be one of " + ROLES) String role,
            @Size(max = 50) String phone,
            @Size(max = 2000) String address,
            @Size(max = 255) String emergencyContactName,
            @Size(max = 50) String emergencyContactPhone,
            @Size(max = 255) String jobTitle,
            @Size(max = 255) String department,
            @Pattern(regexp = "full_time|part_time|contractor", message = "must be full_time, part_time or contractor") String employmentType,
            LocalDate startDate,
            @DecimalMin("0") @DecimalMax("168") BigDecimal expectedHoursPerWeek,
            Long managerId,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal payRate,
            @Pattern(regexp = "hourly|daily|monthly|project_based", message = "must be hourly, daily, monthly or project_based") String payRateType,
            @DecimalMin("1.0") @DecimalMax("3.0") BigDecimal overtimeMultiplier,
            @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code such as USD") String currency,
            @Size(max = 100) List<@NotNull Long> teamIds) {
    }

    record UpdateUser(
            @Size(min = 1, max = 255) String name,
            @Email @Size(max = 255) String email,
            Boolean isActive,
            @Size(max = 50) String phone,
            @Size(max = 2000) String address,
            @Size(max = 255) String emergencyContactName,
            @Size(max = 50) String emergencyContactPhone,
            @Size(max = 255) String jobTitle,
            @Size(max = 255) String department,
            @Pattern(regexp = "full_time|part_time|contractor", message = "must be full_time, part_time or contractor") String employmentType,
            LocalDate startDate,
            @DecimalMin("0") @DecimalMax("168") BigDecimal expectedHoursPerWeek,
            Long managerId) {
    }

    record RoleChange(@NotNull @Pattern(regexp = ROLES, message = "must be one of " + ROLES) String role) {
    }

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final Requests requests;

    UserController(UserAdministration administration, UserDirectory directory, Requests requests) {
        this.administration = administration;
        this.directory = directory;
        this.requests = requests;
    }

    @GetMapping
    Paging.Page<UserResponse> list(@AuthenticationPrincipal AuthenticatedUser actor,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(name = "page_size", required = false) Integer pageSize,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String search,
                                   @RequestParam(name = "is_active", required = false) Boolean active,
                                   @RequestParam(required = false) String role) {
        UserAdministration.requireManager(actor);
        Paging paging = Paging.of(page, pageSize, size);
        if (role != null && Role.parse(role).isEmpty()) {
            throw ApiException.invalid("role: must be one of " + ROLES);
        }
        String term = search == null || search.isBlank() ? null : search.strip();
        UserDirectory.Page found = directory.find(term, active, role, paging);
        return paging.page(found.items(), found.total(), UserResponse::of);
    }

    @GetMapping("/{id}")
    UserResponse get(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id) {
        return UserResponse.of(administration.target(actor, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@AuthenticationPrincipal AuthenticatedUser actor, @Valid @RequestBody CreateUser body, HttpServletRequest request) {
        Role role = body.role() == null ? Role.REGULAR_USER : Role.parse(body.role()).orElseThrow();
        StaffMemberCreated.InitialPayRate payRate = body.payRate() == null || body.payRate().signum() == 0 ? null
                : new StaffMemberCreated.InitialPayRate(body.payRate(), body.payRateType() == null ? "hourly" : body.payRateType(),
                body.overtimeMultiplier() == null ? new BigDecimal("1.5") : body.overtimeMultiplier(),
                body.currency() == null ? "USD" : body.currency(), body.startDate());
        return UserResponse.of(administration.create(actor, body.email(), body.password(), body.name(), role,
                new UserAdministration.StaffProfile(body.phone(), body.address(), body.emergencyContactName(),
                        body.emergencyContactPhone(), body.jobTitle(), body.department(), body.employmentType(), body.startDate(),
                        body.expectedHoursPerWeek(), body.managerId()),
                body.teamIds() == null ? List.of() : body.teamIds().stream().distinct().toList(), payRate,
                requests.actor(request, actor)));
    }

    @PutMapping("/{id}")
    UserResponse update(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id, @Valid @RequestBody UpdateUser body,
                        HttpServletRequest request) {
        return UserResponse.of(administration.update(actor, id, body.name(), body.email(), body.isActive(),
                new UserAdministration.StaffProfile(body.phone(), body.address(), body.emergencyContactName(),
                        body.emergencyContactPhone(), body.jobTitle(), body.department(), body.employmentType(), body.startDate(),
                        body.expectedHoursPerWeek(), body.managerId()),
                requests.actor(request, actor)));
    }

    @DeleteMapping("/{id}")
    Map<String, String> deactivate(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id, HttpServletRequest request) {
        administration.deactivate(actor, id, requests.actor(request, actor));
        return Map.of("message", "User deactivated successfully");
    }

    @DeleteMapping("/{id}/permanent")
    Map<String, String> delete(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id, HttpServletRequest request) {
        String email = administration.deletePermanently(actor, id, requests.actor(request, actor));
        return Map.of("message", "User " + email + " permanently deleted");
    }

    @PutMapping("/{id}/role")
    UserResponse changeRole(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id, @Valid @RequestBody RoleChange body,
                            HttpServletRequest request) {
        return UserResponse.of(administration.changeRole(actor, id, Role.parse(body.role()).orElseThrow(), requests.actor(request, actor)));
    }

    @PostMapping("/{id}/unlock")
    Map<String, String> unlock(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable long id, HttpServletRequest request) {
        administration.unlock(actor, id, requests.actor(request, actor));
        return Map.of("message", "Sign-in lock lifted");
    }
}
