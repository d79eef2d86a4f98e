package com.timetracker.exports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV in UTF-8 without BOM (as V1), CRLF line ends, written straight to the stream through a small buffer. */
public final class CsvTableWriter extends StreamingTableWriter {

    private final Writer out;

    public CsvTableWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
    }

    @Override
    protected void writeHeader(List<String> names) throws IOException {
        line(names);
    }

    @Override
    protected void writeRow(List<?> values) throws IOException {
        line(values);
    }

    @Override
    protected void writeTotals(List<?> values) throws IOException {
        line(values);
    }

    @Override
    protected void finish(boolean headed) throws IOException {
        out.flush();
    }

    private void line(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(Cells.display(values.get(i)));
        }
        out.write("\r\n");
    }

    private void field(String text) throws IOException {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
