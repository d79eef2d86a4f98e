package com.timetracker.exports;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import com.timetracker.exports.internal.CsvTableWriter;
import com.timetracker.exports.internal.PdfTableWriter;
import com.timetracker.exports.internal.XlsxTableWriter;

/** Opens a {@link TableWriter} for a format. */
public final class TableExports {

    private TableExports() {
    }

    /**
     * A writer of {@code format} onto {@code out}. {@code title} is the PDF heading and the XLSX sheet
     * name; {@code notes} are lines under the PDF heading (e.g. "Period: …"). CSV has neither: its
     * first line is the header, so the file imports cleanly.
     */
    public static TableWriter open(ExportFormat format, OutputStream out, String title, String... notes) {
        List<String> lines = Arrays.asList(notes);
        return switch (format) {
            case CSV -> new CsvTableWriter(out);
            case XLSX -> new XlsxTableWriter(out, title);
            case PDF -> new PdfTableWriter(out, title, lines);
        };
    }
}
