package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in cents: scale 2, HALF_UP — applied only where docs/payroll.md says so. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** V1 serialised decimals as strings ("1234.50"). */
    static String text(BigDecimal amount) {
        return amount == null ? null : cents(amount).toPlainString();
    }
}
