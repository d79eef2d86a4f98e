package com.timetracker.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 15 whose data directory lives under TIMETRACKER_DATA_DIR and survives restarts. */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        try {
            Files.createDirectories(directory);
            StaleProcess.clear(directory.resolve("postmaster.pid"), "postgres");
            this.postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // stopped by the application context, after the connection pool that uses it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    // the library tunes for throwaway test databases; this data must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
