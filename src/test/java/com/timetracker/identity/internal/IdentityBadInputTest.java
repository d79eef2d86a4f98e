package com.timetracker.identity.internal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed JSON, wrong types, missing fields, over-long strings, unknown enum values and unknown
 * ids sent to each endpoint of the auth, users and sessions APIs: always a 4xx in the error shape,
 * never a 500, and nothing written.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class IdentityBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private record Case(String name, Function<Http, HttpResponse<String>> call) {
    }

    private String snapshot() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM users) || '/' || (SELECT coalesce(max(updated_at)::text, '') FROM users)
                    || '/' || (SELECT count(*) FROM user_sessions WHERE revoked_at IS NULL)""").query(String.class).single();
    }

    @Test
    void everyIdentityEndpointAnswersBadInputWithA4xxAndWritesNothing() {
        Http anonymous = new Http(port);
        Http root = anonymous.as(anonymous.login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        String longName = "n".repeat(256);
        List<Case> cases = List.of(
                new Case("register malformed", h -> anonymous.post("/api/auth/register", "{\"email\": ")),
                new Case("register not an object", h -> anonymous.post("/api/auth/register", "[]")),
                new Case("register missing fields", h -> anonymous.post("/api/auth/register", "{}")),
                new Case("register bad email", h -> anonymous.post("/api/auth/register", "{\"email\": \"x\", \"password\": \"Quiet-River-4-Stone\", \"name\": \"A\"}")),
                new Case("register long name", h -> anonymous.post("/api/auth/register", "{\"email\": \"l@example.com\", \"password\": \"Quiet-River-4-Stone\", \"name\": \"" + longName + "\"}")),
                new Case("register wrong type", h -> anonymous.post("/api/auth/register", "{\"email\": 5, \"password\": [], \"name\": {}}")),
                new Case("login malformed", h -> anonymous.post("/api/auth/login", "{")),
                new Case("login missing password", h -> anonymous.post("/api/auth/login", "{\"email\": \"root@example.com\"}")),
                new Case("login wrong type", h -> anonymous.post("/api/auth/login", "{\"email\": 1, \"password\": 2}")),
                new Case("refresh missing", h -> anonymous.post("/api/auth/refresh", "{}")),
                new Case("refresh garbage", h -> anonymous.post("/api/auth/refresh", "{\"refresh_token\": \"abc.def.ghi\"}")),
                new Case("me long name", h -> root.put("/api/auth/me", "{\"name\": \"" + longName + "\"}")),
                new Case("me empty name", h -> root.put("/api/auth/me", "{\"name\": \"\"}")),
                new Case("me bad timezone", h -> root.put("/api/auth/me", "{\"timezone\": \"Nowhere/Land\"}")),
                new Case("me wrong type", h -> root.put("/api/auth/me", "{\"email\": 12}")),
                new Case("password missing", h -> root.put("/api/auth/password", "{}")),
                new Case("password malformed", h -> root.put("/api/auth/password", "{\"current_password\": ")),
                new Case("users bad page", h -> root.get("/api/users?page=0")),
                new Case("users bad boolean", h -> root.get("/api/users?is_active=maybe")),
                new Case("user unknown", h -> root.get("/api/users/424242")),
                new Case("user bad id", h -> root.get("/api/users/one")),
                new Case("update unknown", h -> root.put("/api/users/424242", "{\"name\": \"X\"}")),
                new Case("update wrong type", h -> root.put("/api/users/1", "{\"is_active\": \"sometimes\"}")),
                new Case("update bad hours", h -> root.put("/api/users/1", "{\"expected_hours_per_week\": 500}")),
                new Case("role unknown value", h -> root.put("/api/users/1/role", "{\"role\": \"emperor\"}")),
                new Case("role missing", h -> root.put("/api/users/1/role", "{}")),
                new Case("deactivate unknown", h -> root.delete("/api/users/424242")),
                new Case("delete unknown", h -> root.delete("/api/users/424242/permanent")),
                new Case("unlock unknown", h -> root.post("/api/users/424242/unlock", "")),
                new Case("session unknown", h -> root.delete("/api/sessions/00000000-0000-0000-0000-000000000000")),
                new Case("session too short", h -> root.delete("/api/sessions/ab")));

        String before = snapshot();
        for (Case c : cases) {
            HttpResponse<String> response = c.call().apply(anonymous);
            assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isBetween(400, 499);
            assertThat(Http.json(response).get("error").asString()).as(c.name()).isNotBlank();
            assertThat(Http.json(response).get("request_id").asString()).as(c.name()).isNotBlank();
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
