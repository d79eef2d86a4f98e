package com.timetracker.identity;

import java.util.Set;

/**
 * Who may do what to user accounts — the one place these rules live (docs/permissions.md has the
 * matrix, UserPolicyTest checks every cell). V1 let an admin create or promote super admins; here
 * only a super admin touches a super admin, and nobody changes their own role.
 */
public final class UserPolicy {

    private static final Set<Role> ADMINS = Set.of(Role.SUPER_ADMIN, Role.ADMIN);

    private UserPolicy() {
    }

    /** List, read, create, update, (de)activate accounts and handle account requests and invitations. */
    public static boolean canManageUsers(Role actor) {
        return ADMINS.contains(actor);
    }

    /** Give an account this role, by creating, inviting or promoting. */
    public static boolean canGrant(Role actor, Role granted) {
        return canManageUsers(actor) && (granted != Role.SUPER_ADMIN || actor == Role.SUPER_ADMIN);
    }

    /**
     * Cancel a pending invitation, or replace it by inviting the same email again. Only who could
     * have sent it may withdraw it, so an admin cannot quietly undo a super admin's invitation.
     */
    public static boolean canWithdrawInvitation(Role actor, Role invitedAs) {
        return canGrant(actor, invitedAs);
    }

    /** Edit, deactivate, delete, unlock or change the role of this existing account. */
    public static boolean canManage(Role actor, Role target) {
        return canManageUsers(actor) && (target != Role.SUPER_ADMIN || actor == Role.SUPER_ADMIN);
    }

    /** See who logged in from where (V1 also allowed managers). */
    public static boolean canViewLoginHistory(Role actor) {
        return ADMINS.contains(actor) || actor == Role.MANAGER;
    }

    /** Add and remove IP allow/deny rules, check addresses, read the suspicious list (V1 refused super admins). */
    public static boolean canManageIpRules(Role actor) {
        return ADMINS.contains(actor);
    }

    /** Read the audit trail. */
    public static boolean canReadAuditTrail(Role actor) {
        return ADMINS.contains(actor);
    }
}
