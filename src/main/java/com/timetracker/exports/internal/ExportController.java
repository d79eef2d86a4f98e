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
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @GetMapping("/csv")
    void csv(@AuthenticationPrincipal AuthenticatedUser me, Query query, HttpServletResponse response) {
        download(me, query, ExportFormat.CSV, "time_entries", response);
    }

    @GetMapping("/excel")
    void excel(@AuthenticationPrincipal AuthenticatedUser me, Query query, HttpServletResponse response) {
        download(me, query, ExportFormat.XLSX, "time_entries", response);
    }

    @GetMapping("/pdf")
    void pdf(@AuthenticationPrincipal AuthenticatedUser me, Query query, HttpServletResponse response) {
        download(me, query, ExportFormat.PDF, "time_report", response);
    }

    @GetMapping("/progress/{progressId}")
    Map<String, Object> progress(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String progressId) {
        return progress.of(me.id(), progressId).orElseThrow(() -> ApiException.notFound("No export with this progress_id"));
    }

    private void download(AuthenticatedUser me, Query q, ExportFormat format, String fileName, HttpServletResponse response) {
        DateRange range = ranges.orThisMonth(q.startDate(), q.endDate(), q.tz(), me);
        ExportProgress.checkId(q.progressId());
        EntryScope scope = entries.scope(me, q.userId(), q.projectId());
        downloads.table(me, scope, range, format, EntryTable.ENTRIES, fileName, EntryExports.Order.NEWEST_FIRST, q.progressId(), response);
    }

    /** The query parameters all three share (V1's names). */
    record Query(@BindParam("start_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                 @BindParam("end_date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                 @BindParam("project_id") Long projectId, @BindParam("user_id") Long userId, String tz,
                 @BindParam("progress_id") String progressId) {
    }
}
