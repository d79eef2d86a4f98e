package com.timetracker.reporting;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.timetracker.support.Http;
import com.timetracker.support.Inbox;
import com.timetracker.support.People;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestClock;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.TestRedis;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled reports on two app nodes sharing one database and one (test) clock: a report runs at
 * its time exactly once, is mailed with its CSV through the outbox, and lands in the history; a
 * report that cannot run is recorded as failed; bad input is refused.
 */
class ScheduledReportsTest {

    /** Monday 30 March 2026, 10:00 UTC. */
    static final Instant NOW = Instant.parse("2026-03-30T10:00:00Z");

    static RedisServer redis;
    static Inbox inbox;
    static TestClock clock = new TestClock(NOW);
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcClient jdbc;

    People people;
    People.Person owner;
    People.Person member;
    long team;
    long project;

    @BeforeAll
    static void twoNodes() throws Exception {
        TestRedis testRedis = TestRedis.start();
        redis = testRedis.server();
        inbox = new Inbox();
        List<String> settings = new ArrayList<>(List.of(inbox.appSettings()));
        settings.addAll(List.of("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("scheduled")),
                "REDIS_URL=" + testRedis.url(), "SECRET_KEY=q8Jf2LxVw9ZrTb4NcYk7Hs1PdGm6EaU3", "BCRYPT_ROUNDS=10",
                "timetracker.reports.poll-interval=100ms", "RATE_LIMIT_ENABLED=false",
                "FIRST_SUPER_ADMIN_EMAIL=" + People.ROOT_EMAIL, "FIRST_SUPER_ADMIN_PASSWORD=" + People.ROOT_PASSWORD));
        nodeA = TestApp.start(clock, settings.toArray(String[]::new));
        nodeB = TestApp.start(clock, settings.toArray(String[]::new));
        jdbc = nodeA.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        inbox.close();
        redis.stop();
    }

    @BeforeEach
    void anOwnerWithLastWeeksTime() {
        clock.set(NOW);
        people = new People(TestApp.port(nodeA));
        owner = people.create("regular_user");
        member = people.create("regular_user");
        ReportFixture fixture = new ReportFixture(jdbc);
        team = fixture.team("Crew " + System.nanoTime(), owner.id());
        fixture.member(team, member.id(), "member");
        project = fixture.project(team, "Hull");
        fixture.entry(owner.id(), project, null, "2026-03-24T09:00:00Z", "2026-03-24T11:30:00Z");
        fixture.entry(owner.id(), project, null, "2026-03-26T22:00:00Z", "2026-03-27T02:00:00Z");
        fixture.entry(member.id(), project, null, "2026-03-25T09:00:00Z", "2026-03-25T10:00:00Z");
    }

    private static String unique(String name) {
        return name + System.nanoTime() + "@example.com";
    }

    private static Http on(ConfigurableApplicationContext node, People.Person person) {
        Http http = new Http(TestApp.port(node));
        return http.as(http.login(person.email(), People.PASSWORD).get("access_token").asString());
    }

    @Test
    void aDueReportRunsOnceAcrossTwoNodesAndIsMailedWithItsCsv() throws Exception {
        String a = unique("ana");
        String b = unique("ben");
        HttpResponse<String> created = owner.http().post("/api/reports/scheduled", """
                {"name": "Last week", "template_id": "weekly_summary", "frequency": "daily", "recipients": ["%s", "%s"],
                 "params": {"week_offset": 1}, "timezone": "UTC"}""".formatted(a, b));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode schedule = Http.json(created);
        String id = schedule.get("id").asString();
        assertThat(id).hasSize(8);
        assertThat(schedule.get("next_run").asString()).isEqualTo("2026-03-31T08:00:00Z");
        assertThat(schedule.get("enabled").asBoolean()).isTrue();
        assertThat(schedule.get("params").get("week_offset").asInt()).isEqualTo(1);

        Thread.sleep(500);
        assertThat(inbox.to(a)).as("not due yet").isEmpty();

        clock.set(Instant.parse("2026-03-31T08:00:00Z"));
        MimeMessage mail = inbox.awaitMail(a, 1);
        inbox.awaitMail(b, 1);
        Thread.sleep(1000); // both nodes poll every 100 ms: ten more chances to send it twice
        assertThat(inbox.to(a)).hasSize(1);
        assertThat(inbox.to(b)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_report_runs WHERE report_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);

        assertThat(Inbox.subject(mail)).isEqualTo("TimeTracker report: Last week (2026-03-23 to 2026-03-29)");
        assertThat(Inbox.text(mail)).contains("2026-03-24\t2.50", "2026-03-26\t2.00", "2026-03-27\t2.00", "Total\t6.50");
        Part csv = attachment(mail);
        assertThat(csv.getFileName()).isEqualTo("Last_week_2026-03-23_2026-03-29.csv");
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(read(csv)).isEqualTo("Date,Hours\r\n2026-03-24,2.50\r\n2026-03-26,2.00\r\n2026-03-27,2.00\r\nTotal,6.50\r\n");

        Http ownerOnB = on(nodeB, owner);
        JsonNode after = Http.json(ownerOnB.get("/api/reports/scheduled/" + id));
        assertThat(after.get("next_run").asString()).isEqualTo("2026-04-01T08:00:00Z");
        assertThat(after.get("last_sent").asString()).isEqualTo("2026-03-31T08:00:00Z");
        JsonNode history = Http.json(ownerOnB.get("/api/reports/scheduled/history"));
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(history.get(0).get("report_id").asString()).isEqualTo(id);
        assertThat(history.get(0).get("recipients").get(0).asString()).isEqualTo(a);
        assertThat(history.get(0).get("due_at").asString()).isEqualTo("2026-03-31T08:00:00Z");
    }

