package com.timetracker.identity.internal;

import java.time.Instant;
import java.time.LocalDate;

/** V1's {@code UserResponse} (reference §3.22), plus the user's timezone. Never the password hash. */
record UserResponse(
        long id,
        String email,
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
        Double expectedHoursPerWeek,
        Long managerId,
        String timezone) {

    static UserResponse of(UserAccount user) {
        return new UserResponse(user.id(), user.email(), user.name(), user.role(), user.isActive(), user.createdAt(),
                user.phone(), user.address(), user.emergencyContactName(), user.emergencyContactPhone(), user.jobTitle(),
                user.department(), user.employmentType(), user.startDate(),
                user.expectedHoursPerWeek() == null ? null : user.expectedHoursPerWeek().doubleValue(),
                user.managerId(), user.timezone());
    }
}
