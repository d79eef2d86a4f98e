package com.timetracker.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/** What a database holds before migrations run: whose schema it is, at which revision, which columns. */
public record SchemaState(Set<String> tables, Set<String> columns, String alembicRevision) {

    /** V1's last Alembic revision; V2's first migration reproduces the schema it leaves. */
    public static final String V1_HEAD_REVISION = "007";

    /** Every {@code table.column} of V1's schema at {@link #V1_HEAD_REVISION}. */
    static final Set<String> V1_COLUMNS = readV1Columns();

    public static SchemaState read(Connection connection) throws SQLException {
        Set<String> tables = query(connection,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        Set<String> columns = query(connection,
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema()");
        String revision = null;
        if (tables.contains("alembic_version")) {
            revision = query(connection, "SELECT version_num FROM alembic_version").stream().findFirst().orElse("");
        }
        return new SchemaState(Set.copyOf(tables), Set.copyOf(columns), revision);
    }

    public boolean empty() {
        return tables.isEmpty();
    }

    public boolean managedByFlyway() {
        return tables.contains("flyway_schema_history");
    }

    public boolean createdByV1() {
        return alembicRevision != null;
    }

    public Set<String> missingV1Tables() {
        return V1_COLUMNS.stream().map(column -> column.substring(0, column.indexOf('.')))
                .filter(table -> !tables.contains(table)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Columns missing from V1 tables that do exist (schema drift). */
    public Set<String> missingV1Columns() {
        Set<String> missingTables = missingV1Tables();
        return V1_COLUMNS.stream().filter(column -> !columns.contains(column))
                .filter(column -> !missingTables.contains(column.substring(0, column.indexOf('.'))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> query(Connection connection, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (var statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Set<String> readV1Columns() {
        try (var in = new ClassPathResource("db/v1-columns.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("db/v1-columns.txt is missing from the classpath", e);
        }
    }
}
