package com.timetracker.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whole calendar days {@code first}..{@code last} (both included) in a time zone; as instants the
 * half-open interval [{@link #from()}, {@link #until()}), so days of 23 or 25 hours come out right.
 * Made by {@link DateRanges}, which checks the request.
 */
public record DateRange(LocalDate first, LocalDate last, ZoneId zone) {

    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant until() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
