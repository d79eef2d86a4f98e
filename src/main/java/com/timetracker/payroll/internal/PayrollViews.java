package com.timetracker.payroll.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of payroll (V1's PeriodResp, EntryResp and adjustment shapes; amounts as strings). */
final class PayrollViews {

    private PayrollViews() {
    }

    /** V1's PeriodResp plus the selection (user ids, rate-type filter) V1 stored but did not return. */
    record PeriodView(long id, String name, String periodType, LocalDate startDate, LocalDate endDate, String status, String totalAmount,
                      Long approvedBy, Instant approvedAt, Instant createdAt, Instant updatedAt, long entriesCount,
                      List<Long> selectedUserIds, String rateTypeFilter) {

        static PeriodView of(PayrollPeriods.Period p) {
            return new PeriodView(p.id(), p.name(), p.periodType(), p.startDate(), p.endDate(), p.status(), Money.text(p.totalAmount()),
                    p.approvedBy(), p.approvedAt(), p.createdAt(), p.updatedAt(), p.entriesCount(), p.selectedUsers(),
                    p.rateTypeFilter());
        }
    }

    record PeriodDetail(@JsonUnwrapped PeriodView period, List<EntryView> entries) {
    }

    record PeriodList(List<PeriodView> items, long total, int skip, int limit) {
    }

    @Schema(name = "PayrollEntryList")
    record EntryList(List<EntryView> items, long total, int skip, int limit) {
    }

    record LineView(long payRateId, String rateType, String baseRate, String overtimeMultiplier, String regularHours,
                    String overtimeHours, int days, String amount) {

        static LineView of(PayrollEntries.Line l) {
            return new LineView(l.payRateId(), l.rateType(), Money.text(l.baseRate()), Money.text(l.overtimeMultiplier()),
                    l.regularHours().stripTrailingZeros().toPlainString(), l.overtimeHours().stripTrailingZeros().toPlainString(),
                    l.days(), Money.text(l.amount()));
        }
    }

    record AdjustmentView(long id, long payrollEntryId, String adjustmentType, String description, String amount, long createdBy,
                          Instant createdAt, String createdByName) {

        static AdjustmentView of(PayrollEntries.Adjustment a) {
            return new AdjustmentView(a.id(), a.payrollEntryId(), a.adjustmentType(), a.description(), Money.text(a.amount()),
                    a.createdBy(), a.createdAt(), a.createdByName());
        }
    }

    /** V1's EntryResp with user_name, user_email and the rate applied; lines and adjustments where asked for. */
    record EntryView(long id, long payrollPeriodId, long userId, String regularHours, String overtimeHours, String notes,
                     String regularRate, String overtimeRate, String grossAmount, String adjustmentsAmount, String netAmount,
                     String status, Instant createdAt, Instant updatedAt, String userName, String userEmail, String rateType,
                     Long payRateId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<LineView> rateLines,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<AdjustmentView> adjustments) {

        static EntryView of(PayrollEntries.Entry e, List<PayrollEntries.Line> lines, List<PayrollEntries.Adjustment> adjustments) {
            return new EntryView(e.id(), e.payrollPeriodId(), e.userId(), Money.text(e.regularHours()), Money.text(e.overtimeHours()),
                    e.notes(), Money.text(e.regularRate()), Money.text(e.overtimeRate()), Money.text(e.grossAmount()),
                    Money.text(e.adjustmentsAmount()), Money.text(e.netAmount()), e.status(), e.createdAt(), e.updatedAt(),
                    e.userName(), e.userEmail(), e.rateType(), e.payRateId(),
                    lines == null ? null : lines.stream().map(LineView::of).toList(),
                    adjustments == null ? null : adjustments.stream().map(AdjustmentView::of).toList());
        }
    }
}
