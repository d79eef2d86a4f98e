package com.timetracker.exports;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.UnsafeConfigurationException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a request's {@code start_date}, {@code end_date} and {@code tz} into a {@link DateRange}, or
 * a 422: unknown time zone, end before start, or more days than {@code MAX_REPORT_RANGE_DAYS}
 * (default 366, a leap year) — docs/configuration.md.
 */
@Component
public class DateRanges {

    public static final int DEFAULT_MAX_DAYS = 366;

    private final Clock clock;
    private final int maxDays;

    public DateRanges(Clock clock, Environment env) {
        this.clock = clock;
        String value = env.getProperty("MAX_REPORT_RANGE_DAYS", String.valueOf(DEFAULT_MAX_DAYS)).strip();
        try {
            this.maxDays = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalidSetting(value);
        }
        if (maxDays < 1) {
            throw invalidSetting(value);
        }
    }

    public int maxDays() {
        return maxDays;
    }

    /** The zone named by {@code tz} (an IANA name such as {@code Europe/Berlin}, or {@code UTC}); the user's own when blank. */
    public static ZoneId zone(String tz, AuthenticatedUser user) {
        if (tz == null || tz.isBlank()) {
            return user.zone();
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalid("tz: unknown time zone '" + tz + "'");
        }
    }

    /** Both days given (V1's required dates); checked as described on the class. */
    public DateRange required(LocalDate start, LocalDate end, String tz, AuthenticatedUser user) {
        if (start == null || end == null) {
            throw ApiException.invalid((start == null ? "start_date" : "end_date") + ": is required");
        }
        return check(start, end, zone(tz, user));
    }

    /** Missing days default as in V1's reports: the first of the month of {@code end_date}, and today (in the zone). */
    public DateRange orThisMonth(LocalDate start, LocalDate end, String tz, AuthenticatedUser user) {
        ZoneId zone = zone(tz, user);
        LocalDate last = end != null ? end : LocalDate.now(clock.withZone(zone));
        LocalDate first = start != null ? start : last.withDayOfMonth(1);
        return check(first, last, zone);
    }

    private DateRange check(LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first)) {
            throw ApiException.invalid("end_date: must not be before start_date");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > maxDays) {
            throw ApiException.invalid("The date range covers " + days + " days; at most " + maxDays + " are allowed");
        }
        return new DateRange(first, last, zone);
    }

    private static UnsafeConfigurationException invalidSetting(String value) {
        return new UnsafeConfigurationException("MAX_REPORT_RANGE_DAYS must be a positive whole number of days, got '" + value + "'",
                "Set MAX_REPORT_RANGE_DAYS to a number such as 366.");
    }
}
