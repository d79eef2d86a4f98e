package com.timetracker.ops.internal;

import java.nio.file.Path;
import java.util.function.Function;

import com.timetracker.platform.PlatformSettings;

/**
 * The backup taken before migrations: BACKUP_BEFORE_MIGRATE (default: on in production, off
 * elsewhere), BACKUP_DIR (default TIMETRACKER_DATA_DIR/backups), BACKUP_PG_DUMP (default pg_dump on the PATH).
 */
record BackupSettings(boolean enabled, Path dir, String pgDump) {

    static BackupSettings from(Function<String, String> env, PlatformSettings platform) {
        String before = env.apply("BACKUP_BEFORE_MIGRATE");
        boolean enabled = before == null || before.isBlank() ? platform.production() : PlatformSettings.isTrue(before);
        String dir = env.apply("BACKUP_DIR");
        String pgDump = env.apply("BACKUP_PG_DUMP");
        return new BackupSettings(enabled,
                dir == null || dir.isBlank() ? platform.dataDir().resolve("backups") : Path.of(dir.strip()).toAbsolutePath().normalize(),
                pgDump == null || pgDump.isBlank() ? "pg_dump" : pgDump.strip());
    }
}
