package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in cents: scale 2, HALF_UP — applied only where docs/payroll.md says so. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final BigDecimal LARGEST = new BigDecimal("9999999999.99");

    private Money() {
    }

    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** Entry amounts are numeric(12,2): anything larger is refused (422) rather than failing in the database. */
    static BigDecimal storable(BigDecimal amount) {
        if (amount.abs().compareTo(LARGEST) > 0) {
            throw com.timetracker.platform.ApiException.invalid("The amount " + amount.toPlainString() + " is larger than payroll can store ("
                    + LARGEST.toPlainString() + ")");
        }
        return amount;
    }

    /** V1 serialised decimals as strings ("1234.50"). */
    static String text(BigDecimal amount) {
        return amount == null ? null : cents(amount).toPlainString();
    }
}
