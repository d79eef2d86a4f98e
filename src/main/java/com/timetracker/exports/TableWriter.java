package com.timetracker.exports;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one table to a file as it goes: a header, any number of rows, an optional totals row. Rows
 * are not kept: CSV goes straight to the stream, XLSX keeps a small window of rows in memory and the
 * rest in a compressed temporary file, PDF is written page by page.
 *
 * <p>Cell values: {@code null} is an empty cell; a {@link Number} is a number (a numeric cell in
 * XLSX, written plainly in CSV, negative numbers included); anything else is text ({@code toString()}).
 * Text that a spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) gets a leading {@code '} in CSV and XLSX, so pass real numbers as numbers.
 *
 * <p>Call {@link #header} first, then {@link #row} and at most one {@link #totals}, then {@link #close},
 * which finishes the file but leaves the underlying stream open.
 */
public interface TableWriter extends AutoCloseable {

    /**
     * Optional, before {@link #header}: relative column widths, in characters. XLSX uses them as
     * column widths, PDF as proportions; without them XLSX sizes columns to their longest text (at
     * most 50 characters) and PDF gives every column the same width.
     */
    TableWriter widths(int... characters);

    TableWriter header(List<String> columns);

    default TableWriter header(String... columns) {
        return header(Arrays.asList(columns));
    }

    TableWriter row(List<?> values);

    default TableWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** The last row, set apart (bold in XLSX and PDF); in CSV a plain last line. */
    TableWriter totals(List<?> values);

    default TableWriter totals(Object... values) {
        return totals(Arrays.asList(values));
    }

    /** Rows written so far, header and totals not counted. */
    long rowCount();

    /** Finishes the file (XLSX and PDF are only complete after this); does not close the stream. */
    @Override
    void close() throws IOException;

    /**
     * Gives up on a file that failed half-way (the data source broke, the client left): releases the
     * temporary file and memory without completing the file, so a partial table never looks whole.
     * A later {@link #close()} does nothing. {@link #write} calls it for you; never write with
     * try-with-resources, whose {@code close()} runs before the {@code catch} and would complete the file.
     */
    void abort();

    /** What fills a table: header, rows and totals. */
    @FunctionalInterface
    interface Content {
        void writeTo(TableWriter table) throws IOException;
    }

    /**
     * Writes {@code content} and finishes the file, or — if it fails part-way — {@linkplain #abort()
     * abandons} it and rethrows, so a partial table never looks whole. The safe way to use a writer.
     */
    default void write(Content content) throws IOException {
        try {
            content.writeTo(this);
        } catch (IOException | RuntimeException | Error failure) {
            abort();
            throw failure;
        }
        close();
    }
}
