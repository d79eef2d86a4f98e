package com.timetracker.projects;

/**
 * A task was created (V1's realtime {@code task_created} to the project's team, reference §5;
 * {@code createdBy} is the creator's name as V1 sent it). Published inside the creating transaction.
 */
public record TaskCreated(long taskId, String taskName, long projectId, String projectName, long teamId, String status, long createdById,
                          String createdBy) {
}
