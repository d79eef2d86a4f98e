package com.timetracker.platform.internal;

import java.sql.SQLException;
import java.util.List;

import com.timetracker.platform.BeforeMigration;
import com.timetracker.platform.DatabaseConnectionFailure;
import com.timetracker.platform.MigrationPlan;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Runs V2's migrations, first adopting a database that V1 created: a V1 database at Alembic's last
 * revision is baselined at V2's migration 1 (which reproduces that schema) without touching a row.
 * Anything else that is not empty and not ours is refused by {@link MigrationPlan}. Before changing
 * a database that holds data, the {@link BeforeMigration} hooks run (the backup, in production).
 */
class V1AdoptingMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(V1AdoptingMigrationStrategy.class);

    private final JdbcConnectionDetails connection;
    private final List<BeforeMigration> beforeMigration;

    V1AdoptingMigrationStrategy(JdbcConnectionDetails connection, List<BeforeMigration> beforeMigration) {
        this.connection = connection;
        this.beforeMigration = List.copyOf(beforeMigration);
    }

    @Override
    public void migrate(Flyway flyway) {
        MigrationPlan plan = plan(flyway);
        if (plan.changesExistingDatabase()) {
            log.info("Migrating the database: {}", plan.describe());
            beforeMigration.forEach(hook -> hook.beforeMigrating(plan));
        }
        if (plan.start() == MigrationPlan.Start.ADOPT_V1) {
            log.info("Adopting a V1 database (Alembic revision {}): baselining V2's migration history at version 1; no existing row is changed", SchemaState.V1_HEAD_REVISION);
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .baselineVersion("1")
                    .baselineDescription("adopted V1 database (Alembic " + SchemaState.V1_HEAD_REVISION + ")")
                    .load()
                    .baseline();
        }
        flyway.migrate();
    }

    private MigrationPlan plan(Flyway flyway) {
        try {
            return MigrationPlan.inspect(flyway);
        } catch (SQLException | RuntimeException e) {
            SQLException cause = DatabaseConnectionFailure.deepestSqlException(e);
            if (cause == null) {
                throw (RuntimeException) e;
            }
            throw DatabaseConnectionFailure.explain(cause, connection.getUsername(), connection.getJdbcUrl());
        }
    }
}
