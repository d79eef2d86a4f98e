package com.timetracker.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * V1's password policy (reference §4.2), applied everywhere a password is set: 12–128 characters,
 * upper and lower case, a digit, a special character, not a common password, no run of four
 * ascending or descending letters or digits, no character three times in a row.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String SPECIAL = "!@#$%^&*(),.?\":{}|<>-_=+[]\\;'`~";

    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {
    }

    /** Every rule the password breaks, as messages for a person; empty when it is acceptable. */
    public static List<String> unmetRequirements(String password) {
        List<String> unmet = new ArrayList<>();
        String value = password == null ? "" : password;
        if (value.length() < MIN_LENGTH) {
            unmet.add("Password must be at least " + MIN_LENGTH + " characters long");
        }
        if (value.length() > MAX_LENGTH) {
            unmet.add("Password must be at most " + MAX_LENGTH + " characters long");
        }
        if (value.chars().noneMatch(Character::isUpperCase)) {
            unmet.add("Password must contain at least one uppercase letter");
        }
        if (value.chars().noneMatch(Character::isLowerCase)) {
            unmet.add("Password must contain at least one lowercase letter");
        }
        if (value.chars().noneMatch(Character::isDigit)) {
            unmet.add("Password must contain at least one digit");
        }
        if (value.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0)) {
            unmet.add("Password must contain at least one special character (" + SPECIAL + ")");
        }
        if (COMMON.contains(value.toLowerCase(Locale.ROOT))) {
            unmet.add("Password is too common");
        }
        if (hasSequence(value.toLowerCase(Locale.ROOT))) {
            unmet.add("Password must not contain 4 or more sequential letters or digits (like 'abcd' or '4321')");
        }
        if (hasRepeat(value)) {
            unmet.add("Password must not contain the same character 3 or more times in a row");
        }
        return unmet;
    }

    private static boolean hasSequence(String value) {
        for (int i = 0; i + 3 < value.length(); i++) {
            char a = value.charAt(i);
            if (!Character.isLetterOrDigit(a)) {
                continue;
            }
            for (int step : new int[] {1, -1}) {
                boolean run = true;
                for (int k = 1; k <= 3 && run; k++) {
                    char c = value.charAt(i + k);
                    run = c == a + step * k && Character.isDigit(c) == Character.isDigit(a) && Character.isLetterOrDigit(c);
                }
                if (run) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasRepeat(String value) {
        for (int i = 0; i + 2 < value.length(); i++) {
            if (value.charAt(i) == value.charAt(i + 1) && value.charAt(i) == value.charAt(i + 2)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> loadCommonPasswords() {
        var stream = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
