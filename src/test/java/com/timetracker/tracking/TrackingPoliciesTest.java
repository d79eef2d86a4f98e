package com.timetracker.tracking;

import java.util.Optional;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of docs/permissions.md, "Time entries" and "Approvals". */
class TrackingPoliciesTest {

    @ParameterizedTest(name = "{0}, team member {1}: may track {2}")
    @CsvSource({"SUPER_ADMIN, false, true", "ADMIN, false, true", "MANAGER, false, false", "REGULAR_USER, false, false",
            "MANAGER, true, true", "REGULAR_USER, true, true"})
    void trackOnAProject(Role role, boolean member, boolean allowed) {
        assertThat(TrackingPolicy.canTrackOn(role, member)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}, owner {1}, member of the entry's team {2}: may see {3}")
    @CsvSource({
            "REGULAR_USER, true, false, true", "REGULAR_USER, false, true, true", "REGULAR_USER, false, false, false",
            "MANAGER, false, true, true", "MANAGER, false, false, false",
            "ADMIN, false, false, true", "SUPER_ADMIN, false, false, true"})
    void seeAnEntry(Role role, boolean owner, boolean member, boolean allowed) {
        assertThat(TrackingPolicy.canSee(role, owner, member)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}, owner {1}, approved {2}: may change {3}")
    @CsvSource({
            "REGULAR_USER, true, false, true", "REGULAR_USER, true, true, false", "REGULAR_USER, false, false, false",
            "MANAGER, true, false, true", "MANAGER, true, true, false", "MANAGER, false, false, false",
            "ADMIN, false, true, true", "SUPER_ADMIN, false, true, true", "ADMIN, true, true, true"})
    void changeAnEntry(Role role, boolean owner, boolean approved, boolean allowed) {
        assertThat(TrackingPolicy.canChange(role, owner, approved)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} with team role {1}: approves {2}")
    @CsvSource({
            "SUPER_ADMIN, , true", "ADMIN, , true", "MANAGER, , false", "REGULAR_USER, , false",
            "MANAGER, MEMBER, true", "REGULAR_USER, MEMBER, false", "REGULAR_USER, ADMIN, true", "REGULAR_USER, OWNER, true"})
    void approveForATeam(Role role, TeamRole teamRole, boolean allowed) {
        assertThat(ApprovalPolicy.canApproveFor(role, Optional.ofNullable(teamRole))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} decides on own entries: {1}")
    @CsvSource({"SUPER_ADMIN, true", "ADMIN, true", "MANAGER, false", "REGULAR_USER, false"})
    void decideOwnEntry(Role role, boolean allowed) {
        assertThat(ApprovalPolicy.canDecideOwnEntry(role)).isEqualTo(allowed);
    }
}
