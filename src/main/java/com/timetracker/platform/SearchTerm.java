package com.timetracker.platform;

/**
 * A user's search text as an {@code ILIKE ... ESCAPE '\'} pattern: {@code %} and {@code _} match
 * themselves (V1 let them act as wildcards, reference §9.2).
 */
public final class SearchTerm {

    private SearchTerm() {
    }

    /** {@code %term%} with the term stripped and escaped; null for an absent or blank term (no filter). */
    public static String containsPattern(String term) {
        if (term == null || term.isBlank()) {
            return null;
        }
        return "%" + term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
