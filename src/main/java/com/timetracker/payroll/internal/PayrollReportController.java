package com.timetracker.payroll.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.payroll.PayrollPolicy;
import com.timetracker.payroll.internal.PayrollViews.AdjustmentView;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/payroll/reports} (reference §3.14); the file exports are in {@link PayrollExportController}. */
@RestController
@RequestMapping("/api/payroll/reports")
class PayrollReportController {

    /** The payables filters, as a JSON body (POST) or query parameters (GET). */
    record PayablesQuery(@BindParam("start_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                         @BindParam("end_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                         @BindParam("period_id") @Positive Long periodId, @BindParam("user_id") @Positive Long userId, String status,
                         @BindParam("period_type") String periodType) {

        PayrollReports.Filter filter() {
            PayrollReports.Filter f = new PayrollReports.Filter(startDate, endDate, periodId, userId, status, periodType, false);
            f.validate();
            return f;
        }
    }

    /** V1's UserPayrollReport, plus the period's id and status. */
    record UserPayrollReport(long userId, String userName, String userEmail, String rateType, long periodId, String periodName,
                             LocalDate startDate, LocalDate endDate, String periodStatus, String regularHours, String overtimeHours,
                             String regularRate, String overtimeRate, String grossAmount, List<AdjustmentView> adjustments,
                             String adjustmentsTotal, String netAmount) {
    }

    record SummaryView(long periodId, String periodName, LocalDate startDate, LocalDate endDate, String status, long totalEmployees,
                       String totalRegularHours, String totalOvertimeHours, String totalGrossAmount, String totalAdjustments,
                       String totalNetAmount) {
    }

    record PayablesSummary(String periodName, String status, long totalEmployees, String totalRegularHours, String totalOvertimeHours,
                           String totalGrossAmount, String totalAdjustments, String totalNetAmount) {
    }

    record Payables(Instant reportGeneratedAt, String reportPeriod, Map<String, Object> filtersApplied, PayablesSummary summary,
                    List<UserPayrollReport> entries) {
    }

    private final PayrollReports reports;
    private final PayrollAudit audit;
    private final Clock clock;

    PayrollReportController(PayrollReports reports, PayrollAudit audit, Clock clock) {
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/summary/{periodId}")
    SummaryView summary(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long periodId, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayrollReports.Summary s = reports.summary(periodId);
        audit.read(request, me, "payroll_period", periodId, "payroll summary report");
        return new SummaryView(s.periodId(), s.periodName(), s.startDate(), s.endDate(), s.status(), s.totalEmployees(),
                Money.text(s.totalRegularHours()), Money.text(s.totalOvertimeHours()), Money.text(s.totalGrossAmount()),
                Money.text(s.totalAdjustments()), Money.text(s.totalNetAmount()));
    }

    /** A person's payroll, newest first: admins see every period, the person only approved and paid ones. */
    @GetMapping("/user/{userId}")
    List<UserPayrollReport> user(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long userId,
                                 @RequestParam(name = "period_id", required = false) Long periodId,
                                 @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                 @RequestParam(name = "end_date", required = false) LocalDate endDate, HttpServletRequest request) {
        if (!PayrollPolicy.canReadPayOf(me.role(), me.id(), userId)) {
            throw ApiException.forbidden("Can only view your own payroll report");
        }
        List<UserPayrollReport> list = personal(me, userId, periodId, startDate, endDate);
        audit.read(request, me, "payroll_report", null, "payroll report of user " + userId);
        return list;
    }

    @GetMapping("/my-payroll")
    List<UserPayrollReport> mine(@AuthenticationPrincipal AuthenticatedUser me,
                                 @RequestParam(name = "period_id", required = false) Long periodId,
                                 @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                 @RequestParam(name = "end_date", required = false) LocalDate endDate, HttpServletRequest request) {
        List<UserPayrollReport> list = personal(me, me.id(), periodId, startDate, endDate);
        audit.read(request, me, "payroll_report", null, "own payroll report");
        return list;
    }

    @PostMapping("/payables")
    Payables payables(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody PayablesQuery query, HttpServletRequest request) {
        return payablesReport(me, query, request);
    }

    @GetMapping("/payables")
    Payables payablesByQuery(@AuthenticationPrincipal AuthenticatedUser me, @Valid PayablesQuery query, HttpServletRequest request) {
        return payablesReport(me, query, request);
    }

    private Payables payablesReport(AuthenticatedUser me, PayablesQuery query, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayrollReports.Filter filter = query.filter();
        List<PayrollReports.Row> rows = reports.rows(filter);
        PayrollReports.Totals t = PayrollReports.Totals.of(rows);
        PayablesSummary summary = new PayablesSummary(t.periodName(), filter.status() != null ? filter.status() : "mixed", t.employees(),
                Money.text(t.regularHours()), Money.text(t.overtimeHours()), Money.text(t.gross()), Money.text(t.adjustments()), Money.text(t.net()));
        Payables payables = new Payables(clock.instant(), reports.reportPeriod(filter), filter.applied(), summary, views(rows));
        audit.read(request, me, "payroll_report", null, "payables report " + filter.applied());
        return payables;
    }

    private List<UserPayrollReport> personal(AuthenticatedUser me, long userId, Long periodId, LocalDate startDate, LocalDate endDate) {
        PayrollReports.Filter filter = new PayrollReports.Filter(startDate, endDate, periodId, userId, null, null,
                !PayrollPolicy.canManagePayroll(me.role()));
        filter.validate();
        return views(reports.rows(filter));
    }

    private List<UserPayrollReport> views(List<PayrollReports.Row> rows) {
        Map<Long, List<PayrollEntries.Adjustment>> adjustments = reports.adjustments(rows.stream().map(PayrollReports.Row::entryId).toList());
        return rows.stream().map(r -> new UserPayrollReport(r.userId(), r.userName(), r.userEmail(), r.rateType(), r.periodId(), r.periodName(),
                r.startDate(), r.endDate(), r.periodStatus(), Money.text(r.regularHours()), Money.text(r.overtimeHours()),
                Money.text(r.regularRate()), Money.text(r.overtimeRate()), Money.text(r.grossAmount()),
                adjustments.getOrDefault(r.entryId(), List.of()).stream().map(AdjustmentView::of).toList(),
                Money.text(r.adjustmentsAmount()), Money.text(r.netAmount()))).toList();
    }
}
