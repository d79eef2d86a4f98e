package com.timetracker.tracking;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed JSON, wrong types, missing fields, over-long strings, unknown values and unknown or
 * foreign ids sent to every time-entry, approval, alert and realtime-helper endpoint: always a
 * 4xx in the error shape, never a 500, and no time entry written or changed.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class TrackingBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private record Case(String name, Supplier<HttpResponse<String>> call) {
    }

    private String snapshot() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '-') FROM time_entries").query(String.class).single();
    }

    @Test
    void everyTrackingEndpointAnswersBadInputWithA4xxAndWritesNothing() {
        Http root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        String email = "worker" + System.nanoTime() + "@example.com";
        long worker = Http.json(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"Quiet-River-4-Stone\", \"name\": \"W\"}")).get("id").asLong();
        Http user = new Http(port).as(new Http(port).login(email, "Quiet-River-4-Stone").get("access_token").asString());
        long foreignTeam = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Foreign', 1, now(), now()) RETURNING id").query(Long.class).single();
        long foreignProject = jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'F', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", foreignTeam).query(Long.class).single();
        long foreignEntry = jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, is_running, created_at, updated_at)
                        VALUES (1, :p, now() - interval '2 hours', now() - interval '1 hour', 3600, false, now(), now()) RETURNING id""")
                .param("p", foreignProject).query(Long.class).single();
        String longText = "x".repeat(5001);
        HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
        List<Case> cases = List.of(
                new Case("start malformed", () -> user.post("/api/time/start", "{\"project_id\": ")),
                new Case("start missing project", () -> user.post("/api/time/start", "{}")),
                new Case("start wrong type", () -> user.post("/api/time/start", "{\"project_id\": \"abc\"}")),
                new Case("start negative id", () -> user.post("/api/time/start", "{\"project_id\": -3}")),
                new Case("start unknown project", () -> user.post("/api/time/start", "{\"project_id\": 987654}")),
                new Case("start foreign project", () -> user.post("/api/time/start", "{\"project_id\": " + foreignProject + "}")),
                new Case("start long description", () -> user.post("/api/time/start", "{\"project_id\": " + foreignProject + ", \"description\": \"" + longText + "\"}")),
                new Case("stop nothing running", () -> user.post("/api/time/stop", "")),
                new Case("manual malformed", () -> user.post("/api/time", "[")),
                new Case("manual bad time", () -> user.post("/api/time", "{\"project_id\": 1, \"start_time\": \"yesterday\", \"end_time\": \"today\"}")),
                new Case("manual foreign project", () -> user.post("/api/time", "{\"project_id\": " + foreignProject + ", \"duration_seconds\": 60}")),
                new Case("manual wrong duration type", () -> user.post("/api/time", "{\"project_id\": 1, \"duration_seconds\": \"long\"}")),
                new Case("list bad page", () -> user.get("/api/time?page=0")),
                new Case("list bad date", () -> user.get("/api/time?start_date=2026-02-30")),
                new Case("list reversed dates", () -> user.get("/api/time?start_date=2026-03-02&end_date=2026-03-01")),
                new Case("list bad id", () -> user.get("/api/time?project_id=abc")),
                new Case("get unknown", () -> user.get("/api/time/987654")),
                new Case("get foreign", () -> user.get("/api/time/" + foreignEntry)),
                new Case("update foreign", () -> user.put("/api/time/" + foreignEntry, "{\"description\": \"mine now\"}")),
                new Case("update malformed", () -> user.put("/api/time/" + foreignEntry, "{\"description\": ")),
                new Case("update bad time", () -> root.put("/api/time/" + foreignEntry, "{\"end_time\": \"soon\"}")),
                new Case("update reversed", () -> root.put("/api/time/" + foreignEntry, "{\"start_time\": \"2020-01-02T00:00:00Z\", \"end_time\": \"2020-01-01T00:00:00Z\"}")),
                new Case("delete foreign", () -> user.delete("/api/time/" + foreignEntry)),
                new Case("delete unknown", () -> root.delete("/api/time/987654")),
                new Case("pending as member", () -> user.get("/api/approvals/pending")),
                new Case("pending bad limit", () -> root.get("/api/approvals/pending?limit=500")),
                new Case("approve unknown", () -> root.send(root.request("/api/approvals/987654/approve").method("PATCH", none).build())),
                new Case("reject long reason", () -> root.send(root.request("/api/approvals/" + foreignEntry + "/reject?rejection_reason=" + "r".repeat(1001)).method("PATCH", none).build())),
                new Case("approve bad id", () -> root.send(root.request("/api/approvals/abc/approve").method("PATCH", none).build())),
                new Case("bulk malformed", () -> root.post("/api/approvals/bulk", "{\"entry_ids\": [")),
                new Case("bulk missing status", () -> root.post("/api/approvals/bulk", "{\"entry_ids\": [" + foreignEntry + "]}")),
                new Case("bulk unknown status", () -> root.post("/api/approvals/bulk", "{\"entry_ids\": [" + foreignEntry + "], \"status\": \"maybe\"}")),
                new Case("bulk wrong ids", () -> root.post("/api/approvals/bulk", "{\"entry_ids\": [\"a\"], \"status\": \"approved\"}")),
                new Case("bulk unknown ids", () -> root.post("/api/approvals/bulk", "{\"entry_ids\": [987654], \"status\": \"approved\"}")),
                new Case("stats as member", () -> user.get("/api/approvals/stats")),
                new Case("alerts as member", () -> user.get("/api/admin/activity-alerts")),
                new Case("active timers bad token", () -> new Http(port).get("/api/ws/active-timers?token=nope")),
                new Case("online users no token", () -> new Http(port).get("/api/ws/online-users")));

        String before = snapshot();
        for (Case c : cases) {
            HttpResponse<String> response = c.call().get();
            assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isBetween(400, 499);
            assertThat(Http.json(response).get("error").asString()).as(c.name()).isNotBlank();
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(worker).isPositive();
    }
}
