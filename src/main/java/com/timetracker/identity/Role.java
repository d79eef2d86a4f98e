package com.timetracker.identity;

import java.util.Arrays;
import java.util.Optional;

/** Global roles, stored in {@code users.role} as V1's strings. */
public enum Role {
    SUPER_ADMIN("super_admin"),
    ADMIN("admin"),
    MANAGER("manager"),
    REGULAR_USER("regular_user");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    /** Admins and super admins: user management, payroll, everyone's reports. */
    public boolean isAdmin() {
        return this == SUPER_ADMIN || this == ADMIN;
    }
}
