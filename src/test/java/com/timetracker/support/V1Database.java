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

    /** V1's columns per table, from the list V2 uses to recognise a V1 database. */
    private static Map<String, java.util.List<String>> v1Columns() {
        try (var in = V1Database.class.getResourceAsStream("/db/v1-columns.txt")) {
            Map<String, java.util.List<String>> columns = new java.util.TreeMap<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> columns.computeIfAbsent(line.substring(0, line.indexOf('.')), t -> new java.util.ArrayList<>())
                            .add(line.substring(line.indexOf('.') + 1)));
            return columns;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates a new database as V1 would have it at Alembic head, filled with sample rows. */
    public static String create() {
        String database = TestPostgres.createDatabase("v1");
        TestPostgres.runScript(database, "/v1/alembic_head_database.sql");
        TestPostgres.runScript(database, "/v1/v1_sample_rows.sql");
        return database;
    }

    /** Per table: row count and a digest of every row's content in V1's columns (V2 may add columns). */
    public static Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, java.util.List<String>> columns = v1Columns();
        try (Connection c = TestPostgres.connect(database); var statement = c.createStatement()) {
            for (String table : TABLES) {
                String row = "ROW(" + String.join(", ", columns.get(table).stream().map(col -> "t.\"" + col + "\"").toList()) + ")::text";
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row + ")), '-') FROM " + table + " t")) {
                    rows.next();
                    result.put(table, rows.getString(1));
                }
            }
        }
        return result;
    }
}
