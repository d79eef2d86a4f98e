package com.timetracker.projects;

/**
 * A project was created (V1's realtime {@code project_created} to the project's team, reference §5;
 * {@code createdBy} is the creator's name as V1 sent it). Published inside the creating transaction.
 */
public record ProjectCreated(long projectId, String projectName, long teamId, String teamName, String color, long createdById,
                             String createdBy) {
}
