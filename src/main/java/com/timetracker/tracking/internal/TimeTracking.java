package com.timetracker.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.projects.ProjectCatalog;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.TrackingPolicy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The timer and manual time entries, with the rules V1 lacked: one running timer, no overlaps, no future. */
@Service
class TimeTracking {

    /** Clocks drift: an end this far past the server's now still counts as "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final TimeEntryRows entries;
    private final ProjectCatalog catalog;
    private final TeamMemberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean allowOverlaps;

    TimeTracking(TimeEntryRows entries, ProjectCatalog catalog, TeamMemberships memberships, ApplicationEventPublisher events,
                 Clock clock, Environment env) {
        this.entries = entries;
        this.catalog = catalog;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
        this.allowOverlaps = Boolean.parseBoolean(env.getProperty("TRACKING_ALLOW_OVERLAPS", "false"));
    }

    @Transactional
    TimeEntryView start(AuthenticatedUser user, long projectId, Long taskId, String description) {
        trackable(user, projectId, taskId);
        TimeEntryView started;
        try {
            started = entries.start(user.id(), projectId, taskId, description, clock.instant());
        } catch (DuplicateKeyException alreadyRunning) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "timer_running", "Timer already running. Stop it first.");
        }
        events.publishEvent(started.event("timer_started"));
        return started;
    }

    @Transactional
    TimeEntryView stop(AuthenticatedUser user) {
        TimeEntryView stopped = entries.stop(user.id(), clock.instant()).orElseThrow(() -> ApiException.notFound("No running timer found"));
        events.publishEvent(stopped.event("timer_stopped"));
        events.publishEvent(stopped.event("time_entry_completed"));
        return stopped;
    }

    /**
     * A finished entry: start and end, or a duration — which without a start ends now (V1 started
     * it now, running into the future).
     */
    @Transactional
    TimeEntryView create(AuthenticatedUser user, long projectId, Long taskId, String description, Instant start, Instant end,
                         Integer durationSeconds) {
        trackable(user, projectId, taskId);
        Instant now = clock.instant();
        if (start == null || end == null) {
            if (durationSeconds == null) {
                throw ApiException.badRequest("Provide either duration_seconds or both start_time and end_time");
            }
            if (durationSeconds <= 0) {
                throw ApiException.invalid("duration_seconds: must be positive");
            }
            if (start != null) {
                end = start.plusSeconds(durationSeconds);
            } else {
                end = end != null ? end : now;
                start = end.minusSeconds(durationSeconds);
            }
        }
        checkTimes(start, end, now);
        checkOverlap(user.id(), start, end, null, now);
        long id = entries.insertFinished(user.id(), projectId, taskId, description, start, end, now);
        TimeEntryView created = entries.find(id).orElseThrow();
        events.publishEvent(created.event("time_entry_created"));
        return created;
    }

    @Transactional
    TimeEntryView update(AuthenticatedUser user, long id, Optional<String> description, Instant start, Instant end) {
        TimeEntryView entry = changeable(user, id);
        Instant now = clock.instant();
        Instant newStart = start != null ? start : entry.startTime();
        Instant newEnd = end != null ? end : entry.endTime();
        if (newEnd != null) {
            checkTimes(newStart, newEnd, now);
        } else if (newStart.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("start_time: a running entry cannot start in the future");
        }
        checkOverlap(entry.userId(), newStart, newEnd == null ? now : newEnd, id, now);
        entries.update(id, description.orElse(entry.description()), newStart, newEnd, "rejected".equals(entry.approvalStatus()), now);
        TimeEntryView updated = entries.find(id).orElseThrow();
        if (entry.isRunning() && !updated.isRunning()) {
            events.publishEvent(updated.event("timer_stopped"));
        }
        events.publishEvent(updated.event("time_entry_updated"));
        return updated;
    }

    @Transactional
    void delete(AuthenticatedUser user, long id) {
        TimeEntryView entry = changeable(user, id);
        entries.delete(id);
        events.publishEvent(entry.event("time_entry_deleted"));
    }

    /** An entry the caller may see, or 404 — another team's entries do not exist for them. */
    TimeEntryView visible(AuthenticatedUser user, long id) {
        return entries.find(id)
                .filter(e -> TrackingPolicy.canSee(user.role(), e.userId() == user.id(),
                        memberships.roleOf(user.id(), e.teamId()).isPresent()))
                .orElseThrow(() -> ApiException.notFound("Time entry not found"));
    }

    private TimeEntryView changeable(AuthenticatedUser user, long id) {
        TimeEntryView entry = visible(user, id);
        boolean owner = entry.userId() == user.id();
        if (!TrackingPolicy.canChange(user.role(), owner, entry.approved())) {
            if (owner) {
                throw ApiException.conflict("This entry is approved and locked. Ask an approver to reopen it before changing it.");
            }
            throw ApiException.forbidden("Can only change your own entries");
        }
        return entry;
    }

    private void trackable(AuthenticatedUser user, long projectId, Long taskId) {
        ProjectCatalog.Project project = catalog.project(projectId)
                .filter(p -> TrackingPolicy.canTrackOn(user.role(), memberships.roleOf(user.id(), p.teamId()).isPresent()))
                .orElseThrow(() -> ApiException.notFound("Project not found or access denied"));
        if (project.isArchived()) {
            throw ApiException.badRequest("Project '" + project.name() + "' is archived. Restore it to track time on it.");
        }
        if (taskId != null && catalog.task(taskId).filter(t -> t.projectId() == projectId).isEmpty()) {
            throw ApiException.badRequest("Task not found in this project");
        }
    }

    private static void checkTimes(Instant start, Instant end, Instant now) {
        if (end.isBefore(start)) {
            throw ApiException.invalid("end_time: must not be before start_time");
        }
        if (end.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("end_time: an entry cannot end in the future");
        }
    }

    private void checkOverlap(long userId, Instant start, Instant end, Long exceptId, Instant now) {
        if (allowOverlaps) {
            return;
        }
        entries.overlapping(userId, start, end, exceptId, now).ifPresent(other -> {
            throw new ApiException(HttpStatus.CONFLICT, "overlapping_entry",
                    "Overlaps your entry #" + other.id() + " (" + other.startTime() + " – " + (other.endTime() == null ? "running" : other.endTime()) + ")",
                    null, Map.of("conflicting_entry_id", other.id()));
        });
    }
}
