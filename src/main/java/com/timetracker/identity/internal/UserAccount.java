package com.timetracker.identity.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.timetracker.identity.Role;

/** A row of V1's {@code users} table (plus V2's timezone). */
record UserAccount(
        long id,
        String email,
        String passwordHash,
        String name,
        String role,
        boolean isActive,
        Instant createdAt,
        String phone,
        String address,
        String emergencyContactName,
        String emergencyContactPhone,
        String jobTitle,
        String department,
        String employmentType,
        LocalDate startDate,
        BigDecimal expectedHoursPerWeek,
        Long managerId,
        String timezone,
        Instant deletedAt) {

    /** A role string V2 does not know (hand-edited data) is treated as the least privileged. */
    Role roleOrRegular() {
        return Role.parse(role).orElse(Role.REGULAR_USER);
    }

    boolean usable() {
        return isActive && deletedAt == null;
    }
}
