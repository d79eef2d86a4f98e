package com.timetracker.exports.internal;

import java.time.LocalDate;
import java.util.Map;

import com.timetracker.exports.DateRange;
import com.timetracker.exports.DateRanges;
import com.timetracker.exports.ExportFormat;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's {@code /api/export/csv|excel|pdf}: time entries in the caller's scope (see {@link EntryExports#scope}),
 * newest first, streamed; plus the progress of a download.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

    private final EntryExports entries;
    private final EntryDownloads downloads;
    private final DateRanges ranges;
    private final ExportProgress progress;

    ExportController(EntryExports entries, EntryDownloads downloads, DateRanges ranges, ExportProgress progress) {
        this.entries = entries;
        this.downloads = downloads;
        this.ranges = ranges;
        this.progress = progress;
    }

    @GetMapping("/{kind:csv|excel|pdf}")
    void download(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String kind,
                  @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                  @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                  @RequestParam(name = "project_id", required = false) Long projectId,
                  @RequestParam(name = "user_id", required = false) Long userId,
                  @RequestParam(required = false) String tz,
                  @RequestParam(name = "progress_id", required = false) String progressId,
                  HttpServletResponse response) {
        ExportFormat format = ExportFormat.parse(kind);
        DateRange range = ranges.orThisMonth(startDate, endDate, tz, me);
        EntryScope scope = entries.scope(me, userId, projectId);
        String fileName = format == ExportFormat.PDF ? "time_report" : "time_entries";
        EntryTable table = format == ExportFormat.PDF ? EntryTable.PDF : EntryTable.ENTRIES;
        downloads.table(me, scope, range, format, table, fileName, EntryExports.Order.NEWEST_FIRST, progressId, response);
    }

    @GetMapping("/progress/{progressId}")
    Map<String, Object> progress(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String progressId) {
        return progress.of(me.id(), progressId).orElseThrow(() -> ApiException.notFound("No export with this progress_id"));
    }
}
