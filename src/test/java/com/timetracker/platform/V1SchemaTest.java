package com.timetracker.platform;

import java.util.Set;

import com.timetracker.support.Catalog;
import com.timetracker.support.TestPostgres;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2's first migration is V1's schema: identical to a database built by V1's eight Alembic
 * migrations, so V2 can adopt a live V1 database; and after all migrations a fresh and an adopted
 * database have the same schema.
 */
class V1SchemaTest {

    @Test
    void migrationOneReproducesV1sAlembicHeadExactly() throws Exception {
        String fromAlembic = TestPostgres.createDatabase("alembic");
        TestPostgres.runScript(fromAlembic, "/v1/alembic_head_database.sql");
        String fromFlyway = TestPostgres.createDatabase("flyway");
        flyway(fromFlyway).target("1").load().migrate();

        Set<String> v1 = Catalog.of(fromAlembic);
        assertThat(v1).hasSizeGreaterThan(150);
        assertThat(Catalog.of(fromFlyway)).containsExactlyElementsOf(v1);
    }

    @Test
    void theColumnListUsedToRecogniseV1IsV1sSchema() throws Exception {
        String fromAlembic = TestPostgres.createDatabase("alembic");
        TestPostgres.runScript(fromAlembic, "/v1/alembic_head_database.sql");
        Set<String> columns = new java.util.TreeSet<>();
        try (var c = TestPostgres.connect(fromAlembic); var rows = c.createStatement().executeQuery(
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'alembic_version'")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        String listed;
        try (var in = getClass().getResourceAsStream("/db/v1-columns.txt")) {
            listed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(listed.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList())
                .containsExactlyElementsOf(columns);
    }

    @Test
    void freshAndAdoptedDatabasesEndWithTheSameSchema() throws Exception {
        String adopted = TestPostgres.createDatabase("adopted");
        TestPostgres.runScript(adopted, "/v1/alembic_head_database.sql");
        flyway(adopted).baselineVersion("1").baselineOnMigrate(true).load().migrate();
        String fresh = TestPostgres.createDatabase("fresh");
        flyway(fresh).load().migrate();

        assertThat(Catalog.of(fresh)).containsExactlyElementsOf(Catalog.of(adopted));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String database) {
        return Flyway.configure().dataSource(TestPostgres.jdbcUrl(database), "postgres", "").locations("classpath:db/migration");
    }
}
