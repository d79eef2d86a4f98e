package com.timetracker.teams;

import java.util.Arrays;
import java.util.Optional;

/** A member's role within one team ({@code team_members.role}); distinct from the global role. */
public enum TeamRole {
    OWNER("owner"),
    ADMIN("admin"),
    MEMBER("member");

    private final String value;

    TeamRole(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<TeamRole> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    /** Owners and team admins run the team: rename it, add members, see its report and approve its time. */
    public boolean runsTeam() {
        return this == OWNER || this == ADMIN;
    }
}
