package com.timetracker.platform;

/**
 * Runs at startup just before migrations change a database that already holds data (ops takes a
 * backup here). Throwing stops the startup: nothing has been migrated yet.
 */
public interface BeforeMigration {

    void beforeMigrating(MigrationPlan plan);
}
