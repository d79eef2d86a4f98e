package com.timetracker.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.Paging;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.ActiveTimers;
import com.timetracker.tracking.TrackingPolicy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
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

/** V1's {@code /api/time} (reference §3.8). */
@RestController
@RequestMapping("/api/time")
class TimeEntryController {

    record StartTimer(@NotNull @Positive Long projectId, @Positive Long taskId, @Size(max = 5000) String description) {
    }

    record ManualEntry(@NotNull @Positive Long projectId, @Positive Long taskId, @Size(max = 5000) String description,
                       OffsetDateTime startTime, OffsetDateTime endTime, Integer durationSeconds) {
    }

    record EntryUpdate(@Size(max = 5000) String description, OffsetDateTime startTime, OffsetDateTime endTime) {
    }

    record TimerState(boolean isRunning, TimeEntryView currentEntry, Long elapsedSeconds) {
    }

    private final TimeTracking tracking;
    private final TimeEntryRows entries;
    private final TeamMemberships memberships;
    private final ActiveTimers activeTimers;
    private final Clock clock;

    TimeEntryController(TimeTracking tracking, TimeEntryRows entries, TeamMemberships memberships, ActiveTimers activeTimers, Clock clock) {
        this.tracking = tracking;
        this.entries = entries;
        this.memberships = memberships;
        this.activeTimers = activeTimers;
        this.clock = clock;
    }

    /** With nothing running: V1's "not running" shape, not a 404. */
    @GetMapping("/timer")
    TimerState timer(@AuthenticationPrincipal AuthenticatedUser user) {
        return entries.running(user.id())
                .map(e -> new TimerState(true, e, Duration.between(e.startTime(), clock.instant()).toSeconds()))
                .orElse(new TimerState(false, null, null));
    }

    /** Running timers of the caller's teams (everyone's for admins) — V1 showed every user's to everyone. */
    @GetMapping("/active")
    List<ActiveTimers.ActiveTimer> active(@AuthenticationPrincipal AuthenticatedUser user) {
        return activeTimers.visibleTo(user);
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    TimeEntryView start(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody StartTimer body) {
        return tracking.start(user, body.projectId(), body.taskId(), body.description());
    }

    @PostMapping("/stop")
    TimeEntryView stop(@AuthenticationPrincipal AuthenticatedUser user) {
        return tracking.stop(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TimeEntryView create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ManualEntry body) {
        return tracking.create(user, body.projectId(), body.taskId(), body.description(), instant(body.startTime()),
                instant(body.endTime()), body.durationSeconds());
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal AuthenticatedUser user,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(name = "page_size", required = false) Integer pageSize,
                             @RequestParam(required = false) Integer size,
                             @RequestParam(name = "project_id", required = false) Long projectId,
                             @RequestParam(name = "task_id", required = false) Long taskId,
                             @RequestParam(name = "user_id", required = false) Long userId,
                             @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                             @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        Paging paging = Paging.of(page, pageSize, size);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw ApiException.invalid("end_date: must not be before start_date");
        }
        boolean everything = TrackingPolicy.seesAllEntries(user.role());
        // Without user_id, a non-admin sees their own entries (V1); with it, that user's entries on the caller's teams.
        Long subject = userId != null ? userId : everything ? null : user.id();
        TimeEntryRows.Filter filter = new TimeEntryRows.Filter(subject, projectId, taskId,
                startDate == null ? null : startDate.atStartOfDay(user.zone()).toInstant(),
                endDate == null ? null : endDate.plusDays(1).atStartOfDay(user.zone()).toInstant(),
                everything, user.id(), memberships.teamIdsOf(user.id()));
        TimeEntryRows.Totals totals = entries.totals(filter, clock.instant());
        Paging.Page<TimeEntryView> result = paging.page(entries.page(filter, paging.pageSize(), paging.offset()), totals.total(), e -> e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items());
        body.put("total", result.total());
        body.put("page", result.page());
        body.put("page_size", result.pageSize());
        body.put("pages", result.pages());
        body.put("total_seconds", totals.totalSeconds());
        body.put("total_hours", Math.round(totals.totalSeconds() / 36.0) / 100.0);
        return body;
    }

    @GetMapping("/{id}")
    TimeEntryView get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        return tracking.visible(user, id);
    }

    @PutMapping("/{id}")
    TimeEntryView update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, @Valid @RequestBody EntryUpdate body) {
        return tracking.update(user, id, Optional.ofNullable(body.description()), instant(body.startTime()), instant(body.endTime()));
    }

    @DeleteMapping("/{id}")
    Map<String, String> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        tracking.delete(user, id);
        return Map.of("message", "Time entry deleted successfully");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
