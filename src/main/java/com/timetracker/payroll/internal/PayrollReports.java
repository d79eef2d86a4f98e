package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payroll reports (reference §3.14): one set-based query per report, rows streamed for exports. Callers authorize. */
@Service
class PayrollReports {

    /** The filters of payables and of a person's report; null means any. Void periods count only when asked for by status. */
    record Filter(LocalDate startDate, LocalDate endDate, Long periodId, Long userId, String status, String periodType, boolean finalOnly) {

        Map<String, Object> applied() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (startDate != null) {
                m.put("start_date", startDate.toString());
            }
            if (endDate != null) {
                m.put("end_date", endDate.toString());
            }
            if (periodId != null) {
                m.put("period_id", periodId);
            }
            if (userId != null) {
                m.put("user_id", userId);
            }
            if (status != null) {
                m.put("status", status);
            }
            if (periodType != null) {
                m.put("period_type", periodType);
            }
            return m;
        }

        void validate() {
            if (status != null && !PeriodStatus.ALL.contains(status)) {
                throw ApiException.invalid("status: must be one of " + PeriodStatus.ALL);
            }
            if (periodType != null && !periodType.matches(PayrollController.PERIOD_TYPE)) {
                throw ApiException.invalid("period_type: must be weekly, bi_weekly, semi_monthly or monthly");
            }
            if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                throw ApiException.invalid("end_date must be after start_date");
            }
        }
    }

    /** One payroll entry with its person and period. */
    record Row(long entryId, long userId, String userName, String userEmail, String rateType, long periodId, String periodName,
               LocalDate startDate, LocalDate endDate, String periodStatus, String periodType, BigDecimal regularHours,
               BigDecimal overtimeHours, BigDecimal regularRate, BigDecimal overtimeRate, BigDecimal grossAmount,
               BigDecimal adjustmentsAmount, BigDecimal netAmount) {
    }

    record Summary(long periodId, String periodName, LocalDate startDate, LocalDate endDate, String status, long totalEmployees,
                   BigDecimal totalRegularHours, BigDecimal totalOvertimeHours, BigDecimal totalGrossAmount, BigDecimal totalAdjustments,
                   BigDecimal totalNetAmount) {
    }

    /** Sums over a set of rows, to the cent (each row already is). */
    record Totals(long employees, long periods, String singlePeriodName, BigDecimal regularHours, BigDecimal overtimeHours,
                  BigDecimal gross, BigDecimal adjustments, BigDecimal net) {

        static Totals of(List<Row> rows) {
            List<String> names = rows.stream().map(Row::periodName).distinct().toList();
            return new Totals(rows.stream().map(Row::userId).distinct().count(), rows.stream().map(Row::periodId).distinct().count(),
                    names.size() == 1 ? names.get(0) : null,
                    sum(rows, Row::regularHours), sum(rows, Row::overtimeHours), sum(rows, Row::grossAmount),
                    sum(rows, Row::adjustmentsAmount), sum(rows, Row::netAmount));
        }

        private static BigDecimal sum(List<Row> rows, java.util.function.Function<Row, BigDecimal> f) {
            return rows.stream().map(f).reduce(Money.ZERO, BigDecimal::add);
        }

        /** V1's summary.period_name: "No Data", the one period's name, or "Multiple Periods (n)". */
        String periodName() {
            return periods == 0 ? "No Data" : periods == 1 ? singlePeriodName : "Multiple Periods (" + periods + ")";
        }
    }

    private static final String ROWS = """
            SELECT e.id AS entry_id, e.user_id, u.name AS user_name, u.email AS user_email, e.rate_type, p.id AS period_id,
                   p.name AS period_name, p.start_date, p.end_date, p.status AS period_status, p.period_type,
                   e.regular_hours, e.overtime_hours, e.regular_rate, e.overtime_rate, e.gross_amount, e.adjustments_amount, e.net_amount
            """;

    /** The entries a filter selects (shared by the rows and their date span). */
    private static final String FILTERED = """
            FROM payroll_entries e JOIN payroll_periods p ON p.id = e.payroll_period_id JOIN users u ON u.id = e.user_id
            WHERE (CAST(:period AS bigint) IS NULL OR p.id = :period)
              AND (CAST(:user AS bigint) IS NULL OR e.user_id = :user)
              AND (CAST(:status AS varchar) IS NULL AND p.status <> 'void' OR p.status = :status)
              AND (NOT :final OR p.status IN ('approved', 'paid'))
              AND (CAST(:type AS varchar) IS NULL OR p.period_type = :type)
              AND (CAST(:start AS date) IS NULL OR p.start_date >= :start)
              AND (CAST(:end AS date) IS NULL OR p.end_date <= :end)
            """;

    private final JdbcClient jdbc;
    private final PayrollPeriods periods;

    PayrollReports(JdbcClient jdbc, PayrollPeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    Summary summary(long periodId) {
        PayrollPeriods.Period p = periods.get(periodId);
        Totals t = Totals.of(rows(new Filter(null, null, periodId, null, p.status(), null, false)));
        return new Summary(p.id(), p.name(), p.startDate(), p.endDate(), p.status(), t.employees(), t.regularHours(), t.overtimeHours(),
                t.gross(), t.adjustments(), t.net());
    }

    List<Row> rows(Filter f) {
        return statement(f).query(Rows.of(Row.class)).list();
    }

    /** Rows one at a time from a forward-only cursor, for exports whose size has no bound. */
    @Transactional(readOnly = true)
    void stream(Filter f, Consumer<Row> consumer) {
        try (Stream<Row> rows = statement(f).withFetchSize(500).query(Rows.of(Row.class)).stream()) {
            rows.forEach(consumer);
        }
    }

    /** The adjustments of these entries, by entry id, in one query. */
    Map<Long, List<PayrollEntries.Adjustment>> adjustments(List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(PayrollEntries.ADJUSTMENTS + " WHERE a.payroll_entry_id IN (:ids) ORDER BY a.created_at, a.id").param("ids", entryIds)
                .query(Rows.of(PayrollEntries.Adjustment.class)).list().stream()
                .collect(Collectors.groupingBy(PayrollEntries.Adjustment::payrollEntryId, LinkedHashMap::new, Collectors.toList()));
    }

    /** V1's report_period: "start to end", the one period's dates, "From …", "Until …" or "All Time". */
    String reportPeriod(Filter f) {
        if (f.startDate() != null && f.endDate() != null) {
            return f.startDate() + " to " + f.endDate();
        }
        if (f.periodId() != null) {
            PayrollPeriods.Period p = periods.get(f.periodId());
            return p.startDate() + " to " + p.endDate();
        }
        if (f.startDate() != null) {
            return "From " + f.startDate();
        }
        return f.endDate() != null ? "Until " + f.endDate() : "All Time";
    }

    /** The first and last day the selected periods cover; null when nothing is selected. */
    LocalDate[] span(Filter f) {
        return statement("SELECT min(p.start_date) AS first, max(p.end_date) AS last " + FILTERED, f)
                .query((rs, n) -> rs.getObject(1) == null ? null
                        : new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).list().get(0);
    }

    private JdbcClient.StatementSpec statement(Filter f) {
        return statement(ROWS + FILTERED + " ORDER BY p.start_date DESC, p.id DESC, u.name, e.id", f);
    }

    private JdbcClient.StatementSpec statement(String sql, Filter f) {
        return jdbc.sql(sql).param("period", f.periodId()).param("user", f.userId()).param("status", f.status())
                .param("final", f.finalOnly()).param("type", f.periodType()).param("start", f.startDate()).param("end", f.endDate());
    }
}
