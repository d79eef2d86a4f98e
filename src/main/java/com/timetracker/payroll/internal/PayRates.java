package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pay rates and their history (reference §3.12, docs/payroll.md "Pay rates"). Every change writes a
 * history row saying who, when, why and which fields changed. Callers authorize.
 */
@Service
class PayRates {

    record PayRate(long id, long userId, String rateType, BigDecimal baseRate, String currency, BigDecimal overtimeMultiplier,
                   LocalDate effectiveFrom, LocalDate effectiveTo, boolean isActive, long createdBy, Instant createdAt,
                   Instant updatedAt, String userName, String userEmail) {

        PayCalculation.Rate forCalculation() {
            return new PayCalculation.Rate(id, rateType, baseRate, overtimeMultiplier, effectiveFrom, effectiveTo);
        }

        Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("rate_type", rateType);
            v.put("base_rate", Money.text(baseRate));
            v.put("currency", currency);
            v.put("overtime_multiplier", Money.text(overtimeMultiplier));
            v.put("effective_from", String.valueOf(effectiveFrom));
            v.put("effective_to", effectiveTo == null ? null : effectiveTo.toString());
            v.put("is_active", isActive);
            return v;
        }
    }

    /** The fields of a rate as sent (all present on create; on update null means unchanged). */
    record Fields(String rateType, BigDecimal baseRate, String currency, BigDecimal overtimeMultiplier,
                  LocalDate effectiveFrom, LocalDate effectiveTo, Boolean isActive) {
    }

    record HistoryRow(long id, long payRateId, BigDecimal previousRate, BigDecimal newRate, BigDecimal previousOvertimeMultiplier,
                      BigDecimal newOvertimeMultiplier, String changeReason, long changedBy, Instant changedAt,
                      String changedByName, String changeType, String changes) {
    }

    static final String SELECT = """
            SELECT r.id, r.user_id, r.rate_type, r.base_rate, r.currency, r.overtime_multiplier, r.effective_from,
                   r.effective_to, r.is_active, r.created_by, r.created_at, r.updated_at, u.name AS user_name, u.email AS user_email
            FROM pay_rates r JOIN users u ON u.id = r.user_id""";

    private final JdbcClient jdbc;
    private final PayrollAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    PayRates(JdbcClient jdbc, PayrollAudit audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    Optional<PayRate> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(Rows.of(PayRate.class)).optional();
    }

    PayRate get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Pay rate not found"));
    }

    long count(boolean activeOnly) {
        return jdbc.sql("SELECT count(*) FROM pay_rates WHERE is_active OR NOT :active").param("active", activeOnly).query(Long.class).single();
    }

    List<PayRate> list(boolean activeOnly, int skip, int limit) {
        return jdbc.sql(SELECT + " WHERE r.is_active OR NOT :active ORDER BY r.created_at DESC, r.id DESC OFFSET :skip LIMIT :limit")
                .param("active", activeOnly).param("skip", skip).param("limit", limit).query(Rows.of(PayRate.class)).list();
    }

    List<PayRate> ofUser(long userId, boolean includeInactive) {
        return jdbc.sql(SELECT + " WHERE r.user_id = :user AND (r.is_active OR :all) ORDER BY r.effective_from DESC, r.id DESC")
                .param("user", userId).param("all", includeInactive).query(Rows.of(PayRate.class)).list();
    }

    /** The rate in effect today in the person's time zone (docs/payroll.md "Which rate applies"). */
    Optional<PayRate> current(long userId) {
        ZoneId zone = PayrollUsers.zone(jdbc.sql("SELECT timezone FROM users WHERE id = :id").param("id", userId).query(String.class).optional().orElse(null));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<PayRate> active = ofUser(userId, false);
        PayCalculation.Rate rate = PayCalculation.rateOn(active.stream().map(PayRate::forCalculation).toList(), today);
        return rate == null ? Optional.empty() : active.stream().filter(r -> r.id() == rate.id()).findFirst();
    }

    /**
     * A new rate. The person's open-ended active rates that started earlier end the day before it
     * starts (V1 ended them on that same day, so two rates overlapped by a day).
     */
    @Transactional
    PayRate create(long userId, Fields f, AuditEvent.Actor actor) {
        if (!PayrollUsers.exists(jdbc, userId)) {
            throw ApiException.invalid("user_id: no user with id " + userId);
        }
        requireOrderedDates(f.effectiveFrom(), f.effectiveTo());
        requireStorableOvertimeRate(f.baseRate(), f.overtimeMultiplier());
        long id = jdbc.sql("""
                        INSERT INTO pay_rates (user_id, rate_type, base_rate, currency, overtime_multiplier, effective_from,
                                               effective_to, is_active, created_by, created_at, updated_at)
                        VALUES (:user, :type, :base, :currency, :multiplier, :from, :to, :active, :by, :now, :now) RETURNING id""")
                .param("user", userId).param("type", f.rateType()).param("base", f.baseRate()).param("currency", f.currency())
                .param("multiplier", f.overtimeMultiplier()).param("from", f.effectiveFrom()).param("to", f.effectiveTo())
                .param("active", f.isActive()).param("by", actor.id()).param("now", now())
                .query(Long.class).single();
        if (Boolean.TRUE.equals(f.isActive())) {
            List<PayRate> superseded = jdbc.sql(SELECT + " WHERE r.user_id = :user AND r.is_active AND r.effective_to IS NULL AND r.effective_from < :from AND r.id <> :id")
                    .param("user", userId).param("from", f.effectiveFrom()).param("id", id).query(Rows.of(PayRate.class)).list();
            for (PayRate old : superseded) {
                Fields closing = new Fields(null, null, null, null, null, f.effectiveFrom().minusDays(1), null);
                apply(old, closing, "closed", "Superseded by pay rate " + id + " from " + f.effectiveFrom(), actor);
            }
        }
        PayRate created = get(id);
        audit.change(actor, "CREATE", "pay_rate", id, null, created.values(), "pay rate for user " + userId);
        return created;
    }

    @Transactional
    PayRate update(long id, Fields f, String reason, AuditEvent.Actor actor) {
        PayRate before = jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(Rows.of(PayRate.class)).optional()
                .orElseThrow(() -> ApiException.notFound("Pay rate not found"));
        requireOrderedDates(f.effectiveFrom() != null ? f.effectiveFrom() : before.effectiveFrom(),
                f.effectiveTo() != null ? f.effectiveTo() : before.effectiveTo());
        return apply(before, f, "updated", reason, actor);
    }

    /** V1's soft delete: inactive, ending today at the latest. A deactivated rate applies nowhere. */
    @Transactional
    void deactivate(long id, AuditEvent.Actor actor) {
        PayRate before = get(id);
        if (!before.isActive()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate end = before.effectiveTo() != null && before.effectiveTo().isBefore(today) ? before.effectiveTo() : today;
        apply(before, new Fields(null, null, null, null, null, end, false), "deactivated", "Deleted", actor);
    }

    List<HistoryRow> history(long id) {
        get(id);
        return jdbc.sql("""
                        SELECT h.id, h.pay_rate_id, h.previous_rate, h.new_rate, h.previous_overtime_multiplier, h.new_overtime_multiplier,
                               h.change_reason, h.changed_by, h.changed_at, u.name AS changed_by_name, h.change_type, h.changes
                        FROM pay_rate_history h LEFT JOIN users u ON u.id = h.changed_by
                        WHERE h.pay_rate_id = :id ORDER BY h.changed_at DESC, h.id DESC""")
                .param("id", id).query(Rows.of(HistoryRow.class)).list();
    }

    Map<String, Object> parseChanges(String changes) {
        if (changes == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(changes, Map.class);
        return parsed;
    }

    private PayRate apply(PayRate before, Fields f, String changeType, String reason, AuditEvent.Actor actor) {
        PayRate after = new PayRate(before.id(), before.userId(), or(f.rateType(), before.rateType()), or(f.baseRate(), before.baseRate()),
                or(f.currency(), before.currency()), or(f.overtimeMultiplier(), before.overtimeMultiplier()),
                or(f.effectiveFrom(), before.effectiveFrom()), or(f.effectiveTo(), before.effectiveTo()), or(f.isActive(), before.isActive()),
                before.createdBy(), before.createdAt(), before.updatedAt(), before.userName(), before.userEmail());
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> old = before.values();
        after.values().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.put(field, Map.of("from", String.valueOf(old.get(field)), "to", String.valueOf(value)));
            }
        });
        if (changes.isEmpty()) {
            return before;
        }
        requireStorableOvertimeRate(after.baseRate(), after.overtimeMultiplier());
        jdbc.sql("""
                        UPDATE pay_rates SET rate_type = :type, base_rate = :base, currency = :currency, overtime_multiplier = :multiplier,
                               effective_from = :from, effective_to = :to, is_active = :active, updated_at = :now
                        WHERE id = :id""")
                .param("type", after.rateType()).param("base", after.baseRate()).param("currency", after.currency())
                .param("multiplier", after.overtimeMultiplier()).param("from", after.effectiveFrom()).param("to", after.effectiveTo())
                .param("active", after.isActive()).param("now", now()).param("id", before.id())
                .update();
        jdbc.sql("""
                        INSERT INTO pay_rate_history (pay_rate_id, previous_rate, new_rate, previous_overtime_multiplier,
                                                      new_overtime_multiplier, changed_by, change_reason, changed_at, change_type, changes)
                        VALUES (:rate, :prev, :new, :prevMult, :newMult, :by, :reason, :now, :type, :changes)""")
                .param("rate", before.id()).param("prev", before.baseRate()).param("new", after.baseRate())
                .param("prevMult", before.overtimeMultiplier()).param("newMult", after.overtimeMultiplier())
                .param("by", actor.id()).param("reason", reason).param("now", now()).param("type", changeType)
                .param("changes", json.writeValueAsString(changes))
                .update();
        audit.change(actor, "UPDATE", "pay_rate", before.id(), old, after.values(), changeType + (reason == null ? "" : ": " + reason));
        return get(before.id());
    }

    private static void requireOrderedDates(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw ApiException.invalid("effective_to must be on or after effective_from");
        }
    }

    /** The overtime rate (base × multiplier) is stored like the base, numeric(10,2). */
    private static void requireStorableOvertimeRate(BigDecimal base, BigDecimal multiplier) {
        if (base.multiply(multiplier).compareTo(new BigDecimal("99999999.99")) > 0) {
            throw ApiException.invalid("base_rate × overtime_multiplier must not exceed 99999999.99");
        }
    }

    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
