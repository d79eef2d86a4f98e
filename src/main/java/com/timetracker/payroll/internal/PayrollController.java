package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.payroll.PayrollPolicy;
import com.timetracker.payroll.internal.PayrollViews.AdjustmentView;
import com.timetracker.payroll.internal.PayrollViews.EntryList;
import com.timetracker.payroll.internal.PayrollViews.EntryView;
import com.timetracker.payroll.internal.PayrollViews.PeriodDetail;
import com.timetracker.payroll.internal.PayrollViews.PeriodList;
import com.timetracker.payroll.internal.PayrollViews.PeriodView;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/payroll} (reference §3.13) plus the {@code void} action; docs/payroll.md. */
@RestController
@RequestMapping("/api/payroll")
class PayrollController {

    static final String PERIOD_TYPE = "weekly|bi_weekly|semi_monthly|monthly";
    static final String ADJUSTMENT_TYPE = "bonus|deduction|reimbursement|tax|other";

    record NewPeriod(@NotBlank @Size(max = 255) String name,
                     @Pattern(regexp = PERIOD_TYPE, message = "must be weekly, bi_weekly, semi_monthly or monthly") String periodType,
                     @NotNull LocalDate startDate, @NotNull LocalDate endDate,
                     @Size(max = 1000) List<@NotNull @Positive Long> userIds,
                     @Pattern(regexp = PayRateController.RATE_TYPE, message = PayRateController.RATE_TYPE_MESSAGE) String rateTypeFilter) {
    }

    record PeriodUpdate(@Size(min = 1, max = 255) String name,
                        @Pattern(regexp = PERIOD_TYPE, message = "must be weekly, bi_weekly, semi_monthly or monthly") String periodType,
                        LocalDate startDate, LocalDate endDate,
                        @Size(max = 1000) List<@NotNull @Positive Long> userIds,
                        @Pattern(regexp = PayRateController.RATE_TYPE + "|" + PayrollPeriods.ALL_RATE_TYPES,
                                message = "must be hourly, daily, monthly, project_based or all (no filter)") String rateTypeFilter,
                        String status) {
    }

    record NewEntry(@NotNull @Positive Long payrollPeriodId, @NotNull @Positive Long userId,
                    @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal regularHours,
                    @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal overtimeHours,
                    @Size(max = 5000) String notes,
                    @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal regularRate,
                    @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal overtimeRate) {
    }

    @Schema(name = "PayrollEntryUpdate")
    record EntryUpdate(@DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal regularHours,
                       @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal overtimeHours,
                       @Size(max = 5000) String notes, String status) {
    }

    record NewAdjustment(@NotNull @Positive Long payrollEntryId,
                         @NotNull @Pattern(regexp = ADJUSTMENT_TYPE, message = "must be bonus, deduction, reimbursement, tax or other") String adjustmentType,
                         @NotBlank @Size(max = 500) String description,
                         @NotNull @Digits(integer = 8, fraction = 2) BigDecimal amount) {
    }

    record AdjustmentUpdate(@Pattern(regexp = ADJUSTMENT_TYPE, message = "must be bonus, deduction, reimbursement, tax or other") String adjustmentType,
                            @Size(min = 1, max = 500) String description,
                            @Digits(integer = 8, fraction = 2) BigDecimal amount) {
    }

    private final PayrollPeriods periods;
    private final PayrollEntries entries;
    private final PayrollAudit audit;

    PayrollController(PayrollPeriods periods, PayrollEntries entries, PayrollAudit audit) {
        this.periods = periods;
        this.entries = entries;
        this.audit = audit;
    }

    // ---- periods

    @PostMapping("/periods")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodView createPeriod(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody NewPeriod body, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        return PeriodView.of(periods.create(new PayrollPeriods.Fields(body.name().strip(),
                body.periodType() == null ? "monthly" : body.periodType(), body.startDate(), body.endDate(), body.userIds(),
                body.rateTypeFilter()), audit.actor(request, me)));
    }

    @GetMapping("/periods")
    PeriodList periods(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(defaultValue = "0") int skip,
                       @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String status,
                       HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayRateController.requireWindow(skip, limit);
        if (status != null && !PeriodStatus.ALL.contains(status)) {
            throw ApiException.invalid("status: must be one of " + PeriodStatus.ALL);
        }
        PeriodList list = new PeriodList(periods.list(status, skip, limit).stream().map(PeriodView::of).toList(), periods.count(status), skip, limit);
        audit.read(request, me, "payroll_period", null, "payroll period list");
        return list;
    }

    @GetMapping("/periods/{id}")
    PeriodDetail period(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PeriodDetail detail = new PeriodDetail(PeriodView.of(periods.get(id)), entryViews(id));
        audit.read(request, me, "payroll_period", id, "payroll period with entries");
        return detail;
    }

    /** Name, type, dates and selection. Status changes go through the actions, never through PUT. */
    @PutMapping("/periods/{id}")
    PeriodView updatePeriod(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, @Valid @RequestBody PeriodUpdate body,
                            HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        if (body.status() != null && !body.status().equals(periods.get(id).status())) {
            throw ApiException.invalid("status: changes only through POST /api/payroll/periods/{id}/process, /approve, /mark-paid or /void");
        }
        return PeriodView.of(periods.update(id, new PayrollPeriods.Fields(body.name() == null ? null : body.name().strip(), body.periodType(),
                body.startDate(), body.endDate(), body.userIds(), body.rateTypeFilter()), audit.actor(request, me)));
    }

