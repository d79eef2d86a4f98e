package com.timetracker.teams;

import com.timetracker.identity.Role;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of the "Teams" matrix in docs/permissions.md: global role × role in the team (blank = not a member). */
class TeamPolicyTest {

    @ParameterizedTest(name = "{0} as team {1}: see {2}, rename {3}, add member/admin {4}, add owner {5}, change roles {6}, "
            + "delete {7}, remove member/admin {8}, remove owner {9}, leave {10}")
    @CsvSource({
            // global,    in team, see,   rename, add,   addOwner, roles, delete, removeOther, removeOwner, leave
            "SUPER_ADMIN,  OWNER,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "SUPER_ADMIN,  ADMIN,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "SUPER_ADMIN,  MEMBER, true,  true,  true,  true,  true,  true,  true,  true,  true",
            "SUPER_ADMIN,        , true,  true,  true,  true,  true,  true,  true,  true,  true",
            "ADMIN,        OWNER,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "ADMIN,        ADMIN,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "ADMIN,        MEMBER, true,  true,  true,  true,  true,  true,  true,  true,  true",
            "ADMIN,              , true,  true,  true,  true,  true,  true,  true,  true,  true",
            "MANAGER,      OWNER,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "MANAGER,      ADMIN,  true,  true,  true,  false, false, false, true,  false, true",
            "MANAGER,      MEMBER, true,  false, false, false, false, false, false, false, true",
            "MANAGER,            , false, false, false, false, false, false, false, false, false",
            "REGULAR_USER, OWNER,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            "REGULAR_USER, ADMIN,  true,  true,  true,  false, false, false, true,  false, true",
            "REGULAR_USER, MEMBER, true,  false, false, false, false, false, false, false, true",
            "REGULAR_USER,       , false, false, false, false, false, false, false, false, false"})
    void matrix(Role global, TeamRole inTeam, boolean see, boolean rename, boolean add, boolean addOwner, boolean changeRoles,
                boolean delete, boolean removeOther, boolean removeOwner, boolean leave) {
        assertThat(TeamPolicy.canSee(global, inTeam)).as("see").isEqualTo(see);
        assertThat(TeamPolicy.canRename(global, inTeam)).as("rename").isEqualTo(rename);
        assertThat(TeamPolicy.canAddMember(global, inTeam, TeamRole.MEMBER)).as("add a member").isEqualTo(add);
        assertThat(TeamPolicy.canAddMember(global, inTeam, TeamRole.ADMIN)).as("add an admin").isEqualTo(add);
        assertThat(TeamPolicy.canAddMember(global, inTeam, TeamRole.OWNER)).as("add an owner").isEqualTo(addOwner);
        assertThat(TeamPolicy.canChangeRoles(global, inTeam)).as("change roles").isEqualTo(changeRoles);
        assertThat(TeamPolicy.canDelete(global, inTeam)).as("delete").isEqualTo(delete);
        assertThat(TeamPolicy.canRemoveMember(global, inTeam, TeamRole.MEMBER, false)).as("remove a member").isEqualTo(removeOther);
        assertThat(TeamPolicy.canRemoveMember(global, inTeam, TeamRole.ADMIN, false)).as("remove an admin").isEqualTo(removeOther);
        assertThat(TeamPolicy.canRemoveMember(global, inTeam, TeamRole.OWNER, false)).as("remove an owner").isEqualTo(removeOwner);
        assertThat(TeamPolicy.canRemoveMember(global, inTeam, inTeam, true)).as("leave").isEqualTo(leave);
    }
}
