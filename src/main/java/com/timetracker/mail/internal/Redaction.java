package com.timetracker.mail.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces every secret in a text meant for a log or an error column with {@code [redacted]}. */
final class Redaction {

    static final String MARK = "[redacted]";

    private final List<String> secrets;

    Redaction(Collection<String> secrets) {
        // Longest first, so a secret that contains another is removed whole.
        this.secrets = secrets.stream().filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MARK);
        }
        return result;
    }
}
