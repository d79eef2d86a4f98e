package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payroll periods: create, change, the workflow actions and processing (reference §3.13, §6.4 with
 * the fixes of §9.2; docs/payroll.md). Callers authorize.
 */
@Service
class PayrollPeriods {

    record Period(long id, String name, String periodType, LocalDate startDate, LocalDate endDate, String status,
                  BigDecimal totalAmount, Long approvedBy, Instant approvedAt, Instant createdAt, Instant updatedAt,
                  String selectedUserIds, String rateTypeFilter, long entriesCount) {

        /** V1 stored the selection comma-joined; null or empty means everyone. */
        List<Long> selectedUsers() {
            if (selectedUserIds == null || selectedUserIds.isBlank()) {
                return null;
            }
            // V1 wrote this column without checking it: anything that is not an id is ignored
            List<Long> ids = Arrays.stream(selectedUserIds.split(",")).map(String::strip).filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
            return ids.isEmpty() ? null : ids;
        }
    }

    /** The rate_type_filter of an update that removes the filter (JSON null cannot be told from a missing field). */
    static final String ALL_RATE_TYPES = "all";

    /** The fields of a period as sent; on update null means unchanged. */
    record Fields(String name, String periodType, LocalDate startDate, LocalDate endDate, List<Long> userIds, String rateTypeFilter) {
    }

    private record Person(long id, String timezone, BigDecimal expectedHoursPerWeek) {
    }

    private record Worked(long userId, Instant startTime, long seconds) {
    }

    static final String SELECT = """
            SELECT p.id, p.name, p.period_type, p.start_date, p.end_date, p.status, p.total_amount, p.approved_by, p.approved_at,
                   p.created_at, p.updated_at, p.selected_user_ids, p.rate_type_filter,
                   (SELECT count(*) FROM payroll_entries e WHERE e.payroll_period_id = p.id) AS entries_count
            FROM payroll_periods p""";

    private final JdbcClient jdbc;
    private final PayRates rates;
    private final PayrollAudit audit;
    private final Clock clock;

    PayrollPeriods(JdbcClient jdbc, PayRates rates, PayrollAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    Period get(long id) {
        return find(id, false).orElseThrow(() -> ApiException.notFound("Payroll period not found"));
    }

    /** The period, locked for the rest of the transaction so no workflow action interleaves. */
    Period lock(long id) {
        return find(id, true).orElseThrow(() -> ApiException.notFound("Payroll period not found"));
    }

    private Optional<Period> find(long id, boolean forUpdate) {
        return jdbc.sql(SELECT + " WHERE p.id = :id" + (forUpdate ? " FOR UPDATE OF p" : "")).param("id", id).query(Rows.of(Period.class)).optional();
    }

    List<Period> list(String status, int skip, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(:status AS varchar) IS NULL OR p.status = :status) ORDER BY p.start_date DESC, p.id DESC OFFSET :skip LIMIT :limit")
                .param("status", status).param("skip", skip).param("limit", limit).query(Rows.of(Period.class)).list();
    }

    long count(String status) {
        return jdbc.sql("SELECT count(*) FROM payroll_periods WHERE CAST(:status AS varchar) IS NULL OR status = :status")
                .param("status", status).query(Long.class).single();
    }

    @Transactional
    Period create(Fields f, AuditEvent.Actor actor) {
        requireOrderedDates(f.startDate(), f.endDate());
        requireKnownUsers(f.userIds());
        long id = jdbc.sql("""
                        INSERT INTO payroll_periods (name, period_type, start_date, end_date, status, total_amount, selected_user_ids,
                                                     rate_type_filter, created_at, updated_at)
                        VALUES (:name, :type, :start, :end, 'draft', 0, :users, :filter, :now, :now) RETURNING id""")
                .param("name", f.name()).param("type", f.periodType()).param("start", f.startDate()).param("end", f.endDate())
                .param("users", joined(f.userIds())).param("filter", f.rateTypeFilter()).param("now", now())
                .query(Long.class).single();
        audit.change(actor, "CREATE", "payroll_period", id, null, Map.of("name", f.name(), "start_date", f.startDate().toString(),
                "end_date", f.endDate().toString()), "payroll period created");
        return get(id);
    }

