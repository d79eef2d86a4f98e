package com.timetracker.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.timetracker.exports.TableWriter;

/** The order every format enforces: widths?, header, rows, totals?, close. */
abstract class StreamingTableWriter implements TableWriter {

    private enum State { NEW, HEADED, TOTALLED, CLOSED }

    private State state = State.NEW;
    private int columns;
    private long rows;
    protected int[] widths;

    @Override
    public final TableWriter widths(int... characters) {
        require(State.NEW, "widths come before the header");
        this.widths = characters.clone();
        return this;
    }

    @Override
    public final TableWriter header(List<String> names) {
        require(State.NEW, "the header comes once, first");
        columns = names.size();
        io(() -> writeHeader(names));
        state = State.HEADED;
        return this;
    }

    @Override
    public final TableWriter row(List<?> values) {
        require(State.HEADED, "rows come after the header and before the totals");
        checkWidth(values);
        io(() -> writeRow(values));
        rows++;
        return this;
    }

    @Override
    public final TableWriter totals(List<?> values) {
        require(State.HEADED, "the totals row comes once, after the rows");
        checkWidth(values);
        io(() -> writeTotals(values));
        state = State.TOTALLED;
        return this;
    }

    @Override
    public final long rowCount() {
        return rows;
    }

    @Override
    public final void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        boolean complete = state != State.NEW;
        state = State.CLOSED;
        finish(complete);
    }

    protected final int columns() {
        return columns;
    }

    protected abstract void writeHeader(List<String> names) throws IOException;

    protected abstract void writeRow(List<?> values) throws IOException;

    protected abstract void writeTotals(List<?> values) throws IOException;

    /** Completes the file and releases resources; {@code headed} is false when nothing was written. */
    protected abstract void finish(boolean headed) throws IOException;

    private void checkWidth(List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.size());
        }
    }

    private void require(State expected, String rule) {
        if (state != expected) {
            throw new IllegalStateException("Table written out of order: " + rule);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
