package com.timetracker.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A database shaped exactly as V1's Alembic left it, with realistic rows in all 13 tables. */
public final class V1Database {

    public static final List<String> TABLES = List.of(
            "users", "teams", "team_members", "projects", "tasks", "time_entries", "pay_rates",
            "pay_rate_history", "payroll_periods", "payroll_entries", "payroll_adjustments",
            "account_requests", "audit_logs");

    /** Sample users (src/test/resources/v1/v1_sample_rows.sql) and their plaintext passwords. */
    public static final Map<String, String> PASSWORDS = Map.of(
            "Alice@Example.com", "Alice-SuperAdmin-2025",
            "bob.admin@example.com", "Bob-Admin-2025",
            "carol@example.com", "Carol-Worker-2025",
            "dave@example.com", "Dave-Contractor-2025",
            "erin.former@example.com", "Erin-Inactive-2025");

    private V1Database() {
    }

    /** Creates a new database as V1 would have it at Alembic head, filled with sample rows. */
    public static String create() {
        String database = TestPostgres.createDatabase("v1");
        TestPostgres.runScript(database, "/v1/alembic_head_database.sql");
        TestPostgres.runScript(database, "/v1/v1_sample_rows.sql");
        return database;
    }

    /** Per table: row count and a digest of every row's full content. */
    public static Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = TestPostgres.connect(database); var statement = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM " + table + " t")) {
                    row.next();
                    result.put(table, row.getString(1));
                }
            }
        }
        return result;
    }
}
