package com.timetracker.reporting.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often a scheduled report goes out, always at 08:00 of its zone (V1's times, which were UTC):
 * every day, every Monday, or on the 1st of every month.
 */
enum Frequency {
    DAILY, WEEKLY, MONTHLY;

    static final LocalTime SEND_AT = LocalTime.of(8, 0);

    String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Frequency> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst();
    }

    /** The first send time strictly after {@code after}. */
    Instant nextRun(Instant after, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i < 40; i++) {
            LocalDate candidate = day.plusDays(i);
            if (matches(candidate)) {
                Instant at = ZonedDateTime.of(candidate, SEND_AT, zone).toInstant();
                if (at.isAfter(after)) {
                    return at;
                }
            }
        }
        // Only reached for MONTHLY when the 1st of this month has passed: the 1st of next month.
        LocalDate first = day.with(TemporalAdjusters.firstDayOfNextMonth());
        return ZonedDateTime.of(first, SEND_AT, zone).toInstant();
    }

    private boolean matches(LocalDate day) {
        return switch (this) {
            case DAILY -> true;
            case WEEKLY -> day.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTHLY -> day.getDayOfMonth() == 1;
        };
    }
}
