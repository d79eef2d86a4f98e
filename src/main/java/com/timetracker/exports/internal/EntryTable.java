package com.timetracker.exports.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The columns of each time-entry export (V1's, reference §6.6), with dates and times in the export's zone. */
enum EntryTable {

    /** {@code /api/export/csv} and {@code /excel}: duration as {@code HH:MM:SS}. */
    ENTRIES(new int[] {12, 12, 12, 12, 20, 20, 30}, "Date", "Start Time", "End Time", "Duration", "Project", "Task", "Description") {
        @Override
        List<Object> row(ExportedEntry e, ZoneId zone, Instant now) {
            return Arrays.asList(date(e.startTime(), zone), time(e.startTime(), zone), end(e, zone),
                    ExportedEntry.clock(e.seconds(now)), project(e), task(e), e.description());
        }

        @Override
        List<Object> totals(long seconds) {
            return Arrays.asList(null, null, TOTAL, ExportedEntry.clock(seconds), null, null, null);
        }
    },

    /** {@code /api/export/pdf}: no description, project and task cut to 15 characters. */
    PDF(new int[] {11, 9, 9, 10, 20, 20}, "Date", "Start", "End", "Duration", "Project", "Task") {
        @Override
        List<Object> row(ExportedEntry e, ZoneId zone, Instant now) {
            return Arrays.asList(date(e.startTime(), zone), time(e.startTime(), zone), end(e, zone),
                    ExportedEntry.clock(e.seconds(now)), cut(project(e)), cut(task(e)));
        }

        @Override
        List<Object> totals(long seconds) {
            return Arrays.asList(null, null, TOTAL, ExportedEntry.clock(seconds), null, null);
        }
    },

    /** {@code /api/reports/export}: duration in decimal hours, a number. */
    REPORT(new int[] {12, 12, 12, 16, 20, 20, 30}, "Date", "Start Time", "End Time", "Duration (hours)", "Project", "Task", "Description") {
        @Override
        List<Object> row(ExportedEntry e, ZoneId zone, Instant now) {
            return Arrays.asList(date(e.startTime(), zone), time(e.startTime(), zone), end(e, zone),
                    ExportedEntry.hours(e.seconds(now)), project(e), task(e), e.description());
        }

        @Override
        List<Object> totals(long seconds) {
            return Arrays.asList(null, null, TOTAL, ExportedEntry.hours(seconds), null, null, null);
        }
    };

    static final String TOTAL = "Total:";
    static final String RUNNING = "Running";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int CUT = 15;

    private final int[] widths;
    private final List<String> header;

    EntryTable(int[] widths, String... header) {
        this.widths = widths;
        this.header = List.of(header);
    }

    int[] widths() {
        return widths.clone();
    }

    List<String> header() {
        return header;
    }

    abstract List<Object> row(ExportedEntry entry, ZoneId zone, Instant now);

    /** The totals row: V1's "Total:" label beside the duration column. */
    abstract List<Object> totals(long seconds);

    static String date(Instant instant, ZoneId zone) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDate().toString();
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(ZonedDateTime.ofInstant(instant, zone));
    }

    private static String end(ExportedEntry e, ZoneId zone) {
        return e.endTime() == null ? RUNNING : time(e.endTime(), zone);
    }

    private static String project(ExportedEntry e) {
        return e.project() == null ? "No Project" : e.project();
    }

    private static String task(ExportedEntry e) {
        return e.task() == null ? "No Task" : e.task();
    }

    private static String cut(String text) {
        return text.length() > CUT ? text.substring(0, CUT) + "..." : text;
    }
}
