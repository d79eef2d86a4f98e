package com.timetracker.payroll.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What payroll reads about people: that they exist, and their time zone (users.timezone; UTC when unset or unknown). */
final class PayrollUsers {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private PayrollUsers() {
    }

    static boolean exists(JdbcClient jdbc, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id AND deleted_at IS NULL)").param("id", userId)
                .query(Boolean.class).single();
    }

    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
