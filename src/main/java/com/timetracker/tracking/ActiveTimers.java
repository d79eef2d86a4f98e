package com.timetracker.tracking;

import java.time.Instant;
import java.util.List;

import com.timetracker.identity.AuthenticatedUser;

/** Who is working right now, as far as the caller may see: their teams' running timers (everyone's for admins). */
public interface ActiveTimers {

    record ActiveTimer(long userId, String userName, long projectId, String projectName, Long taskId, String taskName,
                       String description, Instant startTime, long elapsedSeconds, long teamId) {
    }

    List<ActiveTimer> visibleTo(AuthenticatedUser user);
}
