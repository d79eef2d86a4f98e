package com.timetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One real PostgreSQL 15 for the test JVM; each test takes fresh databases from it. */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /**
     * A separate real PostgreSQL that checks passwords (scram-sha-256) on TCP, like a production
     * volume: role {@code timetracker} with password {@code Right-Passw0rd} owns database {@code timetracker}.
     */
    public static EmbeddedPostgres passwordProtected(java.nio.file.Path dir) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement statement = c.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE timetracker LOGIN PASSWORD 'Right-Passw0rd'");
            statement.execute("CREATE DATABASE timetracker OWNER timetracker");
            java.nio.file.Files.writeString(dir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            statement.execute("SELECT pg_reload_conf()");
        }
        return postgres;
    }

    /** Creates an empty database and returns its name. */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + COUNTER.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    public static int port() {
        return server().getPort();
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    /** V1's own form of the URL, as its .env had it. */
    public static String v1DatabaseUrl(String database) {
        return "postgresql+asyncpg://postgres:@localhost:" + port() + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    public static void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    public static void runScript(String database, String classpathResource) {
        try (var stream = TestPostgres.class.getResourceAsStream(classpathResource)) {
            if (stream == null) {
                throw new IllegalArgumentException("No such resource " + classpathResource);
            }
            execute(database, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
