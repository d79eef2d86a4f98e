package com.timetracker.identity.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.timetracker.support.Http;
import com.timetracker.support.Inbox;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** "Forgot password" end to end over real HTTP and real SMTP: the email, the link, the new password. */
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetTest {

    static final String ROOT = "root@example.com";
    static final String ROOT_PASSWORD = "Root-Harbor-7-Lamp";
    static final String PASSWORD = "Quiet-River-4-Stone";
    static final String NEW_PASSWORD = "Amber-Field-9-Crane";
    static final String PUBLIC_URL = "https://tt.example.com/app";
    static final Pattern LINK = Pattern.compile("(" + Pattern.quote(PUBLIC_URL) + "/reset-password\\?token=[A-Za-z0-9_-]+)");
    static final Pattern TOKEN = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");

    static Inbox inbox;
    static ConfigurableApplicationContext app;
    static JdbcClient jdbc;
    static int port;
    static Http root;

    @BeforeAll
    static void start() {
        inbox = new Inbox();
        List<String> settings = new ArrayList<>(List.of(
                "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("resets")),
                "FIRST_SUPER_ADMIN_EMAIL=" + ROOT, "FIRST_SUPER_ADMIN_PASSWORD=" + ROOT_PASSWORD, "PUBLIC_URL=" + PUBLIC_URL));
        settings.addAll(List.of(inbox.appSettings()));
        app = TestApp.start(settings.toArray(String[]::new));
        jdbc = app.getBean(JdbcClient.class);
        port = TestApp.port(app);
        root = new Http(port).as(new Http(port).login(ROOT, ROOT_PASSWORD).get("access_token").asString());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        inbox.close();
    }

    private static Http http() {
        return new Http(port);
    }

    /** A fresh account with {@link #PASSWORD}; returns its email. */
    private static String newUser(String name) {
        String email = name + "-" + System.nanoTime() + "@example.com";
        var created = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return email;
    }

    private static HttpResponse<String> forgot(String email) {
        return http().post("/api/auth/forgot-password", "{\"email\": \"" + email + "\"}");
    }

    /** Asks for a reset and returns the token from the n-th reset mail to that address. */
    private static String resetToken(String email, int n) {
        assertThat(forgot(email).statusCode()).isEqualTo(200);
        return Inbox.find(inbox.awaitMail(email, n), TOKEN);
    }

    private static HttpResponse<String> reset(String token, String password) {
        return http().post("/api/auth/reset-password", "{\"token\": \"" + token + "\", \"new_password\": \"" + password + "\"}");
    }

    private static int login(String email, String password) {
        return http().post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}").statusCode();
    }

    @Test
    void theEmailedLinkChangesThePassword() {
        String email = newUser("forgetful");
        var answer = forgot(email.toUpperCase());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.json(answer).get("message").asString()).isEqualTo("If the email exists, a reset link has been sent");

        MimeMessage mail = inbox.awaitMail(email, 1);
        assertThat(Inbox.subject(mail)).isEqualTo("Reset your TimeTracker password");
        assertThat(Inbox.find(mail, LINK)).startsWith(PUBLIC_URL + "/reset-password?token=");
        String token = Inbox.find(mail, TOKEN);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        var check = http().get("/api/auth/verify-reset-token/" + token);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(Http.json(check).get("valid").asBoolean()).isTrue();
        assertThat(Http.json(check).get("email").asString()).isEqualTo(email);

        var done = reset(token, NEW_PASSWORD);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Http.json(done).get("message").asString()).isEqualTo("Password reset successfully");
        assertThat(login(email, PASSWORD)).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void aResetLinkWorksOnlyOnce() {
        String email = newUser("once");
        String token = resetToken(email, 1);
        assertThat(reset(token, NEW_PASSWORD).statusCode()).isEqualTo(200);

        var again = reset(token, "Other-Lake-8-Cloud");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.json(again).get("error").asString()).isEqualTo("invalid_token");
        assertThat(http().get("/api/auth/verify-reset-token/" + token).statusCode()).isEqualTo(400);
        assertThat(login(email, "Other-Lake-8-Cloud")).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void aResetSignsTheAccountOutEverywhere() {
        String email = newUser("sessions");
        JsonNode laptop = http().login(email, PASSWORD);
        JsonNode phone = http().login(email, PASSWORD);
        String token = resetToken(email, 1);

        assertThat(reset(token, NEW_PASSWORD).statusCode()).isEqualTo(200);

        assertThat(http().as(laptop.get("access_token").asString()).get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(http().as(phone.get("access_token").asString()).get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(http().post("/api/auth/refresh", "{\"refresh_token\": \"" + phone.get("refresh_token").asString() + "\"}").statusCode())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :e AND s.revoked_at IS NULL")
                .param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void unknownAndKnownEmailsGetTheSameAnswerAndUnknownOnesGetNoMail() {
        String unknown = "nobody-" + System.nanoTime() + "@example.com";
        String known = newUser("known");

        var forUnknown = forgot(unknown);
        var forKnown = forgot(known);

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        inbox.awaitMail(known, 1); // mail goes out in queue order: had the first been queued, it would be here too
        assertThat(inbox.to(unknown)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r").param("r", unknown).query(Long.class).single()).isZero();
    }

    @Test
    void aDeactivatedAccountGetsTheSameAnswerAndNoMail() {
        String email = newUser("inactive");
        long id = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
        assertThat(root.delete("/api/users/" + id).statusCode()).isEqualTo(200);
        String witness = newUser("witness");

        var answer = forgot(email);
        forgot(witness);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.json(answer).get("message").asString()).isEqualTo("If the email exists, a reset link has been sent");
        inbox.awaitMail(witness, 1);
        assertThat(inbox.to(email)).isEmpty();
    }

    @Test
    void theLinkExpiresAfterOneHour() {
        String email = newUser("late");
        String token = resetToken(email, 1);
        Instant expires = jdbc.sql("SELECT t.expires_at FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = :e")
                .param("e", email).query(Instant.class).single();
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));

        jdbc.sql("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = :e)")
                .param("e", email).update();

        assertThat(http().get("/api/auth/verify-reset-token/" + token).statusCode()).isEqualTo(400);
        var late = reset(token, NEW_PASSWORD);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(Http.json(late).get("message").asString()).isEqualTo("Invalid or expired reset token");
        assertThat(login(email, NEW_PASSWORD)).isEqualTo(401);
        assertThat(login(email, PASSWORD)).isEqualTo(200);
    }

    @Test
    void askingAgainReplacesTheEarlierLink() {
        String email = newUser("twice");
        String first = resetToken(email, 1);
        String second = resetToken(email, 2);

        assertThat(first).isNotEqualTo(second);
        assertThat(reset(first, NEW_PASSWORD).statusCode()).isEqualTo(400);
        assertThat(reset(second, NEW_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndARefusalLeavesTheLinkUsable() {
        String email = newUser("policy");
        String token = resetToken(email, 1);

        var weak = reset(token, "password1");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Http.json(weak).get("error").asString()).isEqualTo("password_validation_error");
        assertThat(Http.json(weak).get("details").get("requirements").size()).isGreaterThanOrEqualTo(2);
        assertThat(login(email, PASSWORD)).isEqualTo(200);

        assertThat(reset(token, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(login(email, NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void aResetLiftsTheSignInLockOfTheAccount() {
        String email = newUser("locked");
        for (int i = 0; i < 5; i++) {
            login(email, "wrong-guess-" + i);
        }
        assertThat(login(email, PASSWORD)).isEqualTo(423);

        assertThat(reset(resetToken(email, 1), NEW_PASSWORD).statusCode()).isEqualTo(200);

        assertThat(login(email, NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void theTokenNeverAppearsInTheLog(CapturedOutput output) {
        String email = newUser("quiet");
        String token = resetToken(email, 1);
        http().get("/api/auth/verify-reset-token/" + token);
        reset(token, "password1");
        reset(token, NEW_PASSWORD);
        reset(token, NEW_PASSWORD);
        http().get("/api/auth/verify-reset-token/" + token);
        await(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND status = 'sent'").param("r", email)
                .query(Long.class).single() == 1);

        assertThat(output.getAll()).contains(email).doesNotContain(token);
        assertThat(jdbc.sql("SELECT coalesce(string_agg(coalesce(details, '') || coalesce(new_values::text, ''), ' '), '') FROM audit_logs")
                .query(String.class).single()).doesNotContain(token);
    }

    @Test
    void requestsAndResetsAreAuditedWithAddressAndAgent() {
        String email = newUser("audited");
        String unknown = "ghost-" + System.nanoTime() + "@example.com";
        http().post("/api/auth/forgot-password", "{\"email\": \"" + unknown + "\"}", "User-Agent", "Probe/1");
        assertThat(http().post("/api/auth/forgot-password", "{\"email\": \"" + email + "\"}", "User-Agent", "Mailer/2").statusCode()).isEqualTo(200);
        String token = Inbox.find(inbox.awaitMail(email, 1), TOKEN);
        http().post("/api/auth/reset-password", "{\"token\": \"" + token + "\", \"new_password\": \"" + NEW_PASSWORD + "\"}", "User-Agent", "Browser/3");

        long id = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
        assertThat(audit("PASSWORD_RESET_REQUEST", unknown)).containsExactly("- 127.0.0.1 Probe/1");
        assertThat(audit("PASSWORD_RESET_REQUEST", email)).containsExactly(id + " 127.0.0.1 Mailer/2");
        assertThat(audit("PASSWORD_RESET", email)).containsExactly(id + " 127.0.0.1 Browser/3");
    }

    /** Audit rows of this action by this (claimed) email: "resource-id ip agent". */
    private static List<String> audit(String action, String email) {
        return jdbc.sql("""
                        SELECT coalesce(resource_id::text, '-') || ' ' || coalesce(ip_address, '-') || ' ' || coalesce(user_agent, '-')
                        FROM audit_logs WHERE action = :a AND lower(user_email) = lower(:e) ORDER BY id""")
                .param("a", action).param("e", email).query(String.class).list();
    }

    @Test
    void badInputToEveryResetEndpointIsA4xxWithAnErrorBodyAndWritesNothing() {
        String email = newUser("untouched");
        String hashBefore = jdbc.sql("SELECT password_hash FROM users WHERE email = :e").param("e", email).query(String.class).single();
        long tokensBefore = jdbc.sql("SELECT count(*) FROM password_reset_tokens").query(Long.class).single();
        long mailBefore = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        String[] forgets = {
                "{\"email\": ",
                "[\"" + email + "\"]",
                "{}",
                "{\"email\": null}",
                "{\"email\": 42}",
                "{\"email\": \"not-an-email\"}",
                "{\"email\": \"" + "a".repeat(250) + "@example.com\"}",
                "{\"email\": {\"address\": \"" + email + "\"}}"};
        for (String body : forgets) {
            expectError(http().post("/api/auth/forgot-password", body), body);
        }
        String[] resets = {
                "{\"token\": ",
                "\"just a string\"",
                "{}",
                "{\"token\": \"abc\"}",
                "{\"new_password\": \"" + NEW_PASSWORD + "\"}",
                "{\"token\": 12345, \"new_password\": \"" + NEW_PASSWORD + "\"}",
                "{\"token\": \"abc\", \"new_password\": [\"" + NEW_PASSWORD + "\"]}",
                "{\"token\": \"" + "t".repeat(5000) + "\", \"new_password\": \"" + NEW_PASSWORD + "\"}",
                "{\"token\": \"abc\", \"new_password\": \"" + "P-4a".repeat(300) + "\"}",
                "{\"token\": \"unknown-token-that-was-never-issued\", \"new_password\": \"" + NEW_PASSWORD + "\"}"};
        for (String body : resets) {
            expectError(http().post("/api/auth/reset-password", body), body);
        }
        expectError(http().get("/api/auth/verify-reset-token/unknown-token-that-was-never-issued"), "verify unknown");
        expectError(http().get("/api/auth/verify-reset-token/" + "t".repeat(2000)), "verify long");
        expectError(http().get("/api/auth/verify-reset-token/%20"), "verify blank");

        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = :e").param("e", email).query(String.class).single()).isEqualTo(hashBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset_tokens").query(Long.class).single()).isEqualTo(tokensBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(mailBefore);
    }

    private static void expectError(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isBetween(400, 422);
        JsonNode body = Http.json(response);
        assertThat(body.has("error")).as(what).isTrue();
        assertThat(body.has("message")).as(what).isTrue();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(condition);
    }
}
