package com.timetracker.payroll.internal;

import java.time.Clock;
import java.time.LocalDate;

import com.timetracker.identity.StaffMemberCreated;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives a newly created staff member the pay rate entered in the staff wizard, effective from their start date. */
@Component
class InitialPayRate {

    private final JdbcClient jdbc;
    private final Clock clock;

    InitialPayRate(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(StaffMemberCreated created) {
        StaffMemberCreated.InitialPayRate rate = created.payRate();
        if (rate == null) {
            return;
        }
        LocalDate from = rate.effectiveFrom() != null ? rate.effectiveFrom() : LocalDate.now(clock);
        jdbc.sql("""
                        INSERT INTO pay_rates (user_id, rate_type, base_rate, currency, overtime_multiplier, effective_from,
                                               is_active, created_by, created_at, updated_at)
                        VALUES (:user, :type, :rate, :currency, :multiplier, :from, true, :by, now(), now())""")
                .param("user", created.userId()).param("type", rate.rateType()).param("rate", rate.baseRate())
                .param("currency", rate.currency()).param("multiplier", rate.overtimeMultiplier()).param("from", from)
                .param("by", created.createdBy())
                .update();
    }
}
