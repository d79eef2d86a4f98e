package com.timetracker.tracking;

import java.util.Optional;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

/**
 * Who approves time (docs/permissions.md, "Approvals"; ApprovalPolicyTest): global admins for every
 * team; global managers for the teams they belong to; team owners and team admins for their team.
 * Nobody but a global admin decides on their own entries.
 */
public final class ApprovalPolicy {

    private ApprovalPolicy() {
    }

    public static boolean canApproveFor(Role role, Optional<TeamRole> teamRole) {
        return role.isAdmin() || role == Role.MANAGER && teamRole.isPresent() || teamRole.map(TeamRole::runsTeam).orElse(false);
    }

    public static boolean canDecideOwnEntry(Role role) {
        return role.isAdmin();
    }
}
