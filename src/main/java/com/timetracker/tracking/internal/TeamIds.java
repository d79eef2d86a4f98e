package com.timetracker.tracking.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Team ids as one text parameter, read in SQL as {@code CAST(string_to_array(:teams, ',') AS bigint[])}:
 * a collection parameter would be expanded into an IN list, not bound as an array. Null means "no filter".
 */
final class TeamIds {

    private TeamIds() {
    }

    static String asText(Collection<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
