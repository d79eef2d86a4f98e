package com.timetracker.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Approvals (V1's never worked) and activity alerts, scoped to the teams the caller leads. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class ApprovalsAndAlertsTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http root;
    Http lead;
    Http worker;
    Http outsider;
    long workerId;
    long projectId;

    private long user(String name) {
        String email = name + System.nanoTime() + "@example.com";
        return Http.json(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + name + "\"}"))
                .get("id").asLong();
    }

    private Http signIn(long id) {
        String email = jdbc.sql("SELECT email FROM users WHERE id = :id").param("id", id).query(String.class).single();
        return new Http(port).as(new Http(port).login(email, PASSWORD).get("access_token").asString());
    }

    @BeforeEach
    void aTeamWithALeadAndAWorker() {
        root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        long leadId = user("Lead");
        workerId = user("Worker");
        long outsiderId = user("Outsider");
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('T', :u, now(), now()) RETURNING id")
                .param("u", leadId).query(Long.class).single();
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :l, 'admin', now()), (:t, :w, 'member', now())")
                .param("t", team).param("l", leadId).param("w", workerId).update();
        projectId = jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'P', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).query(Long.class).single();
        lead = signIn(leadId);
        worker = signIn(workerId);
        outsider = signIn(outsiderId);
    }

    private long entry(int daysAgo) {
        Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Http.json(worker.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + start
                + "\", \"end_time\": \"" + start.plusSeconds(3600) + "\"}")).get("id").asLong();
    }

    @Test
    void aTeamAdminApprovesAndTheEntryLocksForItsOwner() {
        long id = entry(1);
        assertThat(Http.json(lead.get("/api/approvals/pending")).findValuesAsString("approval_status")).containsExactly("pending");

        JsonNode approved = Http.json(lead.send(lead.request("/api/approvals/" + id + "/approve").method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build()));
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(worker.put("/api/time/" + id, "{\"description\": \"late change\"}").statusCode()).isEqualTo(409);
        assertThat(Http.json(lead.get("/api/approvals/stats")).get("approved").asLong()).isEqualTo(1);
        var again = lead.send(lead.request("/api/approvals/" + id + "/approve").method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(again.statusCode()).isEqualTo(400);
    }

    @Test
    void aRejectionKeepsItsReasonAndAnEditResubmits() {
        long id = entry(2);
        var rejected = lead.send(lead.request("/api/approvals/" + id + "/reject?rejection_reason=Wrong%20project").method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(Http.json(rejected).get("reason").asString()).isEqualTo("Wrong project");
        assertThat(jdbc.sql("SELECT rejection_reason FROM time_entries WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Wrong project");

        assertThat(Http.json(worker.put("/api/time/" + id, "{\"description\": \"moved\"}")).get("approval_status").asString()).isEqualTo("pending");
    }

    @Test
    void bulkDecisionsAreAllOrNothing() {
        long a = entry(3);
        long b = entry(4);
        var partlyForeign = lead.post("/api/approvals/bulk", "{\"entry_ids\": [" + a + ", 99999999], \"status\": \"approved\"}");
        assertThat(partlyForeign.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT approval_status FROM time_entries WHERE id = :id").param("id", a).query(String.class).single()).isEqualTo("pending");

        JsonNode bulk = Http.json(lead.post("/api/approvals/bulk", "{\"entry_ids\": [" + a + ", " + b + "], \"status\": \"approved\"}"));
        assertThat(bulk.get("updated_count").asInt()).isEqualTo(2);
        assertThat(lead.post("/api/approvals/bulk", "{\"entry_ids\": [], \"status\": \"approved\"}").statusCode()).isEqualTo(400);
        assertThat(lead.post("/api/approvals/bulk", "{\"entry_ids\": [" + a + "], \"status\": \"maybe\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void membersAndOutsidersCannotApproveAndNobodyApprovesTheirOwnTime() {
        long id = entry(5);
        assertThat(worker.get("/api/approvals/pending").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/api/approvals/pending").statusCode()).isEqualTo(403);
        var ownEntry = Http.json(lead.post("/api/time", "{\"project_id\": " + projectId + ", \"duration_seconds\": 600}")).get("id").asLong();
        var own = lead.post("/api/approvals/bulk", "{\"entry_ids\": [" + ownEntry + "], \"status\": \"approved\"}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(root.post("/api/approvals/bulk", "{\"entry_ids\": [" + id + "], \"status\": \"approved\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void alertsShowLongTimersAndIdlePeopleOfTheLeadsTeamsOnly() {
        entry(10);
        long running = Http.json(worker.post("/api/time/start", "{\"project_id\": " + projectId + "}")).get("id").asLong();
        jdbc.sql("UPDATE time_entries SET start_time = now() - interval '9 hours' WHERE id = :id").param("id", running).update();

        JsonNode alerts = Http.json(lead.get("/api/admin/activity-alerts"));
        assertThat(alerts.get("alerts").findValuesAsString("type")).contains("long_timer");
        assertThat(alerts.get("summary").get("long_timers").asInt()).isEqualTo(1);
        assertThat(alerts.get("alerts").get(0).get("message").asString()).contains("has been tracking time for 9.0 hours");
        assertThat(outsider.get("/api/admin/activity-alerts").statusCode()).isEqualTo(403);

        worker.post("/api/time/stop", "");
        jdbc.sql("DELETE FROM time_entries WHERE id = :id").param("id", running).update();
        JsonNode idle = Http.json(lead.get("/api/admin/activity-alerts"));
        assertThat(idle.get("alerts").findValuesAsString("type")).containsExactly("no_activity");
        assertThat(idle.get("alerts").get(0).get("days_ago").asInt()).isEqualTo(10);
    }
}
