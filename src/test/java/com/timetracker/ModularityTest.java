package com.timetracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules touch each other only through their root packages (ARCHITECTURE.md §2). */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TimeTrackerApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesOfTheModuleMap() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("audit", "exports", "identity", "mail", "ops", "payroll", "platform", "projects", "realtime", "teams", "tracking", "reporting");
    }
}
