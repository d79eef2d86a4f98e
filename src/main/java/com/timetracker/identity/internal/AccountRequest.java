package com.timetracker.identity.internal;

import java.time.Instant;

/**
 * A row of V1's {@code account_requests} table. The timestamps are stored as UTC wall-clock time
 * in V1's {@code timestamp without time zone} columns and read back as instants.
 */
record AccountRequest(
        long id,
        String email,
        String name,
        String phone,
        String jobTitle,
        String department,
        String message,
        String status,
        Instant submittedAt,
        Instant reviewedAt,
        Long reviewedBy,
        String adminNotes,
        String ipAddress,
        String userAgent) {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";

    static boolean isStatus(String value) {
        return PENDING.equals(value) || APPROVED.equals(value) || REJECTED.equals(value);
    }
}