    @PostMapping("/periods/{id}/process")
    PeriodView process(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        return PeriodView.of(periods.process(id, audit.actor(request, me)));
    }

    @PostMapping("/periods/{id}/approve")
    PeriodView approve(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        return move(me, id, PeriodStatus.APPROVED, request);
    }

    @PostMapping("/periods/{id}/mark-paid")
    PeriodView markPaid(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        return move(me, id, PeriodStatus.PAID, request);
    }

    @PostMapping("/periods/{id}/void")
    PeriodView voidPeriod(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        return move(me, id, PeriodStatus.VOID, request);
    }

    @DeleteMapping("/periods/{id}")
    ResponseEntity<Void> deletePeriod(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        periods.delete(id, audit.actor(request, me));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/periods/{id}/entries")
    List<EntryView> periodEntries(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        periods.get(id);
        List<EntryView> list = entryViews(id);
        audit.read(request, me, "payroll_period", id, "payroll entries of the period");
        return list;
    }

    // ---- entries

    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView createEntry(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody NewEntry body, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayrollEntries.Entry entry = entries.create(new PayrollEntries.NewEntry(body.payrollPeriodId(), body.userId(), body.regularHours(),
                body.overtimeHours() == null ? BigDecimal.ZERO : body.overtimeHours(), body.notes(), body.regularRate(), body.overtimeRate()),
                audit.actor(request, me));
        return EntryView.of(entry, List.of(), List.of());
    }

    @GetMapping("/entries/{id}")
    EntryView entry(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollEntries.Entry entry = readableEntry(me, id);
        audit.read(request, me, "payroll_entry", id, "payroll entry");
        return EntryView.of(entry, entries.lines(id), entries.adjustments(id));
    }

    @GetMapping("/user/{userId}/entries")
    EntryList userEntries(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long userId, @RequestParam(defaultValue = "0") int skip,
                          @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        if (!PayrollPolicy.canReadPayOf(me.role(), me.id(), userId)) {
            throw ApiException.forbidden("Can only view your own payroll entries");
        }
        PayRateController.requireWindow(skip, limit);
        boolean finalOnly = !PayrollPolicy.canManagePayroll(me.role());
        EntryList list = new EntryList(entries.ofUser(userId, finalOnly, skip, limit).stream().map(e -> EntryView.of(e, null, null)).toList(),
                entries.countOfUser(userId, finalOnly), skip, limit);
        audit.read(request, me, "payroll_entry", null, "payroll entries of user " + userId);
        return list;
    }

    @PutMapping("/entries/{id}")
    EntryView updateEntry(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, @Valid @RequestBody EntryUpdate body,
                          HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        if (body.status() != null && !body.status().equals(entries.get(id).status())) {
            throw ApiException.invalid("status: an entry's status follows its period (approve, mark-paid)");
        }
        PayrollEntries.Entry entry = entries.update(id, body.regularHours(), body.overtimeHours(), body.notes(), audit.actor(request, me));
        return EntryView.of(entry, entries.lines(id), entries.adjustments(id));
    }

    // ---- adjustments

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    AdjustmentView createAdjustment(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody NewAdjustment body,
                                    HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        return AdjustmentView.of(entries.addAdjustment(body.payrollEntryId(), body.adjustmentType(), body.description().strip(), body.amount(),
                audit.actor(request, me)));
    }

    @GetMapping("/entries/{id}/adjustments")
    List<AdjustmentView> adjustments(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        readableEntry(me, id);
        List<AdjustmentView> list = entries.adjustments(id).stream().map(AdjustmentView::of).toList();
        audit.read(request, me, "payroll_entry", id, "adjustments of the payroll entry");
        return list;
    }

    @PutMapping("/adjustments/{id}")
    AdjustmentView updateAdjustment(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id,
                                    @Valid @RequestBody AdjustmentUpdate body, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        return AdjustmentView.of(entries.updateAdjustment(id, body.adjustmentType(), body.description() == null ? null : body.description().strip(),
                body.amount(), audit.actor(request, me)));
    }

    @DeleteMapping("/adjustments/{id}")
    ResponseEntity<Void> deleteAdjustment(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        entries.deleteAdjustment(id, audit.actor(request, me));
        return ResponseEntity.noContent().build();
    }

    private PeriodView move(AuthenticatedUser me, long id, String target, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        return PeriodView.of(periods.move(id, target, audit.actor(request, me)));
    }

    private PayrollEntries.Entry readableEntry(AuthenticatedUser me, long id) {
        PayrollEntries.Entry entry = entries.get(id);
        if (!PayrollPolicy.canReadEntryOf(me.role(), me.id(), entry.userId(), entry.periodStatus())) {
            throw ApiException.forbidden(entry.userId() == me.id()
                    ? "Your payroll entry can be viewed once its period is approved"
                    : "Can only view your own payroll entries");
        }
        return entry;
    }

    private List<EntryView> entryViews(long periodId) {
        java.util.Map<Long, List<PayrollEntries.Line>> lines = entries.linesOfPeriod(periodId);
        return entries.ofPeriod(periodId).stream().map(e -> EntryView.of(e, lines.getOrDefault(e.id(), List.of()), null)).toList();
    }
}
