package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Rows;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payroll entries and their adjustments (reference §3.13 #97–#105). Every change recomputes the
 * entry's net and the period's total at once, and only while the period is draft or processing.
 * Callers authorize.
 */
@Service
class PayrollEntries {

    record Entry(long id, long payrollPeriodId, long userId, BigDecimal regularHours, BigDecimal overtimeHours, String notes,
                 BigDecimal regularRate, BigDecimal overtimeRate, BigDecimal grossAmount, BigDecimal adjustmentsAmount,
                 BigDecimal netAmount, String status, Instant createdAt, Instant updatedAt, String userName, String userEmail,
                 String rateType, Long payRateId, String periodStatus) {

        Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("regular_hours", Money.text(regularHours));
            v.put("overtime_hours", Money.text(overtimeHours));
            v.put("gross_amount", Money.text(grossAmount));
            v.put("adjustments_amount", Money.text(adjustmentsAmount));
            v.put("net_amount", Money.text(netAmount));
            v.put("notes", notes);
            return v;
        }
    }

    record Line(long payrollEntryId, long payRateId, String rateType, BigDecimal baseRate, BigDecimal overtimeMultiplier, BigDecimal regularHours,
                BigDecimal overtimeHours, int days, BigDecimal amount) {
    }

    record Adjustment(long id, long payrollEntryId, String adjustmentType, String description, BigDecimal amount, long createdBy,
                      Instant createdAt, String createdByName) {
    }

    /** A manual entry as sent: rates are optional (taken from the person's hourly rate when absent). */
    record NewEntry(long periodId, long userId, BigDecimal regularHours, BigDecimal overtimeHours, String notes,
                    BigDecimal regularRate, BigDecimal overtimeRate) {
    }

    static final String SELECT = """
            SELECT e.id, e.payroll_period_id, e.user_id, e.regular_hours, e.overtime_hours, e.notes, e.regular_rate, e.overtime_rate,
                   e.gross_amount, e.adjustments_amount, e.net_amount, e.status, e.created_at, e.updated_at,
                   u.name AS user_name, u.email AS user_email, e.rate_type, e.pay_rate_id, p.status AS period_status
            FROM payroll_entries e JOIN users u ON u.id = e.user_id JOIN payroll_periods p ON p.id = e.payroll_period_id""";

    static final String ADJUSTMENTS = """
            SELECT a.id, a.payroll_entry_id, a.adjustment_type, a.description, a.amount, a.created_by, a.created_at,
                   u.name AS created_by_name
            FROM payroll_adjustments a LEFT JOIN users u ON u.id = a.created_by""";

    private final JdbcClient jdbc;
    private final PayrollPeriods periods;
    private final PayRates rates;
    private final PayrollAudit audit;
    private final Clock clock;

    PayrollEntries(JdbcClient jdbc, PayrollPeriods periods, PayRates rates, PayrollAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    Entry get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Payroll entry not found"));
    }

    Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(Rows.of(Entry.class)).optional();
    }

    List<Entry> ofPeriod(long periodId) {
        return jdbc.sql(SELECT + " WHERE e.payroll_period_id = :id ORDER BY u.name, e.id").param("id", periodId).query(Rows.of(Entry.class)).list();
    }

    /** A person's entries, newest period first; {@code finalOnly} keeps approved and paid periods. */
    List<Entry> ofUser(long userId, boolean finalOnly, int skip, int limit) {
        return jdbc.sql(SELECT + " WHERE e.user_id = :user AND (NOT :final OR p.status IN ('approved', 'paid'))"
                        + " ORDER BY p.start_date DESC, e.id DESC OFFSET :skip LIMIT :limit")
                .param("user", userId).param("final", finalOnly).param("skip", skip).param("limit", limit).query(Rows.of(Entry.class)).list();
    }

    long countOfUser(long userId, boolean finalOnly) {
        return jdbc.sql("""
                        SELECT count(*) FROM payroll_entries e JOIN payroll_periods p ON p.id = e.payroll_period_id
                        WHERE e.user_id = :user AND (NOT :final OR p.status IN ('approved', 'paid'))""")
                .param("user", userId).param("final", finalOnly).query(Long.class).single();
    }

    static final String LINES = """
            SELECT l.payroll_entry_id, l.pay_rate_id, l.rate_type, l.base_rate, l.overtime_multiplier, l.regular_hours, l.overtime_hours,
                   l.days, l.amount
            FROM payroll_entry_lines l""";

    List<Line> lines(long entryId) {
        return jdbc.sql(LINES + " WHERE l.payroll_entry_id = :id ORDER BY l.id").param("id", entryId).query(Rows.of(Line.class)).list();
    }

    /** The rate lines of every entry of a period, by entry id, in one query. */
    Map<Long, List<Line>> linesOfPeriod(long periodId) {
        return jdbc.sql(LINES + " JOIN payroll_entries e ON e.id = l.payroll_entry_id WHERE e.payroll_period_id = :id ORDER BY l.id")
                .param("id", periodId).query(Rows.of(Line.class)).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Line::payrollEntryId, LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    List<Adjustment> adjustments(long entryId) {
        return jdbc.sql(ADJUSTMENTS + " WHERE a.payroll_entry_id = :id ORDER BY a.created_at, a.id").param("id", entryId)
                .query(Rows.of(Adjustment.class)).list();
    }

    /**
     * A manual entry: gross = regular hours × regular rate + overtime hours × overtime rate. Without
     * rates, the person's hourly rate in effect at the end of the period (V1 left them at zero).
     */
    @Transactional
    Entry create(NewEntry in, AuditEvent.Actor actor) {
        PayrollPeriods.Period period = periods.lock(in.periodId());
        PeriodStatus.requireEditable(period.id(), period.status());
        if (!PayrollUsers.exists(jdbc, in.userId())) {
            throw ApiException.invalid("user_id: no user with id " + in.userId());
        }
        BigDecimal regularRate = in.regularRate();
        BigDecimal overtimeRate = in.overtimeRate();
        Long rateId = null;
        String rateType = null;
        if (regularRate == null) {
            PayCalculation.Rate rate = PayCalculation.rateOn(rates.ofUser(in.userId(), false).stream().map(PayRates.PayRate::forCalculation).toList(),
                    period.endDate());
            if (rate == null || !PayCalculation.HOURLY.equals(rate.type())) {
                throw ApiException.invalid("regular_rate: user " + in.userId() + " has no hourly rate on " + period.endDate() + ", so give the rates");
            }
            regularRate = Money.cents(rate.base());
            overtimeRate = overtimeRate != null ? overtimeRate : Money.cents(rate.base().multiply(rate.overtimeMultiplier()));
            rateId = rate.id();
            rateType = rate.type();
        }
        BigDecimal gross = gross(in.regularHours(), regularRate, in.overtimeHours(), overtimeRate == null ? regularRate : overtimeRate);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO payroll_entries (payroll_period_id, user_id, regular_hours, overtime_hours, regular_rate, overtime_rate,
                                                         gross_amount, adjustments_amount, net_amount, status, notes, pay_rate_id, rate_type,
                                                         created_at, updated_at)
                            VALUES (:period, :user, :reg, :ot, :regRate, :otRate, :gross, 0, :gross, 'pending', :notes, :rate, :type, :now, :now)
                            RETURNING id""")
                    .param("period", period.id()).param("user", in.userId()).param("reg", in.regularHours()).param("ot", in.overtimeHours())
                    .param("regRate", regularRate).param("otRate", overtimeRate == null ? regularRate : overtimeRate).param("gross", gross)
                    .param("notes", in.notes()).param("rate", rateId).param("type", rateType).param("now", now())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("User " + in.userId() + " already has an entry in payroll period " + period.id() + "; change that entry instead");
        }
        periods.refreshTotal(period.id());
        Entry created = get(id);
        audit.change(actor, "CREATE", "payroll_entry", id, null, created.values(), "manual payroll entry");
        return created;
    }

    /**
     * Notes, and hours of an hourly or manual entry (gross = hours × the entry's rates; the rate
     * lines of processing no longer apply). Hours do not set the pay of daily, monthly or
     * project-based entries: those take an adjustment.
     */
    @Transactional
    Entry update(long id, BigDecimal regularHours, BigDecimal overtimeHours, String notes, AuditEvent.Actor actor) {
        Entry before = lockedEntry(id);
        boolean hours = regularHours != null || overtimeHours != null;
        if (hours && before.rateType() != null && !PayCalculation.HOURLY.equals(before.rateType())) {
            throw ApiException.conflict("The pay of a " + before.rateType() + " entry does not follow its hours; add an adjustment instead");
        }
        BigDecimal reg = regularHours != null ? regularHours : before.regularHours();
        BigDecimal ot = overtimeHours != null ? overtimeHours : before.overtimeHours();
        BigDecimal gross = hours ? gross(reg, before.regularRate(), ot, before.overtimeRate()) : before.grossAmount();
        jdbc.sql("""
                        UPDATE payroll_entries SET regular_hours = :reg, overtime_hours = :ot, gross_amount = :gross,
                               net_amount = :gross + adjustments_amount, notes = :notes, updated_at = :now
                        WHERE id = :id""")
                .param("reg", reg).param("ot", ot).param("gross", gross).param("notes", notes != null ? notes : before.notes())
                .param("now", now()).param("id", id).update();
        if (hours) {
            jdbc.sql("DELETE FROM payroll_entry_lines WHERE payroll_entry_id = :id").param("id", id).update();
        }
        periods.refreshTotal(before.payrollPeriodId());
        Entry after = get(id);
        audit.change(actor, "UPDATE", "payroll_entry", id, before.values(), after.values(), hours ? "hours changed by hand" : "notes changed");
        return after;
    }

    @Transactional
    Adjustment addAdjustment(long entryId, String type, String description, BigDecimal amount, AuditEvent.Actor actor) {
        Entry entry = lockedEntry(entryId);
        AdjustmentRules.check(type, amount);
        long id = jdbc.sql("""
                        INSERT INTO payroll_adjustments (payroll_entry_id, adjustment_type, description, amount, created_by, created_at)
                        VALUES (:entry, :type, :description, :amount, :by, :now) RETURNING id""")
                .param("entry", entryId).param("type", type).param("description", description).param("amount", amount)
                .param("by", actor.id()).param("now", now()).query(Long.class).single();
        recompute(entry);
        Adjustment created = adjustment(id).orElseThrow();
        audit.change(actor, "CREATE", "payroll_adjustment", id, null, Map.of("adjustment_type", type, "amount", Money.text(amount)),
                "adjustment on payroll entry " + entryId);
        return created;
    }

    @Transactional
    Adjustment updateAdjustment(long id, String type, String description, BigDecimal amount, AuditEvent.Actor actor) {
        Adjustment before = adjustment(id).orElseThrow(() -> ApiException.notFound("Adjustment not found"));
        Entry entry = lockedEntry(before.payrollEntryId());
        String newType = type != null ? type : before.adjustmentType();
        BigDecimal newAmount = amount != null ? amount : before.amount();
        AdjustmentRules.check(newType, newAmount);
        jdbc.sql("UPDATE payroll_adjustments SET adjustment_type = :type, description = :description, amount = :amount WHERE id = :id")
                .param("type", newType).param("description", description != null ? description : before.description())
                .param("amount", newAmount).param("id", id).update();
        recompute(entry);
        audit.change(actor, "UPDATE", "payroll_adjustment", id,
                Map.of("adjustment_type", before.adjustmentType(), "amount", Money.text(before.amount())),
                Map.of("adjustment_type", newType, "amount", Money.text(newAmount)), "adjustment on payroll entry " + entry.id());
        return adjustment(id).orElseThrow();
    }

    @Transactional
    void deleteAdjustment(long id, AuditEvent.Actor actor) {
        Adjustment before = adjustment(id).orElseThrow(() -> ApiException.notFound("Adjustment not found"));
        Entry entry = lockedEntry(before.payrollEntryId());
        jdbc.sql("DELETE FROM payroll_adjustments WHERE id = :id").param("id", id).update();
        recompute(entry);
        audit.change(actor, "DELETE", "payroll_adjustment", id,
                Map.of("adjustment_type", before.adjustmentType(), "amount", Money.text(before.amount())), null,
                "adjustment on payroll entry " + entry.id());
    }

    Optional<Adjustment> adjustment(long id) {
        return jdbc.sql(ADJUSTMENTS + " WHERE a.id = :id").param("id", id).query(Rows.of(Adjustment.class)).optional();
    }

    /** The entry, with its period locked and still open for changes. */
    private Entry lockedEntry(long id) {
        Entry entry = get(id);
        PayrollPeriods.Period period = periods.lock(entry.payrollPeriodId());
        PeriodStatus.requireEditable(period.id(), period.status());
        return get(id);
    }

    /** adjustments_amount = Σ adjustments; net = gross + that; the period's total follows. */
    private void recompute(Entry entry) {
        jdbc.sql("""
                        UPDATE payroll_entries SET updated_at = :now,
                               adjustments_amount = (SELECT coalesce(sum(amount), 0) FROM payroll_adjustments WHERE payroll_entry_id = :id),
                               net_amount = gross_amount + (SELECT coalesce(sum(amount), 0) FROM payroll_adjustments WHERE payroll_entry_id = :id)
                        WHERE id = :id""")
                .param("now", now()).param("id", entry.id()).update();
        periods.refreshTotal(entry.payrollPeriodId());
    }

    private static BigDecimal gross(BigDecimal regularHours, BigDecimal regularRate, BigDecimal overtimeHours, BigDecimal overtimeRate) {
        return Money.storable(Money.cents(regularHours.multiply(regularRate).add(overtimeHours.multiply(overtimeRate))));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
