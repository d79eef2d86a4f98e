package com.timetracker.projects;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

/**
 * Who may do what to the projects and tasks of a team — the one place these rules live
 * (docs/permissions.md, "Projects and tasks"; ProjectPolicyTest checks every cell). Global super
 * admins and admins act on every team's projects (V1 let only super admins list them all); anyone
 * else acts through membership of the project's team ({@code inTeam} is null for a non-member), and
 * as in V1 any team role will do.
 */
public final class ProjectPolicy {

    private ProjectPolicy() {
    }

    /** Read the project and its tasks, and find it in lists. */
    public static boolean canSee(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null;
    }

    /** Create a project in the team. */
    public static boolean canCreateProject(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null;
    }

    /** Update, archive and restore the project. */
    public static boolean canEditProject(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null;
    }

    /** Create, update and delete the project's tasks. */
    public static boolean canEditTasks(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null;
    }
}
