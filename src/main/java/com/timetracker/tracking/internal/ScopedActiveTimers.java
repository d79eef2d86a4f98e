package com.timetracker.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.ActiveTimers;
import com.timetracker.tracking.TrackingPolicy;

import org.springframework.stereotype.Component;

/** Running timers filtered in SQL to the caller's teams — V1 showed every user's timer to everyone. */
@Component
class ScopedActiveTimers implements ActiveTimers {

    private final TimeEntryRows entries;
    private final TeamMemberships memberships;
    private final Clock clock;

    ScopedActiveTimers(TimeEntryRows entries, TeamMemberships memberships, Clock clock) {
        this.entries = entries;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    public List<ActiveTimer> visibleTo(AuthenticatedUser user) {
        Instant now = clock.instant();
        return entries.activeTimers(TrackingPolicy.seesAllEntries(user.role()), user.id(), memberships.teamIdsOf(user.id())).stream()
                .map(e -> new ActiveTimer(e.userId(), e.userName(), e.projectId(), e.projectName(), e.taskId(), e.taskName(),
                        e.description(), e.startTime(), Duration.between(e.startTime(), now).toSeconds(), e.teamId()))
                .toList();
    }
}
