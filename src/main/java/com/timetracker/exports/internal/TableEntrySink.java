package com.timetracker.exports.internal;

import java.io.IOException;
import java.time.Instant;

import com.timetracker.exports.DateRange;
import com.timetracker.exports.ExportFile;
import com.timetracker.exports.TableExports;
import com.timetracker.exports.TableWriter;

import jakarta.servlet.http.HttpServletResponse;

/** Writes entries as a table file into the HTTP response, the totals row last. */
final class TableEntrySink implements EntrySink {

    static final String ROWS_HEADER = "X-Export-Rows";

    private final HttpServletResponse response;
    private final ExportFile file;
    private final EntryTable table;
    private final DateRange range;
    private final Instant now;
    private final String title;
    private final String[] notes;
    private TableWriter writer;
    private long seconds;

    TableEntrySink(HttpServletResponse response, ExportFile file, EntryTable table, DateRange range, Instant now, String title, String... notes) {
        this.response = response;
        this.file = file;
        this.table = table;
        this.range = range;
        this.now = now;
        this.title = title;
        this.notes = notes;
    }

    @Override
    public void begin(long total) throws IOException {
        file.applyTo(response);
        response.setHeader(ROWS_HEADER, String.valueOf(total));
        writer = TableExports.open(file.format(), response.getOutputStream(), title, notes);
        writer.widths(table.widths()).header(table.header());
    }

    @Override
    public void entry(ExportedEntry entry) {
        writer.row(table.row(entry, range.zone(), now));
        seconds += entry.seconds(now);
    }

    @Override
    public void end() throws IOException {
        writer.totals(table.totals(seconds));
        writer.close();
        response.flushBuffer();
    }

    @Override
    public void abort() {
        if (writer != null) {
            writer.abort();
        }
    }
}
