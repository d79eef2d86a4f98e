package com.timetracker.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import com.timetracker.platform.internal.SchemaState;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What starting this version against a database would do to it: create the schema, adopt V1's, or
 * apply pending migrations. Read at startup (before migrating, so a backup can be taken first) and
 * by {@code preflight}. A database V2 cannot adopt is refused here, with what to do.
 */
public record MigrationPlan(Start start, List<String> pending) {

    public enum Start {
        /** No tables: the first start creates the schema. */
        EMPTY,
        /** A database V2 manages (flyway_schema_history). */
        V2,
        /** V1's database at its last revision: baselined at V2's migration 1, then migrated. */
        ADOPT_V1
    }

    public MigrationPlan {
        pending = List.copyOf(pending);
    }

    /**
     * @throws UnsafeConfigurationException when the database is neither empty, nor V2's, nor adoptable V1's
     * @throws SQLException when the database cannot be read
     */
    public static MigrationPlan inspect(Flyway flyway) throws SQLException {
        SchemaState state;
        try (Connection db = flyway.getConfiguration().getDataSource().getConnection()) {
            state = SchemaState.read(db);
        }
        if (state.empty()) {
            return new MigrationPlan(Start.EMPTY, names(flyway.info().pending()));
        }
        if (state.managedByFlyway()) {
            return new MigrationPlan(Start.V2, names(flyway.info().pending()));
        }
        requireAdoptable(state);
        MigrationVersion baseline = MigrationVersion.fromVersion("1");
        return new MigrationPlan(Start.ADOPT_V1, names(Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null && migration.getVersion().isNewerThan(baseline))
                .toArray(MigrationInfo[]::new)));
    }

    /** Whether migrating would change a database that already holds data (the case for a backup first). */
    public boolean changesExistingDatabase() {
        return start != Start.EMPTY && (start == Start.ADOPT_V1 || !pending.isEmpty());
    }

    public String describe() {
        return switch (start) {
            case EMPTY -> "an empty database: the first start creates the schema (" + pending.size() + " migrations)";
            case V2 -> pending.isEmpty() ? "up to date, no pending migrations" : pending.size() + " pending migrations: " + String.join(", ", pending);
            case ADOPT_V1 -> "V1's database (Alembic " + SchemaState.V1_HEAD_REVISION + "): V2 adopts it, then applies "
                    + pending.size() + " migrations: " + String.join(", ", pending);
        };
    }

    private static void requireAdoptable(SchemaState state) {
        if (!state.createdByV1()) {
            throw new UnsafeConfigurationException(
                    "The database is not empty but was created neither by V2 (no flyway_schema_history) nor by V1 (no alembic_version). Tables found: " + state.tables(),
                    "Point DATABASE_URL at an empty database, at V1's database, or at one V2 created. Nothing was changed.");
        }
        if (!SchemaState.V1_HEAD_REVISION.equals(state.alembicRevision())) {
            throw new UnsafeConfigurationException(
                    "The database was created by V1 but is at Alembic revision '" + state.alembicRevision() + "'; V2 adopts only V1's last revision '" + SchemaState.V1_HEAD_REVISION + "'.",
                    "Back up the database, bring it to V1's last revision with V1 (alembic upgrade head), then start V2 again. Nothing was changed.");
        }
        if (!state.missingV1Tables().isEmpty()) {
            throw new UnsafeConfigurationException(
                    "The database says Alembic revision '" + SchemaState.V1_HEAD_REVISION + "' but V1's tables " + state.missingV1Tables() + " are missing (schema drift, e.g. a database seeded from init.sql).",
                    "Restore the missing tables with V1 (alembic upgrade head on a database restored from backup), then start V2 again. Nothing was changed.");
        }
        if (!state.missingV1Columns().isEmpty()) {
            throw new UnsafeConfigurationException(
                    "The database says Alembic revision '" + SchemaState.V1_HEAD_REVISION + "' but these columns of V1's schema are missing: " + state.missingV1Columns() + " (schema drift).",
                    "Add the missing columns as V1's migrations define them (or restore a complete V1 database), then start V2 again. Nothing was changed.");
        }
    }

    private static List<String> names(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(m -> "V" + m.getVersion() + " " + m.getDescription()).toList();
    }
}
