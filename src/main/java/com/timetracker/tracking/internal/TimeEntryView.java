package com.timetracker.tracking.internal;

import java.time.Instant;

/** V1's {@code TimeEntryResponse} (reference §3.8), plus the approval state. */
record TimeEntryView(
        long id,
        long userId,
        String userName,
        Long taskId,
        String taskName,
        long projectId,
        String projectName,
        String description,
        Instant startTime,
        Instant endTime,
        Integer durationSeconds,
        Integer durationMinutes,
        boolean isRunning,
        Instant createdAt,
        String approvalStatus,
        long teamId) {

    /** The select list that produces this view (joined with users, projects and tasks). */
    static final String SELECT = over("time_entries");

    /** The same select over {@code source}, e.g. a CTE named {@code changed} that returned whole time_entries rows. */
    static String over(String source) {
        return """
                SELECT e.id, e.user_id, u.name AS user_name, e.task_id, t.name AS task_name, e.project_id, p.name AS project_name,
                       e.description, e.start_time, e.end_time, e.duration_seconds,
                       e.duration_seconds / 60 AS duration_minutes, e.end_time IS NULL AS is_running, e.created_at,
                       e.approval_status, p.team_id
                FROM %s e
                JOIN users u ON u.id = e.user_id
                JOIN projects p ON p.id = e.project_id
                LEFT JOIN tasks t ON t.id = e.task_id""".formatted(source);
    }

    boolean approved() {
        return "approved".equals(approvalStatus);
    }

    com.timetracker.tracking.TimeEntryEvent event(String type) {
        return new com.timetracker.tracking.TimeEntryEvent(type, id, userId, userName, projectId, projectName, teamId, taskId,
                taskName, description, startTime, endTime, durationSeconds, isRunning);
    }
}
