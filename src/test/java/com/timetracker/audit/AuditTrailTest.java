package com.timetracker.audit;

import java.time.Instant;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is written for security and data events and readable, filtered, by admins only. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Test
    void adminsReadTheTrailFilteredAndPagedOthersCannot() {
        Instant start = Instant.now().minusSeconds(1);
        Http root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        new Http(port).post("/api/auth/login", "{\"email\": \"root@example.com\", \"password\": \"wrong\"}", "User-Agent", "Probe/1");
        String email = "audited" + System.nanoTime() + "@example.com";
        JsonNode created = Http.json(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"Quiet-River-4-Stone\", \"name\": \"A\"}"));
        root.put("/api/users/" + created.get("id").asLong() + "/role", "{\"role\": \"manager\"}");

        JsonNode failures = Http.json(root.get("/api/audit-logs?action=login_failed&since=" + start));
        assertThat(failures.get("total").asLong()).isEqualTo(1);
        JsonNode failure = failures.get("items").get(0);
        assertThat(failure.get("user_agent").asString()).isEqualTo("Probe/1");
        assertThat(failure.get("ip_address").asString()).isEqualTo("127.0.0.1");

        JsonNode aboutUser = Http.json(root.get("/api/audit-logs?resource_type=user&resource_id=" + created.get("id").asLong()));
        assertThat(aboutUser.get("items").findValuesAsString("action")).containsExactly("ROLE_CHANGE", "CREATE");
        assertThat(aboutUser.get("items").get(0).get("new_values").asString()).contains("manager");
        assertThat(aboutUser.get("items").get(0).get("user_email").asString()).isEqualTo("root@example.com");

        JsonNode firstPage = Http.json(root.get("/api/audit-logs?page_size=1"));
        assertThat(firstPage.get("items").size()).isEqualTo(1);
        assertThat(firstPage.get("pages").asLong()).isEqualTo(firstPage.get("total").asLong());
        assertThat(Http.json(root.get("/api/audit-logs?until=" + start)).get("items").findValuesAsString("action")).doesNotContain("ROLE_CHANGE");

        Http manager = new Http(port).as(new Http(port).login(email, "Quiet-River-4-Stone").get("access_token").asString());
        assertThat(manager.get("/api/audit-logs").statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/audit-logs").statusCode()).isEqualTo(401);
        assertThat(root.get("/api/audit-logs?since=yesterday").statusCode()).isEqualTo(422);
    }
}
