package com.timetracker.ops.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.timetracker.platform.BeforeMigration;
import com.timetracker.platform.DatabaseUrl;
import com.timetracker.platform.MigrationPlan;
import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.UnsafeConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Golden rule 7 of V1's guide: back up before migrating. In production (BACKUP_BEFORE_MIGRATE) the
 * app runs pg_dump in custom format, as deploy/backup.sh does, before any migration changes a database
 * that holds data; when pg_dump is missing or fails it refuses to migrate (fail closed).
 */
@Component
class PgDumpBeforeMigration implements BeforeMigration {

    private static final Logger log = LoggerFactory.getLogger(PgDumpBeforeMigration.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JdbcConnectionDetails connection;
    private final BackupSettings settings;
    private final Clock clock;
    private final boolean production;

    PgDumpBeforeMigration(JdbcConnectionDetails connection, Environment env, PlatformSettings platform, Clock clock) {
        this.connection = connection;
        this.production = platform.production();
        this.settings = BackupSettings.from(env::getProperty, platform);
        this.clock = clock;
    }

    @Override
    public void beforeMigrating(MigrationPlan plan) {
        if (!settings.enabled()) {
            if (production) {
                log.warn("Migrating without a backup (BACKUP_BEFORE_MIGRATE=false): {}", plan.describe());
            }
            return;
        }
        DatabaseUrl db = DatabaseUrl.parse(connection.getJdbcUrl());
        Path file = settings.dir().resolve("timetracker_" + db.database().replaceAll("[^A-Za-z0-9_-]", "_") + "_"
                + STAMP.format(clock.instant()) + "_before_migration.dump");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        String refusal = "Refusing to migrate the database without a backup: ";
        String fix = "Make pg_dump (the PostgreSQL 15 client, or newer) available and BACKUP_DIR (" + settings.dir() + ") writable, or set BACKUP_PG_DUMP to pg_dump's path; "
                + "or take a backup yourself (deploy/backup.sh) and start once with BACKUP_BEFORE_MIGRATE=false. Nothing was migrated.";
        try {
            Files.createDirectories(settings.dir());
            List<String> command = new ArrayList<>(List.of(settings.pgDump(), "--format=custom", "--no-password", "--file=" + partial,
                    "--host=" + db.host(), "--port=" + db.port(), "--username=" + connection.getUsername(), "--dbname=" + db.database()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", connection.getPassword() == null ? "" : connection.getPassword());
            if (db.query() != null && db.query().contains("sslmode=")) {
                builder.environment().put("PGSSLMODE", db.query().replaceFirst(".*sslmode=([^&]*).*", "$1"));
            }
            log.info("Backing up {} to {} before migrating: {}", db.database(), file, plan.describe());
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
                process.destroyForcibly();
                Files.deleteIfExists(partial);
                throw new UnsafeConfigurationException(refusal + "pg_dump failed (exit " + (process.isAlive() ? "timeout" : process.exitValue()) + "): "
                        + new String(output, StandardCharsets.UTF_8).strip(), fix);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backup before migration written: {} ({} bytes)", file, Files.size(file));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UnsafeConfigurationException(refusal + "could not run " + settings.pgDump() + " into " + settings.dir() + " (" + e.getMessage() + ")", fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(partial);
            throw new UnsafeConfigurationException(refusal + "interrupted while pg_dump ran", fix);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the .partial name already says it is not a backup
        }
    }
}
