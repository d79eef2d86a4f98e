package com.timetracker.reporting;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

/**
 * Who may see which figures — the one place these rules live (docs/permissions.md, "Reports";
 * ReportPolicyTest checks every cell). Everybody sees their own time; team figures are for the
 * people who run the team; everyone's figures are for global admins. V1 let every member see
 * teammates' totals on the "personal" dashboard and refused super admins some template reports.
 */
public final class ReportPolicy {

    private ReportPolicy() {
    }

    /** The team report: global admins, and the team's owners and team admins ({@code inTeam} null for a non-member). */
    public static boolean canSeeTeamReport(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null && inTeam.runsTeam();
    }

    /** The project breakdown (hours by user on one project): as the team report of the project's team. */
    public static boolean canSeeProjectBreakdown(Role global, TeamRole inProjectsTeam) {
        return canSeeTeamReport(global, inProjectsTeam);
    }

    /** Admin dashboards, per-user analytics of everyone, the admin entry list and the workers report. */
    public static boolean canSeeEveryonesFigures(Role global) {
        return global.isAdmin();
    }

    /**
     * A template report about one user: oneself; global admins anyone; anyone else only a user of a
     * team they run ({@code leadsUsersTeam}: owner or team admin of a team the user is in, or a
     * global manager in a team the user is in — V1 let managers report on others).
     */
    public static boolean canReportOn(Role global, boolean self, boolean leadsUsersTeam) {
        return self || global.isAdmin() || leadsUsersTeam;
    }

    /** Read, change, toggle or delete a scheduled report: its owner and global admins. */
    public static boolean canManageSchedule(Role global, boolean owner) {
        return owner || global.isAdmin();
    }

    /** List every user's scheduled reports. */
    public static boolean canListAllSchedules(Role global) {
        return global.isAdmin();
    }
}
