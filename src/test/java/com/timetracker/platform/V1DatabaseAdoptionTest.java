package com.timetracker.platform;

import java.sql.Connection;
import java.util.Map;

import com.timetracker.identity.PasswordHashing;
import com.timetracker.support.Http;
import com.timetracker.support.Refusal;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.V1Database;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** V2 started on a live V1 database adopts it without losing or changing a row. */
class V1DatabaseAdoptionTest {

    @Test
    void adoptsAV1DatabaseKeepingEveryRow() throws Exception {
        String database = V1Database.create();
        Map<String, String> before = V1Database.fingerprint(database);

        try (ConfigurableApplicationContext app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            assertThat(V1Database.fingerprint(database)).isEqualTo(before);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT version || ' ' || description FROM flyway_schema_history ORDER BY installed_rank")
                    .query(String.class).list())
                    .first().asString().startsWith("1 adopted V1 database (Alembic 007)");
            assertThat(jdbc.sql("SELECT max(version::int) FROM flyway_schema_history").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(2);

            // V1 users keep their passwords: their $2b$ hashes verify in V2.
            PasswordHashing hashing = app.getBean(PasswordHashing.class);
            V1Database.PASSWORDS.forEach((email, password) -> assertThat(hashing.matches(password,
                    jdbc.sql("SELECT password_hash FROM users WHERE email = :e").param("e", email).query(String.class).single()))
                    .as("V1 password of %s", email).isTrue());
            // An existing V1 database already has its administrators: no first super admin is added.
            assertThat(jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single()).isEqualTo(5);
            // No Redis is configured here: the app serves anyway and says so.
            var health = new Http(TestApp.port(app)).get("/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Http.json(health).get("status").asString()).isEqualTo("degraded");
        }

        // A second start finds V2's history and changes nothing either.
        try (ConfigurableApplicationContext ignored = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            assertThat(V1Database.fingerprint(database)).isEqualTo(before);
        }
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void emailsDifferingOnlyByCaseDoNotFailTheUpgradeAndAreReported(org.springframework.boot.test.system.CapturedOutput output) {
        String database = V1Database.create();
        TestPostgres.execute(database, "INSERT INTO users (id, email, password_hash, name, role, is_active, created_at, updated_at) "
                + "VALUES (99, 'alice@example.com', 'x', 'Alice again', 'regular_user', true, now(), now())");

        try (ConfigurableApplicationContext ignored = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            assertThat(output.getAll()).contains("Alice@Example.com (id 1) = alice@example.com (id 99)");
        }
    }

    @Test
    void twoRunningTimersOfOneUserAreResolvedWithoutLosingEither() {
        String database = V1Database.create();
        // V1 could end up with two running timers for one user (no constraint, no lock).
        TestPostgres.execute(database, "INSERT INTO time_entries (id, user_id, project_id, start_time, is_running, created_at, updated_at) "
                + "VALUES (50, 4, 1, '2025-12-30 07:00:00+00', true, now(), now())");

        try (ConfigurableApplicationContext app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT id FROM time_entries WHERE user_id = 4 AND end_time IS NULL").query(Long.class).list()).containsExactly(11L);
            assertThat(jdbc.sql("SELECT end_time::text || ' ' || duration_seconds FROM time_entries WHERE id = 50").query(String.class).single())
                    .isEqualTo("2025-12-30 08:15:00+00 4500");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE resource_type = 'time_entry' AND resource_id = 50").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesAV1DatabaseAtAnOlderAlembicRevisionAndTouchesNothing() {
        String database = V1Database.create();
        TestPostgres.execute(database, "UPDATE alembic_version SET version_num = '006_add_performance_indexes'");

        assertThat(Refusal.of(() -> TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))))
                .hasMessageContaining("'006_add_performance_indexes'")
                .satisfies(e -> assertThat(e.fix()).contains("alembic upgrade head"));
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
    }

    @Test
    void refusesAV1DatabaseWhoseTablesAreMissing() {
        String database = V1Database.create();
        TestPostgres.execute(database, "DROP TABLE payroll_adjustments; DROP TABLE audit_logs");

        assertThat(Refusal.of(() -> TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))))
                .hasMessageContaining("[audit_logs, payroll_adjustments]");
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
    }

    @Test
    void refusesAV1DatabaseWithDriftedColumns() {
        String database = V1Database.create();
        TestPostgres.execute(database, "ALTER TABLE time_entries DROP COLUMN approval_status");

        assertThat(Refusal.of(() -> TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))))
                .hasMessageContaining("[time_entries.approval_status]");
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
    }

    @Test
    void refusesADatabaseThatIsNeitherV1sNorOurs() {
        String database = TestPostgres.createDatabase("foreign");
        TestPostgres.execute(database, "CREATE TABLE invoices (id int PRIMARY KEY)");

        assertThat(Refusal.of(() -> TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))))
                .hasMessageContaining("invoices")
                .hasMessageContaining("neither");
        assertThat(tableExists(database, "flyway_schema_history")).isFalse();
        assertThat(tableExists(database, "users")).isFalse();
    }

    private static boolean tableExists(String database, String table) {
        try (Connection c = TestPostgres.connect(database);
             var rows = c.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
