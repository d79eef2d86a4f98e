package com.timetracker.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What makes a {@code SECRET_KEY} fit for signing tokens in production. */
public final class SecretKeyRule {

    public static final int MIN_LENGTH = 32;

    /** What to do about any {@link #problem}. */
    public static final String FIX = "Set SECRET_KEY to a random value of at least " + MIN_LENGTH + " characters, e.g. the output of: openssl rand -base64 48";

    /** Fragments of the placeholders that sample files and tutorials ship. */
    private static final List<String> PLACEHOLDER_FRAGMENTS = List.of(
            "changeme", "change-me", "change_me", "changethis", "your-secret", "your_secret", "yoursecret",
            "secret-key", "secret_key", "secretkey", "placeholder", "example", "replace", "insecure",
            "development", "default", "password", "xxxxxxxx", "12345678");

    private SecretKeyRule() {
    }

    /** Why the key is not acceptable, or empty when it is. */
    public static Optional<String> problem(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of("SECRET_KEY is not set");
        }
        if (key.length() < MIN_LENGTH) {
            return Optional.of("SECRET_KEY is " + key.length() + " characters long; at least " + MIN_LENGTH + " are required");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String fragment : PLACEHOLDER_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return Optional.of("SECRET_KEY looks like a placeholder (it contains '" + fragment + "')");
            }
        }
        if (key.chars().distinct().count() < 10) {
            return Optional.of("SECRET_KEY uses fewer than 10 distinct characters");
        }
        return Optional.empty();
    }
}
