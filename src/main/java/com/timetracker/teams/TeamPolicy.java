package com.timetracker.teams;

import com.timetracker.identity.Role;

/**
 * Who may do what to a team — the one place these rules live (docs/permissions.md, "Teams";
 * TeamPolicyTest checks every cell). Global super admins and admins act with full rights on every
 * team; managers and regular users act only through their role in the team ({@code null} when they
 * are not a member). V2 adds one guard to V1's rules: only an owner makes or removes an owner, so a
 * team admin cannot add an owner, or remove one, behind the owners' backs.
 */
public final class TeamPolicy {

    private TeamPolicy() {
    }

    /** Read the team, its members and (through the projects module) its projects. */
    public static boolean canSee(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null;
    }

    public static boolean canRename(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam != null && inTeam.runsTeam();
    }

    /** Add a member with the role {@code granted}. */
    public static boolean canAddMember(Role global, TeamRole inTeam, TeamRole granted) {
        if (global.isAdmin() || inTeam == TeamRole.OWNER) {
            return true;
        }
        return inTeam == TeamRole.ADMIN && granted != TeamRole.OWNER;
    }

    public static boolean canChangeRoles(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam == TeamRole.OWNER;
    }

    public static boolean canDelete(Role global, TeamRole inTeam) {
        return global.isAdmin() || inTeam == TeamRole.OWNER;
    }

    /**
     * Remove a member whose role is {@code target}; {@code self} when the actor leaves the team.
     * Whether the last owner may go is a rule about the team's state, not about the actor: see
     * the service (nobody, not even an admin, removes or demotes the last owner).
     */
    public static boolean canRemoveMember(Role global, TeamRole inTeam, TeamRole target, boolean self) {
        if (global.isAdmin() || inTeam == TeamRole.OWNER || self && inTeam != null) {
            return true;
        }
        return inTeam == TeamRole.ADMIN && target != TeamRole.OWNER;
    }
}