    /**
     * Name, type, dates and selection of a draft or processing period. A change to what the
     * calculation depends on returns the period to draft: it must be processed again before approval.
     */
    @Transactional
    Period update(long id, Fields f, AuditEvent.Actor actor) {
        Period before = lock(id);
        PeriodStatus.requireEditable(id, before.status());
        LocalDate start = f.startDate() != null ? f.startDate() : before.startDate();
        LocalDate end = f.endDate() != null ? f.endDate() : before.endDate();
        requireOrderedDates(start, end);
        requireKnownUsers(f.userIds());
        String users = f.userIds() != null ? joined(f.userIds()) : before.selectedUserIds();
        String filter = f.rateTypeFilter() == null ? before.rateTypeFilter() : ALL_RATE_TYPES.equals(f.rateTypeFilter()) ? null : f.rateTypeFilter();
        boolean recalculate = !start.equals(before.startDate()) || !end.equals(before.endDate())
                || !java.util.Objects.equals(users, before.selectedUserIds()) || !java.util.Objects.equals(filter, before.rateTypeFilter());
        jdbc.sql("""
                        UPDATE payroll_periods SET name = :name, period_type = :type, start_date = :start, end_date = :end,
                               selected_user_ids = :users, rate_type_filter = :filter, status = :status, updated_at = :now
                        WHERE id = :id""")
                .param("name", f.name() != null ? f.name() : before.name())
                .param("type", f.periodType() != null ? f.periodType() : before.periodType())
                .param("start", start).param("end", end).param("users", users).param("filter", filter)
                .param("status", recalculate ? PeriodStatus.DRAFT : before.status()).param("now", now()).param("id", id)
                .update();
        Period after = get(id);
        audit.change(actor, "UPDATE", "payroll_period", id, summary(before), summary(after), recalculate ? "period changed; process it again" : "period renamed");
        return after;
    }

    @Transactional
    void delete(long id, AuditEvent.Actor actor) {
        Period period = lock(id);
        if (!PeriodStatus.deletable(period.status())) {
            throw ApiException.conflict("Payroll period " + id + " is " + period.status() + " and cannot be deleted");
        }
        jdbc.sql("DELETE FROM payroll_adjustments WHERE payroll_entry_id IN (SELECT id FROM payroll_entries WHERE payroll_period_id = :id)")
                .param("id", id).update();
        jdbc.sql("DELETE FROM payroll_entries WHERE payroll_period_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM payroll_periods WHERE id = :id").param("id", id).update();
        audit.change(actor, "DELETE", "payroll_period", id, summary(period), null, "payroll period deleted");
    }

    /** approve, mark-paid, void: the status moves and every entry follows (approved, paid). */
    @Transactional
    Period move(long id, String target, AuditEvent.Actor actor) {
        Period before = lock(id);
        PeriodStatus.requireTransition(id, before.status(), target);
        boolean approving = PeriodStatus.APPROVED.equals(target);
        jdbc.sql("""
                        UPDATE payroll_periods SET status = :target, updated_at = :now,
                               approved_by = CASE WHEN :approving THEN :actor ELSE approved_by END,
                               approved_at = CASE WHEN :approving THEN :now ELSE approved_at END
                        WHERE id = :id""")
                .param("target", target).param("now", now()).param("approving", approving).param("actor", actor.id()).param("id", id)
                .update();
        if (approving || PeriodStatus.PAID.equals(target)) {
            jdbc.sql("UPDATE payroll_entries SET status = :target, updated_at = :now WHERE payroll_period_id = :id")
                    .param("target", target).param("now", now()).param("id", id).update();
        }
        audit.change(actor, "UPDATE", "payroll_period", id, Map.of("status", before.status()), Map.of("status", target),
                "payroll period " + target);
        return get(id);
    }

