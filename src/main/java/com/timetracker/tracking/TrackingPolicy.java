package com.timetracker.tracking;

import com.timetracker.identity.Role;

/**
 * Who may see and change time entries (docs/permissions.md, "Time entries"; TrackingPolicyTest).
 * Owners work on their own entries; global admins on everyone's. An approved entry is locked for
 * its owner until an approver reopens it.
 */
public final class TrackingPolicy {

    private TrackingPolicy() {
    }

    /** Track time on a project: any member of its team, or a global admin. */
    public static boolean canTrackOn(Role role, boolean memberOfTeam) {
        return role.isAdmin() || memberOfTeam;
    }

    /** See every entry of every team. */
    public static boolean seesAllEntries(Role role) {
        return role.isAdmin();
    }

    /**
     * See one entry: its owner, global admins, and members of the team whose project it is on (the
     * entry list filters by the same rule in SQL: own entries, or entries on the caller's teams).
     */
    public static boolean canSee(Role role, boolean owner, boolean memberOfEntrysTeam) {
        return seesAllEntries(role) || owner || memberOfEntrysTeam;
    }

    /** Edit or delete an entry, given who owns it and whether it is approved. */
    public static boolean canChange(Role role, boolean owner, boolean approved) {
        return role.isAdmin() || owner && !approved;
    }
}
