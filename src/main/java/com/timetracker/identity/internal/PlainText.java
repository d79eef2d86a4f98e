package com.timetracker.identity.internal;

import java.util.regex.Pattern;

/**
 * Text typed by a visitor, cleaned of control characters before it is stored (as V1 did): they
 * garble the admin screens and emails it is shown in, and PostgreSQL refuses NUL outright.
 */
final class PlainText {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]+");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROLS_BUT_NEWLINE_AND_TAB = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private PlainText() {
    }

    /** One line: breaks become a space (so words stay apart), other controls go; trimmed; null stays null. */
    static String line(String text) {
        if (text == null) {
            return null;
        }
        return CONTROLS.matcher(LINE_BREAKS.matcher(text).replaceAll(" ")).replaceAll("").strip();
    }

    /** Several lines (a message, notes): newlines and tabs stay, other controls go; trimmed. */
    static String paragraphs(String text) {
        if (text == null) {
            return null;
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROLS_BUT_NEWLINE_AND_TAB.matcher(unified).replaceAll("").strip();
    }

    /** An optional field left empty is absent. */
    static String orNull(String cleaned) {
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
