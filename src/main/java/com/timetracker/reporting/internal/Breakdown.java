package com.timetracker.reporting.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Time in a range, clipped to it, totalled and split by the dimensions asked for. An entry counts
 * in a group when some of its time falls there (or it starts there); seconds are summed from the
 * clipped pieces, hours derived from the sums.
 */
record Breakdown(long totalSeconds, long totalEntries, List<Day> byDay, List<Group> byProject, List<Group> byUser, List<TaskGroup> byTask) {

    enum Dimension { PROJECT, USER, TASK, DAY }

    /** Every day of the range, in order, days without time included. */
    record Day(LocalDate date, long seconds, long entries) {
    }

    /** Sorted by seconds, most first. */
    record Group(long id, String name, long seconds, long entries) {
    }

    record TaskGroup(long id, String name, String projectName, String status, long seconds, long entries) {
    }
}
