package com.timetracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.timetracker.support.TestPostgres;
import com.timetracker.support.V1Database;

/**
 * deploy/backup.sh and deploy/restore.sh against a real PostgreSQL (the embedded server of the
 * tests) with V1's sample data: back up, restore into an empty database, every table identical.
 * Needs Debian's PostgreSQL client (pg_dump, pg_restore, psql) on the PATH.
 */
class BackupRestoreTest {

    @TempDir
    Path backups;

    @BeforeAll
    static void clientToolsExist() throws Exception {
        for (String tool : List.of("pg_dump", "pg_restore", "psql")) {
            Result version = run(Map.of(), tool, "--version");
            assertThat(version.exit).as(tool + " --version: " + version.output).isZero();
        }
    }

    @Test
    void backupThenRestoreIntoAnEmptyDatabaseGivesIdenticalTables() throws Exception {
        String source = V1Database.create();
        Map<String, String> before = V1Database.fingerprint(source);
        assertThat(before).hasSize(13).allSatisfy((table, print) -> assertThat(print).doesNotStartWith("0:"));

        // V1's own URL form (postgresql+asyncpg://), as its .env had it
        Result backup = run(Map.of("DATABASE_URL", TestPostgres.v1DatabaseUrl(source)),
                "bash", "deploy/backup.sh", "--dir", backups.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        Path dump = Path.of(backup.lastLine());
        assertThat(dump.getParent()).isEqualTo(backups);
        assertThat(dump.getFileName().toString()).matches("timetracker_" + source + "_\\d{8}T\\d{6}Z\\.dump");
        assertThat(Files.readAllBytes(dump)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII)); // custom format
        try (var listing = Files.list(backups)) {
            assertThat(listing.toList()).containsExactly(dump); // no *.partial left behind
        }

        // DB_* variables, as V1's seed .env had them
        String target = TestPostgres.createDatabase("restored");
        Result restore = run(dbVariables(target), "bash", "deploy/restore.sh", dump.toString());
        assertThat(restore.exit).as(restore.output).isZero();
        assertThat(V1Database.fingerprint(target)).isEqualTo(before);
    }

    @Test
    void restoreRefusesADatabaseWithTablesUnlessForced() throws Exception {
        String source = V1Database.create();
        Map<String, String> before = V1Database.fingerprint(source);
        Result backup = run(Map.of("DATABASE_URL", TestPostgres.jdbcUrl(source)),
                "bash", "deploy/backup.sh", "--dir", backups.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        String dump = backup.lastLine();

        String target = V1Database.create();
        TestPostgres.execute(target, "DELETE FROM audit_logs");
        Result refused = run(dbVariables(target), "bash", "deploy/restore.sh", dump);
        assertThat(refused.exit).as(refused.output).isEqualTo(3);
        assertThat(refused.output).contains("refusing", "not empty", "--force");
        assertThat(V1Database.fingerprint(target).get("audit_logs")).startsWith("0:"); // untouched

        Result forced = run(dbVariables(target), "bash", "deploy/restore.sh", "--force", dump);
        assertThat(forced.exit).as(forced.output).isZero();
        assertThat(V1Database.fingerprint(target)).isEqualTo(before);
    }

    @Test
    void restoreRefusesAFileThatIsNotADumpWithoutTouchingTheDatabase() throws Exception {
        Path notADump = Files.writeString(backups.resolve("timetracker_x.dump"), "not a dump");
        String target = TestPostgres.createDatabase("untouched");
        Result result = run(dbVariables(target), "bash", "deploy/restore.sh", notADump.toString());
        assertThat(result.exit).as(result.output).isEqualTo(2);
        assertThat(result.output).contains("not a pg_dump custom-format archive");
    }

    @Test
    void backupDeletesDumpsOlderThanTheRetentionAndKeepsTheRest() throws Exception {
        String source = TestPostgres.createDatabase("retention");
        TestPostgres.execute(source, "CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
        Path old = touch("timetracker_retention_20200101T000000Z.dump", Duration.ofDays(15));
        Path recent = touch("timetracker_retention_20200102T000000Z.dump", Duration.ofDays(13));
        Path other = touch("notes.txt", Duration.ofDays(400));

        Result backup = run(Map.of("DATABASE_URL", TestPostgres.jdbcUrl(source), "BACKUP_DIR", backups.toString()),
                "bash", "deploy/backup.sh"); // default retention: 14 days
        assertThat(backup.exit).as(backup.output).isZero();
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists(); // only the script's own dumps are ever deleted
        assertThat(Path.of(backup.lastLine())).exists();

        Result shorter = run(Map.of("DATABASE_URL", TestPostgres.jdbcUrl(source)),
                "bash", "deploy/backup.sh", "--dir", backups.toString(), "--keep-days", "1");
        assertThat(shorter.exit).as(shorter.output).isZero();
        assertThat(recent).doesNotExist();
        assertThat(Path.of(backup.lastLine())).exists();
    }

    @Test
    void scriptsRefuseToGuessWhenNoDatabaseIsConfigured() throws Exception {
        Result backup = run(Map.of(), "bash", "deploy/backup.sh", "--dir", backups.toString());
        assertThat(backup.exit).isEqualTo(2);
        assertThat(backup.output).contains("no database configured", "DATABASE_URL", "DB_HOST");
        Result badUrl = run(Map.of("DATABASE_URL", "mysql://u:p@h/db"), "bash", "deploy/backup.sh", "--dir", backups.toString());
        assertThat(badUrl.exit).isEqualTo(2);
        assertThat(badUrl.output).contains("not a PostgreSQL URL");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Path touch(String name, Duration age) throws IOException {
        Path file = Files.writeString(backups.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static Map<String, String> dbVariables(String database) {
        return Map.of("DB_HOST", "localhost", "DB_PORT", String.valueOf(TestPostgres.port()),
                "DB_NAME", database, "DB_USER", "postgres", "DB_PASSWORD", "");
    }

    private record Result(int exit, String output) {
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.get(lines.size() - 1).strip();
        }
    }

    /** Runs a command from the repository root with only PATH/HOME/LANG and the given variables. */
    private static Result run(Map<String, String> variables, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PG") || key.startsWith("DB_") || key.equals("DATABASE_URL")
                || key.startsWith("BACKUP_"));
        env.putAll(variables);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
