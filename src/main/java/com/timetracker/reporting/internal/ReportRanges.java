package com.timetracker.reporting.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a request's {@code tz}, {@code start_date} and {@code end_date} into a {@link ReportRange}:
 * the caller's zone unless {@code tz} names another, an unknown zone, an end before the start or a
 * range longer than {@code REPORT_MAX_RANGE_DAYS} refused with a 422.
 */
@Component
class ReportRanges {

    static final int DEFAULT_MAX_RANGE_DAYS = 366;

    private final Clock clock;
    private final int maxDays;

    ReportRanges(Clock clock, Environment env) {
        this.clock = clock;
        String value = env.getProperty("REPORT_MAX_RANGE_DAYS", String.valueOf(DEFAULT_MAX_RANGE_DAYS)).strip();
        try {
            this.maxDays = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new com.timetracker.platform.UnsafeConfigurationException(
                    "REPORT_MAX_RANGE_DAYS must be a whole number of days, got '" + value + "'", "Set REPORT_MAX_RANGE_DAYS to a number such as 366.");
        }
        if (maxDays < 1) {
            throw new com.timetracker.platform.UnsafeConfigurationException(
                    "REPORT_MAX_RANGE_DAYS must be 1 or more, got " + maxDays, "Set REPORT_MAX_RANGE_DAYS to a number such as 366.");
        }
    }

    int maxDays() {
        return maxDays;
    }

    /** The zone {@code tz} names (an IANA name such as Europe/Berlin), or the caller's own. */
    ZoneId zone(String tz, AuthenticatedUser caller) {
        if (tz == null || tz.isBlank()) {
            return caller.zone();
        }
        return zone(tz);
    }

    static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalid("tz: '" + tz + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** {@code start..end}, either defaulting to the first of this month and today. */
    ReportRange range(ZoneId zone, LocalDate start, LocalDate end) {
        LocalDate today = today(zone);
        return of(zone, start == null ? today.withDayOfMonth(1) : start, end == null ? today : end);
    }

    ReportRange of(ZoneId zone, LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ApiException.invalid("end_date: must not be before start_date (" + start + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw ApiException.invalid("The range covers " + days + " days; a report covers at most " + maxDays + " (REPORT_MAX_RANGE_DAYS)");
        }
        return new ReportRange(zone, start, end);
    }
}
