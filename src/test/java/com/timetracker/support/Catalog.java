package com.timetracker.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database's schema as comparable text: columns (type, nullability, default), constraints,
 * indexes and sequences. Column order is ignored (ALTER TABLE ADD appends).
 */
public final class Catalog {

    private static final String EXCLUDED = "('flyway_schema_history', 'alembic_version')";

    private Catalog() {
    }

    public static Set<String> of(String database) throws SQLException {
        Set<String> items = new TreeSet<>();
        try (Connection c = TestPostgres.connect(database)) {
            collect(c, items, """
                    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                        || coalesce('(' || character_maximum_length || ')', '')
                        || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                        || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')
                    FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name NOT IN %s""".formatted(EXCLUDED));
            collect(c, items, """
                    SELECT 'constraint ' || rel.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
                    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
                    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                    WHERE ns.nspname = 'public' AND rel.relname NOT IN %s""".formatted(EXCLUDED));
            collect(c, items, """
                    SELECT 'index ' || indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename NOT IN %s""".formatted(EXCLUDED));
            collect(c, items, """
                    SELECT 'sequence ' || s.relname || ' owned by ' || coalesce(t.relname || '.' || a.attname, '-')
                    FROM pg_class s JOIN pg_namespace ns ON ns.oid = s.relnamespace
                    LEFT JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
                    LEFT JOIN pg_class t ON t.oid = d.refobjid
                    LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE s.relkind = 'S' AND ns.nspname = 'public'""");
        }
        return items;
    }

    private static void collect(Connection c, Set<String> items, String sql) throws SQLException {
        try (var statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                items.add(rows.getString(1));
            }
        }
    }
}