    /**
     * Computes one entry per person and period (docs/payroll.md "Processing"): idempotent, honours
     * the selection and the rate-type filter, removes entries of people no longer included, keeps
     * adjustments, and stores the rates applied.
     */
    @Transactional
    Period process(long id, AuditEvent.Actor actor) {
        Period period = lock(id);
        PeriodStatus.requireTransition(id, period.status(), PeriodStatus.PROCESSING);
        List<Long> selected = period.selectedUsers();
        List<Person> people = jdbc.sql("""
                        SELECT u.id, u.timezone, u.expected_hours_per_week FROM users u
                        WHERE u.is_active AND u.deleted_at IS NULL
                          AND EXISTS (SELECT 1 FROM pay_rates r WHERE r.user_id = u.id AND r.is_active
                                      AND r.effective_from <= :end AND (r.effective_to IS NULL OR r.effective_to >= :start))
                        ORDER BY u.id""")
                .param("start", period.startDate()).param("end", period.endDate()).query(Rows.of(Person.class)).list()
                .stream().filter(p -> selected == null || selected.contains(p.id())).toList();
        Map<Long, List<PayCalculation.Rate>> ratesByUser = new LinkedHashMap<>();
        Map<Long, List<PayCalculation.Work>> workByUser = new LinkedHashMap<>();
        if (!people.isEmpty()) {
            List<Long> ids = people.stream().map(Person::id).toList();
            jdbc.sql(PayRates.SELECT + " WHERE r.is_active AND r.user_id IN (:ids)").param("ids", ids).query(Rows.of(PayRates.PayRate.class)).list()
                    .forEach(r -> ratesByUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r.forCalculation()));
            // a local date lies within a day before and two days after the same UTC date (offsets −12 h … +14 h)
            jdbc.sql("""
                            SELECT user_id, start_time,
                                   coalesce(duration_seconds, floor(extract(epoch FROM end_time - start_time)))::bigint AS seconds
                            FROM time_entries
                            WHERE end_time IS NOT NULL AND deleted_at IS NULL AND user_id IN (:ids)
                              AND start_time >= :from AND start_time < :to""")
                    .param("ids", ids)
                    .param("from", Timestamp.from(period.startDate().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .param("to", Timestamp.from(period.endDate().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .query(Rows.of(Worked.class)).list()
                    .forEach(w -> workByUser.computeIfAbsent(w.userId(), u -> new ArrayList<>()).add(new PayCalculation.Work(w.startTime(), w.seconds())));
        }
        Set<Long> paidElsewhere = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT l.pay_rate_id FROM payroll_entry_lines l
                        JOIN payroll_entries e ON e.id = l.payroll_entry_id
                        JOIN payroll_periods p ON p.id = e.payroll_period_id
                        WHERE l.rate_type = 'project_based' AND l.amount <> 0 AND p.id <> :id AND p.status <> 'void'""")
                .param("id", id).query(Long.class).list());

        Set<Long> included = new HashSet<>();
        for (Person person : people) {
            PayCalculation.Result result = PayCalculation.calculate(new PayCalculation.Input(period.startDate(), period.endDate(),
                    PayrollUsers.zone(person.timezone()), person.expectedHoursPerWeek(), period.rateTypeFilter(),
                    ratesByUser.getOrDefault(person.id(), List.of()), workByUser.getOrDefault(person.id(), List.of()), paidElsewhere));
            if (result.applied() == null) {
                continue; // no rate of the filtered type covers any day of the period
            }
            included.add(person.id());
            store(id, person.id(), result);
        }
        removeEntriesExcept(id, included, actor);
        refreshTotal(id);
        jdbc.sql("UPDATE payroll_periods SET status = 'processing', updated_at = :now WHERE id = :id").param("now", now()).param("id", id).update();
        Period after = get(id);
        audit.change(actor, "UPDATE", "payroll_period", id, Map.of("status", period.status(), "total_amount", Money.text(period.totalAmount())),
                Map.of("status", after.status(), "total_amount", Money.text(after.totalAmount())), "payroll processed: " + included.size() + " entries");
        return after;
    }

    private void store(long periodId, long userId, PayCalculation.Result r) {
        long entryId = jdbc.sql("""
                        INSERT INTO payroll_entries (payroll_period_id, user_id, regular_hours, overtime_hours, regular_rate, overtime_rate,
                                                     gross_amount, adjustments_amount, net_amount, status, pay_rate_id, rate_type,
                                                     created_at, updated_at)
                        VALUES (:period, :user, :reg, :ot, :regRate, :otRate, :gross, 0, :gross, 'pending', :rate, :type, :now, :now)
                        ON CONFLICT (payroll_period_id, user_id) DO UPDATE SET
                            regular_hours = EXCLUDED.regular_hours, overtime_hours = EXCLUDED.overtime_hours,
                            regular_rate = EXCLUDED.regular_rate, overtime_rate = EXCLUDED.overtime_rate,
                            gross_amount = EXCLUDED.gross_amount, net_amount = EXCLUDED.gross_amount + payroll_entries.adjustments_amount,
                            pay_rate_id = EXCLUDED.pay_rate_id, rate_type = EXCLUDED.rate_type, updated_at = EXCLUDED.updated_at
                        RETURNING id""")
                .param("period", periodId).param("user", userId).param("reg", r.regularHours()).param("ot", r.overtimeHours())
                .param("regRate", r.regularRate()).param("otRate", r.overtimeRate()).param("gross", Money.storable(r.gross()))
                .param("rate", r.applied().id()).param("type", r.applied().type()).param("now", now())
                .query(Long.class).single();
        jdbc.sql("DELETE FROM payroll_entry_lines WHERE payroll_entry_id = :id").param("id", entryId).update();
        for (PayCalculation.Line line : r.lines()) {
            jdbc.sql("""
                            INSERT INTO payroll_entry_lines (payroll_entry_id, pay_rate_id, rate_type, base_rate, overtime_multiplier,
                                                             regular_hours, overtime_hours, days, amount)
                            VALUES (:entry, :rate, :type, :base, :mult, :reg, :ot, :days, :amount)""")
                    .param("entry", entryId).param("rate", line.rate().id()).param("type", line.rate().type())
                    .param("base", line.rate().base()).param("mult", line.rate().overtimeMultiplier())
                    .param("reg", line.regularHours().setScale(4, java.math.RoundingMode.HALF_UP))
                    .param("ot", line.overtimeHours().setScale(4, java.math.RoundingMode.HALF_UP))
                    .param("days", line.days()).param("amount", line.amount())
                    .update();
        }
    }

    private void removeEntriesExcept(long periodId, Set<Long> included, AuditEvent.Actor actor) {
        Map<Long, Long> entries = jdbc.sql("SELECT id, user_id FROM payroll_entries WHERE payroll_period_id = :id").param("id", periodId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Long> gone = entries.entrySet().stream().filter(e -> !included.contains(e.getValue())).map(Map.Entry::getKey).sorted().toList();
        if (gone.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM payroll_adjustments WHERE payroll_entry_id IN (:ids)").param("ids", gone).update();
        jdbc.sql("DELETE FROM payroll_entries WHERE id IN (:ids)").param("ids", gone).update();
        for (long entryId : gone) {
            audit.change(actor, "DELETE", "payroll_entry", entryId, Map.of("user_id", entries.get(entryId), "payroll_period_id", periodId), null,
                    "removed by processing: the user is no longer included in the period");
        }
    }

    /** The period's total is the sum of its entries' net amounts, to the cent, after every change. */
    void refreshTotal(long periodId) {
        jdbc.sql("""
                        UPDATE payroll_periods SET updated_at = :now,
                               total_amount = (SELECT coalesce(sum(net_amount), 0) FROM payroll_entries WHERE payroll_period_id = :id)
                        WHERE id = :id""")
                .param("now", now()).param("id", periodId).update();
    }

    private void requireKnownUsers(List<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return;
        }
        List<Long> known = jdbc.sql("SELECT id FROM users WHERE id IN (:ids) AND deleted_at IS NULL").param("ids", userIds).query(Long.class).list();
        List<Long> unknown = userIds.stream().filter(u -> !known.contains(u)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("user_ids: unknown users " + unknown);
        }
    }

    private static void requireOrderedDates(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ApiException.invalid("end_date must be after start_date");
        }
        if (start.plusYears(1).isBefore(end)) {
            throw ApiException.invalid("A payroll period is at most one year long");
        }
    }

    private static String joined(List<Long> userIds) {
        return userIds == null || userIds.isEmpty() ? null
                : userIds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Map<String, Object> summary(Period p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("period_type", p.periodType());
        v.put("start_date", p.startDate().toString());
        v.put("end_date", p.endDate().toString());
        v.put("status", p.status());
        v.put("selected_user_ids", p.selectedUserIds());
        v.put("rate_type_filter", p.rateTypeFilter());
        v.put("total_amount", Money.text(p.totalAmount()));
        return v;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
