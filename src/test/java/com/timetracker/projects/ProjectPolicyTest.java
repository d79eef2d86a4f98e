package com.timetracker.projects;

import com.timetracker.identity.Role;
import com.timetracker.teams.TeamRole;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the "Projects and tasks" matrix in docs/permissions.md: global role × role in the
 * project's team (blank = not a member).
 */
class ProjectPolicyTest {

    @ParameterizedTest(name = "{0} as team {1}: see {2}, create project {3}, edit/archive/restore {4}, create/edit/delete tasks {5}")
    @CsvSource({
            // global,    in team, see,   create, edit,  tasks
            "SUPER_ADMIN,  OWNER,  true,  true,  true,  true",
            "SUPER_ADMIN,  ADMIN,  true,  true,  true,  true",
            "SUPER_ADMIN,  MEMBER, true,  true,  true,  true",
            "SUPER_ADMIN,        , true,  true,  true,  true",
            "ADMIN,        OWNER,  true,  true,  true,  true",
            "ADMIN,        ADMIN,  true,  true,  true,  true",
            "ADMIN,        MEMBER, true,  true,  true,  true",
            "ADMIN,              , true,  true,  true,  true",
            "MANAGER,      OWNER,  true,  true,  true,  true",
            "MANAGER,      ADMIN,  true,  true,  true,  true",
            "MANAGER,      MEMBER, true,  true,  true,  true",
            "MANAGER,            , false, false, false, false",
            "REGULAR_USER, OWNER,  true,  true,  true,  true",
            "REGULAR_USER, ADMIN,  true,  true,  true,  true",
            "REGULAR_USER, MEMBER, true,  true,  true,  true",
            "REGULAR_USER,       , false, false, false, false"})
    void matrix(Role global, TeamRole inTeam, boolean see, boolean create, boolean edit, boolean tasks) {
        assertThat(ProjectPolicy.canSee(global, inTeam)).as("see").isEqualTo(see);
        assertThat(ProjectPolicy.canCreateProject(global, inTeam)).as("create a project").isEqualTo(create);
        assertThat(ProjectPolicy.canEditProject(global, inTeam)).as("edit, archive, restore").isEqualTo(edit);
        assertThat(ProjectPolicy.canEditTasks(global, inTeam)).as("create, edit, delete tasks").isEqualTo(tasks);
    }
}
