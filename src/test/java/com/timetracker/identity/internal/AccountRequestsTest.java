package com.timetracker.identity.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.timetracker.support.Http;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * V1's /api/account-requests (reference §3.21, §6.7) with V2's fixes: re-applying after a decision,
 * emails at every step (through a real SMTP server), literal search, 401/403, the audit trail.
 */
class AccountRequestsTest {

    static final String ROOT = "root@example.com";
    static final String ROOT_PASSWORD = "Root-Harbor-7-Lamp";
    static final String PASSWORD = "Quiet-River-4-Stone";
    /** Each submission comes from its own client address (through the trusted loopback proxy), as separate visitors would. */
    static final AtomicInteger VISITOR = new AtomicInteger();

    static GreenMail smtp;
    static ConfigurableApplicationContext app;
    static JdbcClient jdbc;
    static int port;
    static Http root;

    @BeforeAll
    static void start() throws IOException {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("account_requests")),
                "FIRST_SUPER_ADMIN_EMAIL=" + ROOT, "FIRST_SUPER_ADMIN_PASSWORD=" + ROOT_PASSWORD,
                "SMTP_SERVER=127.0.0.1", "SMTP_PORT=" + smtpPort, "SMTP_TLS=false", "PUBLIC_URL=https://tt.example.com",
                "timetracker.mail.poll-interval=100ms");
        jdbc = app.getBean(JdbcClient.class);
        port = TestApp.port(app);
        root = signIn(ROOT, ROOT_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }

    @Test
    void aVisitorSubmitsAndTheRequestIsStoredPendingWithLowerCasedEmailCleanTextAddressAndAgent() {
        String email = "Ana.Lopez-" + System.nanoTime() + "@Example.com";
        Instant before = Instant.now().minusSeconds(1);
        var response = new Http(port).post("/api/account-requests", "{\"email\": \"" + email + "\", \"name\": \" Ana\\u0000 Lopez\\n\","
                        + " \"phone\": \"+1 555\\u0007 0100\", \"job_title\": \"QA\\tEngineer\", \"department\": \"Quality\","
                        + " \"message\": \"Hello,\\r\\nI start Monday.\\u001b[31m\"}",
                "X-Forwarded-For", "203.0.113.77", "User-Agent", "Browser/1.0");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Http.json(response);
        assertThat(body.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(body.get("name").asString()).isEqualTo("Ana Lopez");
        assertThat(body.get("phone").asString()).isEqualTo("+1 555 0100");
        assertThat(body.get("job_title").asString()).isEqualTo("QA Engineer");
        assertThat(body.get("message").asString()).isEqualTo("Hello,\nI start Monday.[31m");
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("reviewed_at").isNull()).isTrue();
        assertThat(body.get("reviewed_by").isNull()).isTrue();
        assertThat(body.get("admin_notes").isNull()).isTrue();
        assertThat(body.has("ip_address")).as("V1 never returned the address").isFalse();
        String submittedAt = body.get("submitted_at").asString();
        assertThat(submittedAt).endsWith("Z");
        assertThat(Instant.parse(submittedAt)).isBetween(before, Instant.now().plusSeconds(1));

        Map<String, Object> row = jdbc.sql("SELECT ip_address, user_agent, submitted_at FROM account_requests WHERE id = :id")
                .param("id", body.get("id").asLong()).query().singleRow();
        assertThat(row).containsEntry("ip_address", "203.0.113.77").containsEntry("user_agent", "Browser/1.0");
        // V1's column has no time zone: it holds the UTC wall-clock time.
        assertThat(((java.sql.Timestamp) row.get("submitted_at")).toLocalDateTime())
                .isEqualTo(LocalDateTime.ofInstant(Instant.parse(submittedAt), ZoneOffset.UTC));
    }

    @Test
    void optionalFieldsLeftOutOrEmptyAreNull() {
        JsonNode body = Http.json(submit("{\"email\": \"" + unique("min") + "\", \"name\": \"Min\", \"phone\": \"\", \"message\": \" \"}"));
        assertThat(body.get("phone").isNull()).isTrue();
        assertThat(body.get("job_title").isNull()).isTrue();
        assertThat(body.get("department").isNull()).isTrue();
        assertThat(body.get("message").isNull()).isTrue();
    }

    @Test
    void anEmailThatAlreadyHasAnAccountIsRefusedWhateverItsCase() {
        long before = count("account_requests");
        var response = submitRaw("{\"email\": \"ROOT@Example.com\", \"name\": \"Impostor\"}");
        assertRefused(response, 400, "An account with this email address already exists");
        assertThat(count("account_requests")).isEqualTo(before);
    }

    @Test
    void aSecondPendingRequestForTheSameEmailIsRefusedWhateverItsCase() {
        String email = unique("twice");
        submit("{\"email\": \"" + email + "\", \"name\": \"Twice\"}");
        var second = submitRaw("{\"email\": \"" + email.toUpperCase() + "\", \"name\": \"Twice Again\"}");
        assertRefused(second, 400, "There is already a pending account request for this email address");
        assertThat(jdbc.sql("SELECT count(*) FROM account_requests WHERE email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void simultaneousRequestsForOneEmailGiveOneRequestAndNoServerError() throws Exception {
        String email = unique("race");
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return submitRaw("{\"email\": \"" + email + "\", \"name\": \"Racer\"}").statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
        assertThat(jdbc.sql("SELECT count(*) FROM account_requests WHERE email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRejectedRequesterMayApplyAgain() {
        String email = unique("again");
        long first = Http.json(submit("{\"email\": \"" + email + "\", \"name\": \"Again\"}")).get("id").asLong();
        assertThat(root.post("/api/account-requests/" + first + "/reject", "{}").statusCode()).isEqualTo(200);

        var second = submit("{\"email\": \"" + email + "\", \"name\": \"Again\", \"message\": \"Please reconsider\"}");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT status FROM account_requests WHERE email = :e ORDER BY id").param("e", email).query(String.class).list())
                .containsExactly("rejected", "pending");
    }

    @Test
    void everyActiveAdministratorHearsOfANewRequest() {
        String admin = createUser("admin");
        String inactiveAdmin = createUser("admin");
        jdbc.sql("UPDATE users SET is_active = false WHERE email = :e").param("e", inactiveAdmin).update();
        String manager = createUser("manager");
        String name = "Newcomer " + System.nanoTime();

        submit("{\"email\": \"" + unique("newcomer") + "\", \"name\": \"" + name + "\", \"message\": \"I'd like to join\"}");

        String subject = "New account request from " + name;
        await().atMost(Duration.ofSeconds(10)).until(() -> recipients(subject).containsAll(List.of(ROOT, admin)));
        MimeMessage mail = received(subject).get(0);
        assertThat(text(mail)).contains(name).contains("I'd like to join").contains("https://tt.example.com/account-requests");
        assertThat(recipients(subject)).doesNotContain(inactiveAdmin, manager).doesNotHaveDuplicates();
    }

    @Test
    void adminsListNewestFirstFilterByStatusAndSearchNameOrEmailLiterally() {
        String marker = "mk" + System.nanoTime();
        long a = id(submit("{\"email\": \"" + marker + "a@example.com\", \"name\": \"" + marker + " 100% sure\"}"));
        long b = id(submit("{\"email\": \"" + marker + "b@example.com\", \"name\": \"" + marker + " 1000 sure\"}"));
        long c = id(submit("{\"email\": \"" + marker + "_c@example.com\", \"name\": \"Carl\"}"));
        root.post("/api/account-requests/" + b + "/reject", "{}");

        JsonNode all = Http.json(root.get("/api/account-requests?search=" + marker.toUpperCase()));
        assertThat(all.get("items").findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(c, b, a);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(Http.json(root.get("/api/account-requests?search=" + marker + "%20100%25")).get("total").asLong())
                .as("%% matches only itself").isEqualTo(1);
        assertThat(Http.json(root.get("/api/account-requests?search=" + marker + "_")).get("items").findValues("id").stream()
                .map(JsonNode::asLong).toList()).as("_ matches only itself, here in the email").containsExactly(c);
        assertThat(Http.json(root.get("/api/account-requests?search=" + marker + "&status=rejected")).get("items").findValues("id")
                .stream().map(JsonNode::asLong).toList()).containsExactly(b);
        JsonNode page = Http.json(root.get("/api/account-requests?search=" + marker + "&status=pending&page=2&page_size=1"));
        assertThat(page.get("items").findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(a);
        assertThat(page.get("pages").asLong()).isEqualTo(2);
        assertThat(Http.json(root.get("/api/account-requests?search=" + marker + "&size=1")).get("page_size").asInt()).isEqualTo(1);

        var invalid = root.get("/api/account-requests?status=archived");
        assertRefused(invalid, 400, "Invalid status filter");
    }

    @Test
    void adminsOpenOneRequestAndAnUnknownOneIs404() {
        String email = unique("one");
        long id = id(submit("{\"email\": \"" + email + "\", \"name\": \"One\", \"department\": \"Ops\"}"));

        JsonNode one = Http.json(root.get("/api/account-requests/" + id));
        assertThat(one.get("email").asString()).isEqualTo(email);
        assertThat(one.get("department").asString()).isEqualTo("Ops");
        assertRefused(root.get("/api/account-requests/987654321"), 404, "Account request not found");
    }

    @Test
    void timesWrittenByV1AreReturnedAsUtcInstants() {
        long id = jdbc.sql("""
                        INSERT INTO account_requests (email, name, status, submitted_at, reviewed_at)
                        VALUES (:e, 'From V1', 'rejected', '2025-05-30 16:42:10', '2025-06-01 09:00:00') RETURNING id""")
                .param("e", unique("v1")).query(Long.class).single();

        JsonNode body = Http.json(root.get("/api/account-requests/" + id));
        assertThat(body.get("submitted_at").asString()).isEqualTo("2025-05-30T16:42:10Z");
        assertThat(body.get("reviewed_at").asString()).isEqualTo("2025-06-01T09:00:00Z");
    }

    @Test
    void approvingReturnsThePrefillDataRecordsTheDecisionAndEmailsTheRequester() {
        String email = unique("approved");
        long id = id(submit("{\"email\": \"" + email + "\", \"name\": \"Pia Approved\", \"phone\": \"+44 20 7946 0000\","
                + " \"job_title\": \"Designer\", \"department\": \"Design\"}"));

        var response = root.post("/api/account-requests/" + id + "/approve", "{\"admin_notes\": \"Starts in June\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("request_id").asLong()).isEqualTo(id);
        JsonNode prefill = body.get("prefill_data");
        assertThat(prefill.get("name").asString()).isEqualTo("Pia Approved");
        assertThat(prefill.get("email").asString()).isEqualTo(email);
        assertThat(prefill.get("phone").asString()).isEqualTo("+44 20 7946 0000");
        assertThat(prefill.get("job_title").asString()).isEqualTo("Designer");
        assertThat(prefill.get("department").asString()).isEqualTo("Design");

        JsonNode stored = Http.json(root.get("/api/account-requests/" + id));
        assertThat(stored.get("status").asString()).isEqualTo("approved");
        assertThat(stored.get("reviewed_by").asLong()).isEqualTo(rootId());
        assertThat(stored.get("admin_notes").asString()).isEqualTo("Starts in June");
        assertThat(Instant.parse(stored.get("reviewed_at").asString())).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single())
                .as("the staff wizard creates the user, not the approval").isZero();

        MimeMessage mail = awaitMailTo(email, "Your TimeTracker account request was approved");
        assertThat(text(mail)).contains("Hello Pia Approved").contains("https://tt.example.com/login").doesNotContain("Starts in June");

        assertRefused(root.post("/api/account-requests/" + id + "/approve", "{}"), 400, "Request already approved");
        assertRefused(root.post("/api/account-requests/" + id + "/reject", "{}"), 400, "Request already approved");
    }

    @Test
    void rejectingRecordsTheDecisionAndEmailsTheRequester() {
        String email = unique("rejected");
        long id = id(submit("{\"email\": \"" + email + "\", \"name\": \"Rex\"}"));

        var response = root.post("/api/account-requests/" + id + "/reject", "{\"admin_notes\": \"Not an employee\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("status").asString()).isEqualTo("rejected");
        assertThat(body.get("admin_notes").asString()).isEqualTo("Not an employee");
        assertThat(body.get("reviewed_by").asLong()).isEqualTo(rootId());
        assertThat(body.get("reviewed_at").asString()).endsWith("Z");
        MimeMessage mail = awaitMailTo(email, "Your TimeTracker account request");
        assertThat(text(mail)).contains("Hello Rex").contains("was not approved").doesNotContain("Not an employee");

        assertRefused(root.post("/api/account-requests/" + id + "/reject", "{}"), 400, "Request already rejected");
        assertThat(Http.json(root.get("/api/account-requests/" + id)).get("admin_notes").asString()).isEqualTo("Not an employee");
    }

    @Test
    void anAdminDeletesARequestInAnyStatus() {
        long pending = id(submit("{\"email\": \"" + unique("del-p") + "\", \"name\": \"Del\"}"));
        long approved = id(submit("{\"email\": \"" + unique("del-a") + "\", \"name\": \"Del\"}"));
        root.post("/api/account-requests/" + approved + "/approve", "{}");

        for (long id : new long[] {pending, approved}) {
            var deleted = root.delete("/api/account-requests/" + id);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(root.get("/api/account-requests/" + id).statusCode()).isEqualTo(404);
        }
        assertRefused(root.delete("/api/account-requests/" + pending), 404, "Account request not found");
    }

    @Test
    void onlyAdministratorsReviewOthersGet403AndAnonymousCallers401() {
        long id = id(submit("{\"email\": \"" + unique("guarded") + "\", \"name\": \"Guarded\"}"));
        Http admin = signIn(createUser("admin"), PASSWORD);
        assertThat(admin.get("/api/account-requests/" + id).statusCode()).isEqualTo(200);

        for (Http outsider : List.of(signIn(createUser("regular_user"), PASSWORD), signIn(createUser("manager"), PASSWORD))) {
            assertRefused(outsider.get("/api/account-requests"), 403, "Admin access required");
            assertRefused(outsider.get("/api/account-requests/" + id), 403, "Admin access required");
            assertRefused(outsider.post("/api/account-requests/" + id + "/approve", "{}"), 403, "Admin access required");
            assertRefused(outsider.post("/api/account-requests/" + id + "/reject", "{}"), 403, "Admin access required");
            assertRefused(outsider.delete("/api/account-requests/" + id), 403, "Admin access required");
        }
        Http anonymous = new Http(port);
        for (var response : List.of(anonymous.get("/api/account-requests"), anonymous.get("/api/account-requests/" + id),
                anonymous.post("/api/account-requests/" + id + "/approve", "{}"), anonymous.post("/api/account-requests/" + id + "/reject", "{}"),
                anonymous.delete("/api/account-requests/" + id))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Http.json(response).get("error").asString()).isEqualTo("authentication_error");
        }
        assertThat(Http.json(root.get("/api/account-requests/" + id)).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void submissionAndEveryDecisionAreAuditedWithActorAddressAndAgent() {
        String email = unique("audited");
        long first = id(submit("{\"email\": \"" + email + "\", \"name\": \"Audited\"}"));
        String[] agent = {"User-Agent", "AdminConsole/2"};
        root.post("/api/account-requests/" + first + "/reject", "{\"admin_notes\": \"Duplicate\"}", agent);
        long second = id(submit("{\"email\": \"" + email + "\", \"name\": \"Audited\"}"));
        root.post("/api/account-requests/" + second + "/approve", "{}", agent);
        root.delete("/api/account-requests/" + second, agent);

        List<Map<String, Object>> trail = jdbc.sql("""
                        SELECT action, resource_id, user_id, user_email, ip_address, user_agent, details FROM audit_logs
                        WHERE resource_type = 'account_request' AND resource_id IN (:ids) ORDER BY id""")
                .param("ids", List.of(first, second)).query().listOfRows();
        assertThat(trail).extracting(r -> r.get("action") + " " + r.get("resource_id")).containsExactly(
                "ACCOUNT_REQUEST_SUBMIT " + first, "REJECT " + first, "ACCOUNT_REQUEST_SUBMIT " + second, "APPROVE " + second,
                "DELETE " + second);
        Map<String, Object> submitted = trail.get(0);
        assertThat(submitted.get("user_id")).as("the visitor is anonymous").isNull();
        assertThat(submitted.get("user_email")).isEqualTo(email);
        assertThat((String) submitted.get("ip_address")).startsWith("198.51.100.");
        for (Map<String, Object> decision : List.of(trail.get(1), trail.get(3), trail.get(4))) {
            assertThat(((Number) decision.get("user_id")).longValue()).isEqualTo(rootId());
            assertThat(decision).containsEntry("user_email", ROOT).containsEntry("ip_address", "127.0.0.1")
                    .containsEntry("user_agent", "AdminConsole/2");
        }
        assertThat((String) trail.get(1).get("details")).contains("Duplicate");
    }

    @Test
    void badInputToEveryEndpointIsA4xxWithAnErrorBodyAndWritesNothing() {
        long pending = id(submit("{\"email\": \"" + unique("untouched") + "\", \"name\": \"Untouched\"}"));
        long requests = count("account_requests");
        long audits = count("audit_logs");
        long mails = count("mail_outbox");
        String ok = "\"email\": \"" + unique("bad") + "\", \"name\": \"Bad\"";

        String[] submissions = {
                "{\"email\": ", "[1, 2]", "null", "", "\"text\"",
                "{\"name\": \"No Email\"}", "{\"email\": \"" + unique("noname") + "\"}",
                "{\"email\": [\"a@example.com\"], \"name\": \"X\"}", "{" + ok.replace("\"Bad\"", "{\"first\": \"B\"}") + "}",
                "{" + ok + ", \"phone\": [1]}",
                "{\"email\": \"not-an-email\", \"name\": \"X\"}", "{\"email\": \"nodot@localhost\", \"name\": \"X\"}",
                "{\"email\": \"" + "e".repeat(250) + "@example.com\", \"name\": \"X\"}",
                "{\"email\": \"" + unique("blank") + "\", \"name\": \"   \"}",
                "{\"email\": \"" + unique("controls") + "\", \"name\": \"\\u0000\\u0007\"}",
                "{" + ok.replace("\"Bad\"", "\"" + "n".repeat(256) + "\"") + "}",
                "{" + ok + ", \"phone\": \"" + "1".repeat(51) + "\"}",
                "{" + ok + ", \"job_title\": \"" + "j".repeat(256) + "\"}",
                "{" + ok + ", \"department\": \"" + "d".repeat(256) + "\"}",
                "{" + ok + ", \"message\": \"" + "m".repeat(501) + "\"}"};
        for (String body : submissions) {
            assertError(submitRaw(body), body);
        }
        assertError(new Http(port).send(new Http(port).request("/api/account-requests", "Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=a@example.com")).build()), "form body");

        for (String query : List.of("status=archived", "status=PENDING", "page=0", "page=abc", "page_size=101", "size=0",
                "search=" + "s".repeat(256))) {
            assertError(root.get("/api/account-requests?" + query), query);
        }
        assertThat(root.get("/api/account-requests?search=%00%07").statusCode()).as("control characters in a search").isEqualTo(200);

        for (String id : List.of("987654321", "abc", "99999999999999999999", "-1", "1.5")) {
            assertError(root.get("/api/account-requests/" + id), "get " + id);
            assertError(root.delete("/api/account-requests/" + id), "delete " + id);
            assertError(root.post("/api/account-requests/" + id + "/approve", "{}"), "approve " + id);
            assertError(root.post("/api/account-requests/" + id + "/reject", "{}"), "reject " + id);
        }
        for (String action : List.of("approve", "reject")) {
            for (String body : List.of("{\"admin_notes\": ", "[]", "\"notes\"", "{\"admin_notes\": [\"x\"]}", "{\"admin_notes\": {\"a\": 1}}",
                    "{\"admin_notes\": \"" + "a".repeat(1001) + "\"}")) {
                assertError(root.post("/api/account-requests/" + pending + "/" + action, body), action + " " + body);
            }
        }

        JsonNode untouched = Http.json(root.get("/api/account-requests/" + pending));
        assertThat(untouched.get("status").asString()).isEqualTo("pending");
        assertThat(untouched.get("reviewed_at").isNull()).isTrue();
        assertThat(count("account_requests")).isEqualTo(requests);
        assertThat(count("audit_logs")).isEqualTo(audits);
        assertThat(count("mail_outbox")).isEqualTo(mails);
    }

    // --- helpers ---

    private static void assertError(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isBetween(400, 499);
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asString()).as(what).isNotBlank();
        assertThat(body.get("message").asString()).as(what).isNotBlank();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response).get("message").asString()).isEqualTo(message);
        assertThat(Http.json(response).get("detail").asString()).isEqualTo(message);
    }

    private static HttpResponse<String> submit(String json) {
        HttpResponse<String> response = submitRaw(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static HttpResponse<String> submitRaw(String json) {
        int visitor = VISITOR.incrementAndGet();
        return new Http(port).post("/api/account-requests", json,
                "X-Forwarded-For", "198.51.100." + (visitor % 250 + 1), "User-Agent", "Visitor/" + visitor);
    }

    private static long id(HttpResponse<String> response) {
        return Http.json(response).get("id").asLong();
    }

    private static String unique(String prefix) {
        return prefix.toLowerCase() + "-" + System.nanoTime() + "@example.com";
    }

    private static long count(String tableAndCondition) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
    }

    private static long rootId() {
        return jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", ROOT).query(Long.class).single();
    }

    private static String createUser(String role) {
        String email = unique(role);
        var response = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"A "
                + role + "\", \"role\": \"" + role + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return email;
    }

    private static Http signIn(String email, String password) {
        return new Http(port).as(new Http(port).login(email, password).get("access_token").asString());
    }

    private static MimeMessage awaitMailTo(String recipient, String subject) {
        await().atMost(Duration.ofSeconds(10)).until(() -> recipients(subject).contains(recipient));
        return received(subject).stream().filter(m -> recipientsOf(m).contains(recipient)).findFirst().orElseThrow();
    }

    private static List<MimeMessage> received(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> recipients(String subject) {
        return received(subject).stream().flatMap(m -> recipientsOf(m).stream()).toList();
    }

    private static List<String> recipientsOf(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, wherever the message keeps it. */
    private static String text(MimeMessage mail) {
        try {
            return plainText(mail.getContent(), mail.getContentType()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Object content, String type) throws IOException, MessagingException {
        if (content instanceof jakarta.mail.internet.MimeMultipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType()));
            }
            return text.toString();
        }
        return type.toLowerCase().startsWith("text/plain") ? content.toString() : "";
    }
}
