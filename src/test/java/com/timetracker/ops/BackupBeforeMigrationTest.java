package com.timetracker.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.timetracker.support.Refusal;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.V1Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden rule 7: in production the app takes a pg_dump before migrations change a database that
 * holds data, and refuses to migrate when it cannot (real PostgreSQL, Debian's pg_dump on the PATH).
 */
class BackupBeforeMigrationTest {

    private static final String SECRET = "SECRET_KEY=Qm9Kx7pL2vR8wT4yN6zB3cF5hJ1dG0sA9eU7iO2kM4nP8qW";

    @TempDir
    Path backups;

    @Test
    void productionBacksUpAV1DatabaseBeforeAdoptingItAndNotAgainWhenNothingIsPending() throws Exception {
        String database = V1Database.create();
        Map<String, String> before = V1Database.fingerprint(database);

        try (ConfigurableApplicationContext ignored = start(database)) {
            List<Path> dumps = dumps();
            assertThat(dumps).hasSize(1);
            assertThat(dumps.get(0).getFileName().toString()).matches("timetracker_" + database + "_\\d{8}T\\d{6}Z_before_migration\\.dump");
            // the dump is V1's database as it was: custom format, V1's tables, no V2 history yet
            String contents = run("pg_restore", "--list", dumps.get(0).toString());
            assertThat(contents).contains("TABLE public users", "TABLE public alembic_version", "TABLE DATA public time_entries")
                    .doesNotContain("flyway_schema_history");
            assertThat(Files.list(backups).filter(p -> p.toString().endsWith(".partial"))).isEmpty();
        }

        // restoring the dump gives V1's rows back exactly
        String restored = TestPostgres.createDatabase("restored");
        run("pg_restore", "--no-owner", "--dbname=" + TestPostgres.jdbcUrl(restored).replace("jdbc:", ""), dumps().get(0).toString());
        assertThat(V1Database.fingerprint(restored)).isEqualTo(before);

        try (ConfigurableApplicationContext ignored = start(database)) {
            assertThat(dumps()).as("nothing pending: no second backup").hasSize(1);
        }
    }

    @Test
    void aMissingPgDumpRefusesToMigrateAndLeavesTheDatabaseUntouched() {
        String database = V1Database.create();

        assertThat(Refusal.of(() -> start(database, "BACKUP_PG_DUMP=" + backups.resolve("no-such-pg_dump"))))
                .hasMessageContaining("Refusing to migrate the database without a backup")
                .hasMessageContaining("no-such-pg_dump")
                .satisfies(e -> assertThat(e.fix()).contains("BACKUP_BEFORE_MIGRATE=false").contains("Nothing was migrated"));
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
        assertThat(dumps()).isEmpty();
    }

    @Test
    void aFailingPgDumpRefusesToMigrateAndLeavesNoPartialFile() throws IOException {
        String database = V1Database.create();
        Path failing = backups.resolve("pg_dump-that-fails.sh");
        Files.writeString(failing, "#!/bin/sh\necho 'pg_dump: error: server version mismatch' >&2\nexit 1\n");
        failing.toFile().setExecutable(true);

        assertThat(Refusal.of(() -> start(database, "BACKUP_PG_DUMP=" + failing)))
                .hasMessageContaining("pg_dump failed (exit 1): pg_dump: error: server version mismatch");
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
        assertThat(dumps()).isEmpty();
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pg_dump-that-fails.sh");
        }
    }

    @Test
    void turnedOffItMigratesWithoutABackup() {
        String database = V1Database.create();

        try (ConfigurableApplicationContext ignored = start(database, "BACKUP_BEFORE_MIGRATE=false", "BACKUP_PG_DUMP=" + backups.resolve("no-such-pg_dump"))) {
            assertThat(tableExists(database, "flyway_schema_history")).isTrue();
            assertThat(dumps()).isEmpty();
        }
    }

    @Test
    void anEmptyDatabaseHasNothingToBackUp() {
        String database = TestPostgres.createDatabase("fresh");

        try (ConfigurableApplicationContext ignored = start(database)) {
            assertThat(tableExists(database, "flyway_schema_history")).isTrue();
            assertThat(dumps()).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(String database, String... extra) {
        List<String> settings = new java.util.ArrayList<>(List.of("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database),
                "ENVIRONMENT=production", SECRET, "BACKUP_DIR=" + backups));
        settings.addAll(List.of(extra));
        return TestApp.start(settings.toArray(String[]::new));
    }

    private List<Path> dumps() {
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(p -> p.toString().endsWith(".dump")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean tableExists(String database, String table) {
        try (Connection c = TestPostgres.connect(database);
             var rows = c.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
