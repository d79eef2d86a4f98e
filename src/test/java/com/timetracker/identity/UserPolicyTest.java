package com.timetracker.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of the matrix in docs/permissions.md ("Accounts"). */
class UserPolicyTest {

    @ParameterizedTest(name = "{0} manages users: {1}")
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, false", "REGULAR_USER, false"})
    void manageUsers(Role actor, boolean allowed) {
        assertThat(UserPolicy.canManageUsers(actor)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} grants {1}: {2}")
    @CsvSource({
            "SUPER_ADMIN, SUPER_ADMIN, true", "SUPER_ADMIN, ADMIN, true", "SUPER_ADMIN, MANAGER, true", "SUPER_ADMIN, REGULAR_USER, true",
            "ADMIN, SUPER_ADMIN, false", "ADMIN, ADMIN, true", "ADMIN, MANAGER, true", "ADMIN, REGULAR_USER, true",
            "MANAGER, SUPER_ADMIN, false", "MANAGER, ADMIN, false", "MANAGER, MANAGER, false", "MANAGER, REGULAR_USER, false",
            "REGULAR_USER, SUPER_ADMIN, false", "REGULAR_USER, ADMIN, false", "REGULAR_USER, MANAGER, false", "REGULAR_USER, REGULAR_USER, false"})
    void grantRole(Role actor, Role granted, boolean allowed) {
        assertThat(UserPolicy.canGrant(actor, granted)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} cancels or replaces an invitation as {1}: {2}")
    @CsvSource({
            "SUPER_ADMIN, SUPER_ADMIN, true", "SUPER_ADMIN, ADMIN, true", "SUPER_ADMIN, MANAGER, true", "SUPER_ADMIN, REGULAR_USER, true",
            "ADMIN, SUPER_ADMIN, false", "ADMIN, ADMIN, true", "ADMIN, MANAGER, true", "ADMIN, REGULAR_USER, true",
            "MANAGER, SUPER_ADMIN, false", "MANAGER, ADMIN, false", "MANAGER, MANAGER, false", "MANAGER, REGULAR_USER, false",
            "REGULAR_USER, SUPER_ADMIN, false", "REGULAR_USER, ADMIN, false", "REGULAR_USER, MANAGER, false", "REGULAR_USER, REGULAR_USER, false"})
    void withdrawInvitation(Role actor, Role invitedAs, boolean allowed) {
        assertThat(UserPolicy.canWithdrawInvitation(actor, invitedAs)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} manages a {1}: {2}")
    @CsvSource({
            "SUPER_ADMIN, SUPER_ADMIN, true", "SUPER_ADMIN, ADMIN, true", "SUPER_ADMIN, MANAGER, true", "SUPER_ADMIN, REGULAR_USER, true",
            "ADMIN, SUPER_ADMIN, false", "ADMIN, ADMIN, true", "ADMIN, MANAGER, true", "ADMIN, REGULAR_USER, true",
            "MANAGER, SUPER_ADMIN, false", "MANAGER, ADMIN, false", "MANAGER, MANAGER, false", "MANAGER, REGULAR_USER, false",
            "REGULAR_USER, SUPER_ADMIN, false", "REGULAR_USER, ADMIN, false", "REGULAR_USER, MANAGER, false", "REGULAR_USER, REGULAR_USER, false"})
    void manageAccount(Role actor, Role target, boolean allowed) {
        assertThat(UserPolicy.canManage(actor, target)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} views login history: {1}")
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, true", "REGULAR_USER, false"})
    void viewLoginHistory(Role actor, boolean allowed) {
        assertThat(UserPolicy.canViewLoginHistory(actor)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} manages IP rules: {1}")
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, false", "REGULAR_USER, false"})
    void manageIpRules(Role actor, boolean allowed) {
        assertThat(UserPolicy.canManageIpRules(actor)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} reads the audit trail: {1}")
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, false", "REGULAR_USER, false"})
    void readAuditTrail(Role actor, boolean allowed) {
        assertThat(UserPolicy.canReadAuditTrail(actor)).isEqualTo(allowed);
    }
}
