package com.timetracker.payroll;

import com.timetracker.identity.Role;

/**
 * Who may reach payroll (docs/permissions.md, "Payroll"; PayrollPolicyTest). Only admins and super
 * admins manage pay rates and payroll; everyone else reads their own rates and their own entries of
 * periods that are approved or paid (draft figures can still change, so they stay with payroll).
 */
public final class PayrollPolicy {

    private PayrollPolicy() {
    }

    /** Pay rates, periods, processing, entries, adjustments, reports and exports of anyone. */
    public static boolean canManagePayroll(Role role) {
        return role.isAdmin();
    }

    /** Read a person's pay rates and payroll lists (which periods they show: see {@link #canReadEntryOf}). */
    public static boolean canReadPayOf(Role role, long actorId, long ownerId) {
        return canManagePayroll(role) || actorId == ownerId;
    }

    /** Read a payroll entry (with its adjustments) of a person in a period of this status. */
    public static boolean canReadEntryOf(Role role, long actorId, long ownerId, String periodStatus) {
        return canManagePayroll(role) || actorId == ownerId && ("approved".equals(periodStatus) || "paid".equals(periodStatus));
    }
}
