package com.timetracker.exports;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.timetracker.platform.internal.EmbeddedRedisSwitch;
import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.People.Person;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large export is written while the client reads it, never built whole first: with the client
 * holding back, the server stops part-way (the unread bytes fill the connection), and the progress
 * endpoint shows how far it got; once read, everything arrived and progress says done. Progress is
 * a courtesy: without Redis the download still arrives whole.
 */
@CatalogHttpTest
class LargeExportTest {

    static final int ROWS = 20_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aLargeCsvIsProducedAsTheClientReadsItAndReportsProgress() throws Exception {
        Person dave = new People(port).create("regular_user");
        long project = project(dave);
        // 20,000 one-minute entries in March 2025, each with a 1,000-character description: about 20 MB of CSV, several times what the connection buffers hold
        jdbc.sql("""
                INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, description, is_running, created_at, updated_at)
                SELECT :u, :p, TIMESTAMPTZ '2025-03-01 00:00:00+00' + i * INTERVAL '2 minutes',
                       TIMESTAMPTZ '2025-03-01 00:01:00+00' + i * INTERVAL '2 minutes', 60,
                       'entry ' || i || ' ' || repeat(md5(i::text), 31), false, now(), now()
                FROM generate_series(0, :n - 1) AS i""")
                .param("u", dave.id()).param("p", project).param("n", ROWS).update();

        String id = "large-" + UUID.randomUUID();
        HttpResponse<InputStream> response = dave.http().send(
                dave.http().request("/api/export/csv?start_date=2025-03-01&end_date=2025-03-31&tz=UTC&progress_id=" + id).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue(String.valueOf(ROWS));

        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).isEqualTo("Date,Start Time,End Time,Duration,Project,Task,Description");

            JsonNode held = steadyProgress(dave.http(), id);
            assertThat(held.get("status").asString()).isEqualTo("running");
            assertThat(held.get("rows_total").asLong()).isEqualTo(ROWS);
            assertThat(held.get("rows_written").asLong()).as("the server waits for the client instead of producing everything")
                    .isLessThan(ROWS);

            assertThat(body.readLine()).startsWith("2025-03-28,18:38:00,18:39:00,00:01:00,Bulk,No Task,entry 19999 ");
            long lines = 1;
            String last = null;
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                lines++;
                last = line;
            }
            assertThat(lines).as("rows and the totals line").isEqualTo(ROWS + 1);
            assertThat(last).isEqualTo(",,Total:,333:20:00,,,");
        }
        JsonNode done = Http.json(dave.http().get("/api/export/progress/" + id));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("rows_written").asLong()).isEqualTo(ROWS);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(new People(port).create("regular_user").http().get("/api/export/progress/" + id).statusCode())
                .as("another user's download is not theirs to watch").isEqualTo(404);
    }

    @Test
    void withoutRedisADownloadStillArrivesWhole() throws Exception {
        Person erin = new People(port).create("regular_user");
        long project = project(erin);
        jdbc.sql("""
                INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, description, is_running, created_at, updated_at)
                SELECT :u, :p, TIMESTAMPTZ '2025-04-01 00:00:00+00' + i * INTERVAL '2 minutes',
                       TIMESTAMPTZ '2025-04-01 00:01:00+00' + i * INTERVAL '2 minutes', 60, 'entry ' || i, false, now(), now()
                FROM generate_series(0, 2499) AS i""")
                .param("u", erin.id()).param("p", project).update();
        EmbeddedRedisSwitch.stop(context);
        try {
            HttpResponse<String> response = erin.http().get("/api/export/csv?start_date=2025-04-01&end_date=2025-04-30&tz=UTC&progress_id=no-redis-1");
            assertThat(response.statusCode()).isEqualTo(200);
            String[] lines = response.body().split("\r\n");
            assertThat(lines).hasSize(2502);
            assertThat(lines[2501]).isEqualTo(",,Total:,41:40:00,,,");
        } finally {
            EmbeddedRedisSwitch.start(context);
        }
    }

    private long project(Person owner) {
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Big', :u, now(), now()) RETURNING id")
                .param("u", owner.id()).query(Long.class).single();
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :u, 'owner', now())").param("t", team).param("u", owner.id()).update();
        return jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'Bulk', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).query(Long.class).single();
    }

    /** The progress once it stops moving (the server is blocked on the unread connection). */
    private static JsonNode steadyProgress(Http http, String id) throws InterruptedException {
        JsonNode previous = null;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(400);
            HttpResponse<String> response = http.get("/api/export/progress/" + id);
            if (response.statusCode() != 200) {
                continue;
            }
            JsonNode now = Http.json(response);
            if (previous != null && previous.get("rows_written").asLong() == now.get("rows_written").asLong()) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("progress never settled: " + previous);
    }
}
