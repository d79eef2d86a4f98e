package com.timetracker.reporting.internal;

import java.util.Map;

/**
 * Whose entries a report counts, as an SQL condition on {@code time_entries te}. Built only from
 * the constants below, with values bound as parameters.
 */
record Scope(String condition, Map<String, Object> params) {

    /** Everybody's time: found through the interval index rather than a per-user or per-project b-tree. */
    boolean everybody() {
        return condition.equals("true");
    }

    /** One user's own time. */
    static Scope user(long userId) {
        return new Scope("te.user_id = :scope_user", Map.of("scope_user", userId));
    }

    /** One user's own time on one project. */
    static Scope userOnProject(long userId, long projectId) {
        return new Scope("te.user_id = :scope_user AND te.project_id = :scope_project", Map.of("scope_user", userId, "scope_project", projectId));
    }

    /** Everybody's time on one project. */
    static Scope project(long projectId) {
        return new Scope("te.project_id = :scope_project", Map.of("scope_project", projectId));
    }

    /** Everybody's time on the projects of one team. */
    static Scope team(long teamId) {
        return new Scope("te.project_id IN (SELECT id FROM projects WHERE team_id = :scope_team)", Map.of("scope_team", teamId));
    }

    /** Everybody's time on the projects of the teams this user belongs to. */
    static Scope teamsOf(long userId) {
        return new Scope("te.project_id IN (SELECT pr.id FROM projects pr JOIN team_members m ON m.team_id = pr.team_id WHERE m.user_id = :scope_member)",
                Map.of("scope_member", userId));
    }

    /** Everybody's time (admin figures). */
    static Scope everyone() {
        return new Scope("true", Map.of());
    }
}
