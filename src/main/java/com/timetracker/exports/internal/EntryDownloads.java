package com.timetracker.exports.internal;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.timetracker.exports.DateRange;
import com.timetracker.exports.ExportFile;
import com.timetracker.exports.ExportFormat;
import com.timetracker.identity.AuthenticatedUser;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Streams an entry export into the response in the asked-for format, with progress when asked. */
@Component
class EntryDownloads {

    private static final Logger log = LoggerFactory.getLogger(EntryDownloads.class);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EntryExports entries;
    private final ExportProgress progress;
    private final JsonMapper json;
    private final Clock clock;

    EntryDownloads(EntryExports entries, ExportProgress progress, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.progress = progress;
        this.json = json;
        this.clock = clock;
    }

    /** A table file with {@code table}'s columns; the PDF is headed by the period, zone and time of generation. */
    void table(AuthenticatedUser me, EntryScope scope, DateRange range, ExportFormat format, EntryTable table,
               String fileName, EntryExports.Order order, String progressId, HttpServletResponse response) {
        Instant now = clock.instant();
        ExportFile file = ExportFile.of(fileName, range.first(), range.last(), format);
        EntrySink sink = new TableEntrySink(response, file, table, range, now,
                format == ExportFormat.PDF ? "Time Tracking Report" : "Time Entries",
                "Period: " + range.first() + " to " + range.last() + " (" + range.zone() + ")",
                "Generated: " + GENERATED.format(ZonedDateTime.ofInstant(now, range.zone())));
        run(me, scope, range, order, progressId, sink, response);
    }

    /** V1's JSON body of {@code /api/reports/export}. */
    void json(AuthenticatedUser me, EntryScope scope, DateRange range, EntryExports.Order order, String progressId, HttpServletResponse response) {
        run(me, scope, range, order, progressId, new JsonEntrySink(response, json, range, clock.instant()), response);
    }

    private void run(AuthenticatedUser me, EntryScope scope, DateRange range, EntryExports.Order order, String progressId,
                     EntrySink sink, HttpServletResponse response) {
        ExportProgress.checkId(progressId);
        EntrySink tracked = progress.tracked(me.id(), progressId, sink);
        try {
            entries.export(scope, range, order, tracked);
        } catch (RuntimeException e) {
            tracked.abort();
            if (e instanceof UncheckedIOException && response.isCommitted()) {
                // the client went away mid-download: nothing to answer, nothing to alarm anyone about
                log.info("Export download of user {} aborted: {}", me.id(), e.getMessage());
                return;
            }
            throw e;
        }
    }
}
