package com.timetracker.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;

import com.timetracker.platform.UnsafeConfigurationException;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Runs V2's migrations, first adopting a database that V1 created: a V1 database at Alembic's last
 * revision is baselined at V2's migration 1 (which reproduces that schema) without touching a row.
 * Anything else that is not empty and not ours is refused with what was found and what to do.
 */
class V1AdoptingMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(V1AdoptingMigrationStrategy.class);

    private final JdbcConnectionDetails connection;

    V1AdoptingMigrationStrategy(JdbcConnectionDetails connection) {
        this.connection = connection;
    }

    @Override
    public void migrate(Flyway flyway) {
        SchemaState state = readState(flyway);
        if (!state.empty() && !state.managedByFlyway()) {
            adopt(flyway, state);
        }
        flyway.migrate();
    }

    private SchemaState readState(Flyway flyway) {
        try (Connection db = flyway.getConfiguration().getDataSource().getConnection()) {
            return SchemaState.read(db);
        } catch (SQLException | RuntimeException e) {
            SQLException cause = DatabaseStartupFailure.deepestSqlException(e);
            if (cause == null) {
                throw (RuntimeException) e;
            }
            throw DatabaseStartupFailure.of(cause, connection);
        }
    }

    private static void adopt(Flyway flyway, SchemaState state) {
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
        log.info("Adopting a V1 database (Alembic revision {}): baselining V2's migration history at version 1; no existing row is changed", state.alembicRevision());
        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .baselineVersion("1")
                .baselineDescription("adopted V1 database (Alembic " + state.alembicRevision() + ")")
                .load()
                .baseline();
    }
}
