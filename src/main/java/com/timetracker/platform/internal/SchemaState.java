package com.timetracker.platform.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/** What a database holds before migrations run: whose schema it is, and at which revision. */
record SchemaState(Set<String> tables, String alembicRevision) {

    /** V1's last Alembic revision; V2's first migration reproduces the schema it leaves. */
    static final String V1_HEAD_REVISION = "007";

    static final Set<String> V1_TABLES = Set.of(
            "users", "teams", "team_members", "projects", "tasks", "time_entries", "pay_rates",
            "pay_rate_history", "payroll_periods", "payroll_entries", "payroll_adjustments",
            "account_requests", "audit_logs");

    static SchemaState read(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (var statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        String revision = null;
        if (tables.contains("alembic_version")) {
            try (var statement = connection.prepareStatement("SELECT version_num FROM alembic_version");
                 ResultSet rows = statement.executeQuery()) {
                revision = rows.next() ? rows.getString(1) : "";
            }
        }
        return new SchemaState(Set.copyOf(tables), revision);
    }

    boolean empty() {
        return tables.isEmpty();
    }

    boolean managedByFlyway() {
        return tables.contains("flyway_schema_history");
    }

    boolean createdByV1() {
        return alembicRevision != null;
    }

    Set<String> missingV1Tables() {
        Set<String> missing = new TreeSet<>(V1_TABLES);
        missing.removeAll(tables);
        return missing;
    }
}
