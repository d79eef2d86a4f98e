package com.timetracker.exports.internal;

import java.time.LocalDate;

import com.timetracker.exports.DateRange;
import com.timetracker.exports.DateRanges;
import com.timetracker.exports.ExportFormat;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's {@code GET /api/reports/export}: the caller's own entries (any role), oldest first, as JSON (V1's
 * shape) or a CSV with the duration in decimal hours; V2 adds XLSX and PDF. Both dates are required.
 */
@RestController
class ReportExportController {

    private final EntryExports entries;
    private final EntryDownloads downloads;
    private final DateRanges ranges;

    ReportExportController(EntryExports entries, EntryDownloads downloads, DateRanges ranges) {
        this.entries = entries;
        this.downloads = downloads;
        this.ranges = ranges;
    }

    @GetMapping("/api/reports/export")
    void export(@AuthenticationPrincipal AuthenticatedUser me,
                @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                @RequestParam(name = "project_id", required = false) Long projectId,
                @RequestParam(required = false, defaultValue = "json") String format,
                @RequestParam(required = false) String tz,
                @RequestParam(name = "progress_id", required = false) String progressId,
                HttpServletResponse response) {
        DateRange range = ranges.required(startDate, endDate, tz, me);
        boolean json = format.strip().equalsIgnoreCase("json");
        ExportFormat file = json ? null : fileFormat(format);
        EntryScope scope = entries.own(me, projectId);
        if (json) {
            downloads.json(me, scope, range, EntryExports.Order.OLDEST_FIRST, progressId, response);
        } else {
            downloads.table(me, scope, range, file, EntryTable.REPORT, "time_entries", EntryExports.Order.OLDEST_FIRST, progressId, response);
        }
    }

    private static ExportFormat fileFormat(String format) {
        try {
            return ExportFormat.parse(format);
        } catch (ApiException e) {
            throw ApiException.invalid("format: must be one of json, csv, xlsx, pdf, got '" + format + "'");
        }
    }
}