    @Test
    void manyReportsDueAtOnceEachRunOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String to = unique("race" + i);
            recipients.add(to);
            jdbc.sql("""
                            INSERT INTO scheduled_reports (id, user_id, name, template_id, frequency, recipients, params, timezone, next_run)
                            VALUES (:id, :u, 'Race', 'productivity_analysis', 'weekly', ARRAY[:to], '{"days": 7}', 'UTC', :due)""")
                    .param("id", "race" + System.nanoTime() % 10000).param("u", owner.id()).param("to", to)
                    .param("due", java.sql.Timestamp.from(NOW.minusSeconds(60))).update();
        }
        for (String to : recipients) {
            inbox.awaitMail(to, 1);
        }
        Thread.sleep(1000);
        for (String to : recipients) {
            assertThat(inbox.to(to)).as(to).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_report_runs r JOIN scheduled_reports s ON s.id = r.report_id WHERE s.user_id = :u")
                .param("u", owner.id()).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT DISTINCT next_run FROM scheduled_reports WHERE user_id = :u").param("u", owner.id())
                .query(java.sql.Timestamp.class).list()).extracting(java.sql.Timestamp::toInstant).containsExactly(Instant.parse("2026-04-06T08:00:00Z"));
    }

    @Test
    void aReportThatCanNoLongerRunIsRecordedAsFailedAndNotMailed() {
        String to = unique("fail");
        HttpResponse<String> created = owner.http().post("/api/reports/scheduled", """
                {"name": "Hull by person", "template_id": "project_breakdown", "frequency": "daily", "recipients": ["%s"],
                 "params": {"project_id": %d, "days": 7}, "attachment": "xlsx"}""".formatted(to, project));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(created).get("id").asString();
        jdbc.sql("UPDATE team_members SET role = 'member' WHERE team_id = :t AND user_id = :u").param("t", team).param("u", owner.id()).update();

        clock.set(Instant.parse("2026-03-31T08:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM scheduled_report_runs WHERE report_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        JsonNode history = Http.json(on(nodeA, owner).get("/api/reports/scheduled/history?limit=5"));
        assertThat(history.get(0).get("status").asString()).isEqualTo("failed");
        assertThat(history.get(0).get("error").asString()).isEqualTo("Team admin access required");
        assertThat(inbox.to(to)).isEmpty();

        // it can still be paused; resuming checks it again and says why it cannot run
        Http http = on(nodeA, owner);
        assertThat(Http.json(patch(http, id, "{\"enabled\": false}")).get("enabled").asBoolean()).isFalse();
        assertStatus(patch(http, id, "{\"enabled\": true}"), 403, "Team admin access required");
    }

    private static HttpResponse<String> patch(Http http, String id, String json) {
        return http.send(http.request("/api/reports/scheduled/" + id).method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    @Test
    void schedulesBelongToTheirOwnerAndBadInputIsRefused() {
        String to = unique("x");
        Http o = owner.http();
        assertStatus(o.post("/api/reports/scheduled", body("nope", "daily", "[\"" + to + "\"]", "{}")), 400, "Invalid template ID");
        assertStatus(o.post("/api/reports/scheduled", body("user_activity", "daily", "[\"" + to + "\"]", "{}")), 400, "Invalid template ID");
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "hourly", "[\"" + to + "\"]", "{}")), 400, "Invalid frequency");
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "daily", "[\"not an address\"]", "{}")), 422, null);
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "daily", "[]", "{}")), 422, null);
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "daily", "[\"" + to + "\"]", "{\"week_offset\": \"x\"}")), 422, null);
        assertStatus(o.post("/api/reports/scheduled", body("project_breakdown", "daily", "[\"" + to + "\"]", "{}")), 422, null);
        assertStatus(o.post("/api/reports/scheduled", body("project_breakdown", "daily", "[\"" + to + "\"]", "{\"project_id\": 99999999}")), 404, null);
        assertStatus(member.http().post("/api/reports/scheduled", body("project_breakdown", "daily", "[\"" + to + "\"]", "{\"project_id\": " + project + "}")), 403, null);
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "daily", "[\"" + to + "\"]", "{\"user_id\": " + member.id() + "}")), 200, null);
        assertStatus(member.http().post("/api/reports/scheduled", body("weekly_summary", "daily", "[\"" + to + "\"]", "{\"user_id\": " + owner.id() + "}")), 403, null);
        assertStatus(o.post("/api/reports/scheduled", "{\"name\": \"n\", \"template_id\": \"weekly_summary\", \"frequency\": \"daily\", \"recipients\": [\"" + to
                + "\"], \"timezone\": \"Mars/Olympus\"}"), 422, "timezone: unknown time zone 'Mars/Olympus'");
        assertStatus(o.post("/api/reports/scheduled", "{\"name\": \"n\", \"template_id\": \"weekly_summary\", \"frequency\": \"daily\", \"recipients\": [\"" + to
                + "\"], \"attachment\": \"pdf\"}"), 422, "attachment: must be csv or xlsx, got 'pdf'");
        assertStatus(o.post("/api/reports/scheduled", "{\"name\": 5, \"recipients\": \"x\"}"), 422, null);
        assertStatus(o.post("/api/reports/scheduled", "not json"), 422, null);
        assertStatus(o.post("/api/reports/scheduled", body("weekly_summary", "daily", "[\"" + to + "\"]", "{}").replace("\"name\": \"n\"",
                "\"name\": \"" + "x".repeat(201) + "\"")), 422, "name: at most 200 characters");

        String id = Http.json(o.post("/api/reports/scheduled", body("weekly_summary", "weekly", "[\"" + to + "\"]", "{}"))).get("id").asString();
        Http other = member.http();
        assertStatus(other.get("/api/reports/scheduled/" + id), 404, null);
        assertStatus(other.send(other.request("/api/reports/scheduled/" + id).method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"mine\"}")).header("Content-Type", "application/json").build()), 404, null);
        assertStatus(other.delete("/api/reports/scheduled/" + id), 404, null);
        assertStatus(other.post("/api/reports/scheduled/" + id + "/toggle", ""), 404, null);
        assertStatus(other.get("/api/reports/scheduled/all"), 403, null);
        assertStatus(o.get("/api/reports/scheduled/history?limit=0"), 422, null);
        assertThat(Http.json(other.get("/api/reports/scheduled")).size()).isZero();
        assertThat(Http.json(people.root().get("/api/reports/scheduled/all")).findValuesAsString("id")).contains(id);

        HttpResponse<String> patched = o.send(o.request("/api/reports/scheduled/" + id).method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"frequency\": \"monthly\"}")).header("Content-Type", "application/json").build());
        assertThat(Http.json(patched).get("next_run").asString()).isEqualTo("2026-04-01T08:00:00Z");
        // an admin's change is checked as the owner would run it: the owner cannot report on an outsider
        People.Person outsider = people.create("regular_user");
        assertStatus(patch(people.root(), id, "{\"params\": {\"user_id\": " + outsider.id() + "}}"), 403, "Cannot generate reports for other users");
        assertStatus(o.send(o.request("/api/reports/scheduled/" + id).method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"frequency\": \"hourly\"}")).header("Content-Type", "application/json").build()), 400, "Invalid frequency");
        assertThat(Http.json(o.post("/api/reports/scheduled/" + id + "/toggle", "")).get("enabled").asBoolean()).isFalse();
        assertThat(Http.json(o.delete("/api/reports/scheduled/" + id)).get("message").asString()).isEqualTo("Scheduled report deleted");
        assertStatus(o.get("/api/reports/scheduled/" + id), 404, null);
    }

    private static String body(String template, String frequency, String recipients, String params) {
        return "{\"name\": \"n\", \"template_id\": \"" + template + "\", \"frequency\": \"" + frequency + "\", \"recipients\": " + recipients
                + ", \"params\": " + params + "}";
    }

    private static void assertStatus(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            JsonNode body = Http.json(response);
            assertThat(body.has("error") && body.has("request_id")).as(response.body()).isTrue();
            if (message != null) {
                assertThat(body.get("message").asString()).isEqualTo(message);
            }
        }
    }

    private static Part attachment(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private static String read(Part part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getInputStream().transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
