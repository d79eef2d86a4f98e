package com.timetracker.identity.internal;

import java.time.Instant;

/** V1's {@code AccountRequestResponse} (reference §3.21): the request without the IP and user agent. */
record AccountRequestResponse(
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
        String adminNotes) {

    static AccountRequestResponse of(AccountRequest request) {
        return new AccountRequestResponse(request.id(), request.email(), request.name(), request.phone(), request.jobTitle(),
                request.department(), request.message(), request.status(), request.submittedAt(), request.reviewedAt(),
                request.reviewedBy(), request.adminNotes());
    }
}
