package com.timetracker.reporting.internal;

import java.time.LocalDate;
import java.util.List;

/** A generated report as a table, for the mail body and the CSV/XLSX attachment of a scheduled report. */
record ReportTable(String title, LocalDate first, LocalDate last, List<String> columns, List<List<Object>> rows, List<Object> totals) {

    String period() {
        return first.equals(last) ? first.toString() : first + " to " + last;
    }
}
