package com.timetracker.exports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** One time entry as exports show it; {@code end} is null while the timer runs. */
record ExportedEntry(long id, Instant startTime, Instant endTime, String project, String task, String description) {

    /** End minus start (V1's export rule: not the stored duration); a running entry counts up to {@code now}. */
    long seconds(Instant now) {
        Instant end = endTime != null ? endTime : now;
        return Math.max(0, Duration.between(startTime, end).getSeconds());
    }

    /** {@code H:MM:SS} with at least two hour digits, hours past 24 kept: {@code 01:30:00}, {@code 152:00:05}. */
    static String clock(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /** {@code round(seconds / 3600, 2)} as the reports compute it. */
    static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}
