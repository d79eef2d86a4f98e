package com.timetracker.exports.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/** How a cell value becomes text, and the guard against spreadsheet formula injection. */
final class Cells {

    private Cells() {
    }

    /**
     * Text a spreadsheet would run as a formula (or treat as a signed number or command), made inert by a
     * leading apostrophe, as OWASP recommends: first character {@code = + - @}, their full-width forms,
     * a tab or a carriage return.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + text;
            default -> text;
        };
    }

    /** A number that is really written as a number: finite, of a numeric type. */
    static boolean isNumber(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Number;
    }

    /** A number in plain notation, never with an exponent: {@code -12.50}, {@code 3}, {@code 0.1}. */
    static String plain(Number value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** The text of a non-number cell, neutralised; empty for null. */
    static String text(Object value) {
        return value == null ? "" : neutralised(value.toString());
    }

    /** What a cell shows: numbers plainly, everything else as {@link #text}. */
    static String display(Object value) {
        return isNumber(value) ? plain((Number) value) : text(value);
    }

    /** What a cell shows where no spreadsheet reads it (PDF): the value as it is. */
    static String raw(Object value) {
        return value == null ? "" : isNumber(value) ? plain((Number) value) : value.toString();
    }
}
