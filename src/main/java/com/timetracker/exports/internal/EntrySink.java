package com.timetracker.exports.internal;

import java.io.IOException;

/** Receives an export's entries as they are read from the database, in one read-only transaction. */
interface EntrySink {

    /** Before the first entry: how many will come. Headers are still open to change here. */
    void begin(long total) throws IOException;

    void entry(ExportedEntry entry) throws IOException;

    void end() throws IOException;

    /** The export failed half-way: release what is held, leave the file incomplete. */
    void abort();
}
