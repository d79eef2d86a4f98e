package com.timetracker.tracking;

import java.time.Instant;

/**
 * A change to tracked time, published after it is committed, for the realtime module to broadcast
 * (V1's message types: timer_started, timer_stopped, time_entry_completed, time_entry_created,
 * time_entry_updated, time_entry_deleted). {@code teamId} is the project's team: who may see it.
 */
public record TimeEntryEvent(
        String type,
        long entryId,
        long userId,
        String userName,
        long projectId,
        String projectName,
        long teamId,
        Long taskId,
        String taskName,
        String description,
        Instant startTime,
        Instant endTime,
        Integer durationSeconds,
        boolean isRunning) {
}
