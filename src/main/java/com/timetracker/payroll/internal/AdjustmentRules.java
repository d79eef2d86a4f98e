package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.util.List;

import com.timetracker.platform.ApiException;

/**
 * Adjustment types and their signs (docs/payroll.md "Adjustments"): amounts are signed and added to
 * the gross. V1 let a deduction be entered as a positive amount, which then raised the pay; here a
 * deduction or tax must be negative and a bonus or reimbursement positive ("other" takes either sign).
 */
final class AdjustmentRules {

    static final List<String> TYPES = List.of("bonus", "deduction", "reimbursement", "tax", "other");

    private AdjustmentRules() {
    }

    static void check(String type, BigDecimal amount) {
        if (!TYPES.contains(type)) {
            throw ApiException.invalid("adjustment_type: must be one of " + TYPES);
        }
        if (amount.signum() == 0) {
            throw ApiException.invalid("amount: must not be 0");
        }
        boolean negative = type.equals("deduction") || type.equals("tax");
        boolean positive = type.equals("bonus") || type.equals("reimbursement");
        if (negative && amount.signum() > 0) {
            throw ApiException.invalid("amount: a " + type + " is entered as a negative amount");
        }
        if (positive && amount.signum() < 0) {
            throw ApiException.invalid("amount: a " + type + " is entered as a positive amount");
        }
    }
}
