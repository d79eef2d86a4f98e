package com.timetracker.identity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An administrator created a staff member with an initial pay rate and/or team memberships.
 * Published inside the creating transaction: the teams and payroll modules add their rows in it,
 * and a failure there (say, a team that does not exist) undoes the whole creation.
 */
public record StaffMemberCreated(long userId, long createdBy, List<Long> teamIds, InitialPayRate payRate) {

    /** V1's optional pay-rate fields of {@code POST /api/users}; null when none was given. */
    public record InitialPayRate(BigDecimal baseRate, String rateType, BigDecimal overtimeMultiplier, String currency,
                                 LocalDate effectiveFrom) {
    }
}
