package com.timetracker.exports.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/** The columns of each time-entry export (V1's, reference §6.6), with dates and times in the export's zone. */
enum EntryTable {

    /** {@code /api/export/csv} and {@code /excel}: duration as {@code HH:MM:SS}. */
    ENTRIES(false, ExportedEntry::clock, new int[] {12, 12, 12, 12, 20, 20, 30},
            "Date", "Start Time", "End Time", "Duration", "Project", "Task", "Description"),

    /** {@code /api/export/pdf}: no description, project and task cut to 15 characters. */
    PDF(true, ExportedEntry::clock, new int[] {11, 9, 9, 10, 20, 20}, "Date", "Start", "End", "Duration", "Project", "Task"),

    /** {@code /api/reports/export}: duration in decimal hours, a number. */
    REPORT(false, ExportedEntry::hours, new int[] {12, 12, 12, 16, 20, 20, 30},
            "Date", "Start Time", "End Time", "Duration (hours)", "Project", "Task", "Description");

    static final String TOTAL = "Total:";
    static final String RUNNING = "Running";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int CUT = 15;

    private final boolean shortNames;
    private final LongFunction<Object> duration;
    private final int[] widths;
    private final List<String> header;

    EntryTable(boolean shortNames, LongFunction<Object> duration, int[] widths, String... header) {
        this.shortNames = shortNames;
        this.duration = duration;
        this.widths = widths;
        this.header = List.of(header);
    }

    int[] widths() {
        return widths.clone();
    }

    List<String> header() {
        return header;
    }

    List<Object> row(ExportedEntry e, ZoneId zone, Instant now) {
        Object[] cells = new Object[header.size()];
        cells[0] = date(e.startTime(), zone);
        cells[1] = time(e.startTime(), zone);
        cells[2] = e.endTime() == null ? RUNNING : time(e.endTime(), zone);
        cells[3] = duration.apply(e.seconds(now));
        cells[4] = name(e.project(), "No Project");
        cells[5] = name(e.task(), "No Task");
        if (cells.length > 6) {
            cells[6] = e.description();
        }
        return Arrays.asList(cells);
    }

    /** The totals row: V1's "Total:" label beside the duration column. */
    List<Object> totals(long seconds) {
        Object[] cells = new Object[header.size()];
        cells[2] = TOTAL;
        cells[3] = duration.apply(seconds);
        return Arrays.asList(cells);
    }

    static String date(Instant instant, ZoneId zone) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDate().toString();
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(ZonedDateTime.ofInstant(instant, zone));
    }

    private String name(String name, String missing) {
        String shown = name == null ? missing : name;
        return shortNames && shown.length() > CUT ? shown.substring(0, CUT) + "..." : shown;
    }
}
