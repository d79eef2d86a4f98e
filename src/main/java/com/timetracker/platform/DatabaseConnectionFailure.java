package com.timetracker.platform;

import java.sql.SQLException;

/**
 * Turns PostgreSQL refusing a connection into one message naming the cause and the fix (V1 failure
 * #4: a data volume keeps the credentials it was created with). Used at startup and by {@code preflight}.
 */
public final class DatabaseConnectionFailure {

    private DatabaseConnectionFailure() {
    }

    /** @param jdbcUrl the JDBC URL without credentials */
    public static UnsafeConfigurationException explain(SQLException e, String username, String jdbcUrl) {
        String who = "user '" + username + "' at " + jdbcUrl.replaceFirst("^jdbc:", "");
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> new UnsafeConfigurationException(
                    "PostgreSQL refused the credentials of " + who + " (" + e.getMessage() + "). "
                            + "A PostgreSQL data volume keeps the user and password it was first created with: changing DB_PASSWORD or POSTGRES_PASSWORD afterwards does not change them.",
                    "Use the original credentials in DB_USER/DB_PASSWORD (or DATABASE_URL), or back up the database, recreate the volume with the new credentials and restore it (docs/configuration.md, 'Database credentials').");
            case "3D000" -> new UnsafeConfigurationException(
                    "PostgreSQL has no database for " + who + " (" + e.getMessage() + ").",
                    "Create the database (createdb) or correct DB_NAME / the database part of DATABASE_URL.");
            default -> new UnsafeConfigurationException(
                    "Could not connect to PostgreSQL as " + who + ": " + e.getMessage(),
                    "Check that PostgreSQL is running and reachable from this host, and that DB_HOST/DB_PORT (or DATABASE_URL) point at it.");
        };
    }

    /** The innermost SQL error: the driver's own, carrying PostgreSQL's SQLSTATE. */
    public static SQLException deepestSqlException(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }
}
