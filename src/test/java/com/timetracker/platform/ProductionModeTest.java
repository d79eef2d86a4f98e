package com.timetracker.platform;

import com.timetracker.support.Http;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** In production API docs are hidden unless DEBUG=true, and HSTS is sent. */
class ProductionModeTest {

    private static final String SECRET = "SECRET_KEY=q8Jf2LxVw9ZrTb4NcYk7Hs1PdGm6EaU3";

    @Test
    void productionHidesApiDocsAndSendsHsts() {
        String database = TestPostgres.createDatabase("prod");
        try (ConfigurableApplicationContext app = TestApp.start("ENVIRONMENT=production", SECRET,
                "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            Http http = new Http(TestApp.port(app));
            assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(404);
            assertThat(http.get("/api/docs").statusCode()).isEqualTo(404);
            assertThat(Http.json(http.get("/api")).get("docs").asString()).isEqualTo("Documentation disabled in production");
            assertThat(http.get("/api/version").headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        }
    }

    @Test
    void debugTrueShowsApiDocsInProduction() {
        String database = TestPostgres.createDatabase("prod");
        try (ConfigurableApplicationContext app = TestApp.start("ENVIRONMENT=production", SECRET, "DEBUG=true",
                "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            assertThat(new Http(TestApp.port(app)).get("/api/openapi.json").statusCode()).isEqualTo(200);
        }
    }
}
