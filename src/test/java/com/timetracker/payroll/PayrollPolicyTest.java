package com.timetracker.payroll;

import com.timetracker.identity.Role;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of docs/permissions.md "Payroll". */
class PayrollPolicyTest {

    @ParameterizedTest
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, false", "REGULAR_USER, false"})
    void onlyAdminsManagePayroll(Role role, boolean allowed) {
        assertThat(PayrollPolicy.canManagePayroll(role)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({
            "SUPER_ADMIN, false, true", "ADMIN, false, true", "MANAGER, false, false", "REGULAR_USER, false, false",
            "SUPER_ADMIN, true, true", "ADMIN, true, true", "MANAGER, true, true", "REGULAR_USER, true, true"})
    void ratesAreReadByAdminsAndTheirOwner(Role role, boolean own, boolean allowed) {
        assertThat(PayrollPolicy.canReadPayOf(role, 7, own ? 7 : 8)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({
            "ADMIN, false, draft, true", "SUPER_ADMIN, false, processing, true", "ADMIN, true, void, true",
            "REGULAR_USER, true, draft, false", "REGULAR_USER, true, processing, false", "REGULAR_USER, true, void, false",
            "REGULAR_USER, true, approved, true", "REGULAR_USER, true, paid, true", "MANAGER, true, paid, true",
            "REGULAR_USER, false, paid, false", "MANAGER, false, approved, false"})
    void entriesAreReadByAdminsAndByTheirOwnerOnceFinal(Role role, boolean own, String status, boolean allowed) {
        assertThat(PayrollPolicy.canReadEntryOf(role, 7, own ? 7 : 8, status)).isEqualTo(allowed);
    }
}
