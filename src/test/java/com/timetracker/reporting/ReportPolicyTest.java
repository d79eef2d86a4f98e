package com.timetracker.reporting;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of the reports matrix in docs/permissions.md. */
class ReportPolicyTest {

    private static TeamRole team(String role) {
        return role.equals("none") ? null : TeamRole.parse(role).orElseThrow();
    }

    @ParameterizedTest(name = "{0} as team {1}: team report {2}")
    @CsvSource({
            "super_admin, none, true", "admin, none, true",
            "manager, owner, true", "manager, admin, true", "manager, member, false", "manager, none, false",
            "regular_user, owner, true", "regular_user, admin, true", "regular_user, member, false", "regular_user, none, false"})
    void teamReportAndProjectBreakdown(String role, String inTeam, boolean allowed) {
        Role global = Role.parse(role).orElseThrow();
        assertThat(ReportPolicy.canSeeTeamReport(global, team(inTeam))).isEqualTo(allowed);
        assertThat(ReportPolicy.canSeeProjectBreakdown(global, team(inTeam))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: everyone's figures {1}, all schedules {1}")
    @CsvSource({"super_admin, true", "admin, true", "manager, false", "regular_user, false"})
    void adminFigures(String role, boolean allowed) {
        Role global = Role.parse(role).orElseThrow();
        assertThat(ReportPolicy.canSeeEveryonesFigures(global)).isEqualTo(allowed);
        assertThat(ReportPolicy.canListAllSchedules(global)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}, self {1}, leads the user's team {2}: report on them {3}")
    @CsvSource({
            "regular_user, true, false, true", "regular_user, false, false, false", "regular_user, false, true, true",
            "manager, false, false, false", "manager, false, true, true",
            "admin, false, false, true", "super_admin, false, false, true"})
    void reportsAboutOneUser(String role, boolean self, boolean leads, boolean allowed) {
        assertThat(ReportPolicy.canReportOn(Role.parse(role).orElseThrow(), self, leads)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}, owner {1}: manage schedule {2}")
    @CsvSource({"regular_user, true, true", "regular_user, false, false", "manager, false, false", "admin, false, true", "super_admin, false, true"})
    void schedules(String role, boolean owner, boolean allowed) {
        assertThat(ReportPolicy.canManageSchedule(Role.parse(role).orElseThrow(), owner)).isEqualTo(allowed);
    }
}
