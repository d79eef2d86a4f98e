package com.timetracker.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.timetracker.exports.DateRange;

/**
 * The local calendar days {@code first..last} (inclusive) of a zone, as the instants a query needs.
 * Day boundaries come from the zone's rules, so a DST day is 23 or 25 hours long.
 */
record ReportRange(ZoneId zone, LocalDate first, LocalDate last) {

    /** A range the exports module's {@code DateRanges} checked (zone, order, MAX_REPORT_RANGE_DAYS cap). */
    static ReportRange of(DateRange checked) {
        return new ReportRange(checked.zone(), checked.first(), checked.last());
    }

    Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Exclusive: the start of the day after {@code last}. */
    Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    List<LocalDate> days() {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    /** The start of every day and the end of the last, as one text parameter read in SQL as a timestamptz[]. */
    String bounds() {
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day : days()) {
            bounds.add(day.atStartOfDay(zone).toInstant());
        }
        bounds.add(end());
        return bounds.stream().map(Instant::toString).collect(Collectors.joining(","));
    }
}
