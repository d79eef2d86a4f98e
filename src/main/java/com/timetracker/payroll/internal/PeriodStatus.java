package com.timetracker.payroll.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.timetracker.platform.ApiException;

/**
 * The workflow of a payroll period (docs/payroll.md "Workflow"): draft → processing (processed at
 * least once, may be processed again) → approved → paid; void from anything not yet paid. Approved,
 * paid and void periods and their entries no longer change.
 */
final class PeriodStatus {

    static final String DRAFT = "draft";
    static final String PROCESSING = "processing";
    static final String APPROVED = "approved";
    static final String PAID = "paid";
    static final String VOID = "void";
    static final List<String> ALL = List.of(DRAFT, PROCESSING, APPROVED, PAID, VOID);

    /** The actions and the statuses each may start from. */
    private static final Map<String, Set<String>> FROM = Map.of(
            PROCESSING, Set.of(DRAFT, PROCESSING),
            APPROVED, Set.of(PROCESSING),
            PAID, Set.of(APPROVED),
            VOID, Set.of(DRAFT, PROCESSING, APPROVED));

    private PeriodStatus() {
    }

    static boolean editable(String status) {
        return DRAFT.equals(status) || PROCESSING.equals(status);
    }

    static boolean deletable(String status) {
        return editable(status) || VOID.equals(status);
    }

    /** 409 unless the period may move from {@code current} to {@code target}. */
    static void requireTransition(long periodId, String current, String target) {
        if (!FROM.get(target).contains(current)) {
            throw ApiException.conflict("Payroll period " + periodId + " is " + current + "; it cannot become " + target
                    + (APPROVED.equals(target) && DRAFT.equals(current) ? " before it has been processed" : "")
                    + " (allowed from: " + String.join(", ", FROM.get(target).stream().sorted().toList()) + ")");
        }
    }

    /** 409 unless the period's figures may still change. */
    static void requireEditable(long periodId, String status) {
        if (!editable(status)) {
            throw ApiException.conflict("Payroll period " + periodId + " is " + status + "; it and its entries can no longer change");
        }
    }
}
