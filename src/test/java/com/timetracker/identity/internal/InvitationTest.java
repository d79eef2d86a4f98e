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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invitations end to end over real HTTP and real SMTP: invite, email, verify, accept, cancel, expiry. */
class InvitationTest {

    static final String ROOT = "root@example.com";
    static final String ROOT_PASSWORD = "Root-Harbor-7-Lamp";
    static final String PASSWORD = "Quiet-River-4-Stone";
    static final String PUBLIC_URL = "https://tt.example.com/app";
    static final Pattern LINK = Pattern.compile("(" + Pattern.quote(PUBLIC_URL) + "/accept-invite\\?token=[A-Za-z0-9_-]+)");
    static final Pattern TOKEN = Pattern.compile("/accept-invite\\?token=([A-Za-z0-9_-]+)");

    static Inbox inbox;
    static ConfigurableApplicationContext app;
    static JdbcClient jdbc;
    static int port;
    static Http root;

    @BeforeAll
    static void start() {
        inbox = new Inbox();
        List<String> settings = new ArrayList<>(List.of(
                "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("invitations")),
                "FIRST_SUPER_ADMIN_EMAIL=" + ROOT, "FIRST_SUPER_ADMIN_PASSWORD=" + ROOT_PASSWORD, "PUBLIC_URL=" + PUBLIC_URL));
        settings.addAll(List.of(inbox.appSettings()));
        app = TestApp.start(settings.toArray(String[]::new));
        jdbc = app.getBean(JdbcClient.class);
        port = TestApp.port(app);
        root = signIn(ROOT, ROOT_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        inbox.close();
    }

    private static Http signIn(String email, String password) {
        return new Http(port).as(new Http(port).login(email, password).get("access_token").asString());
    }

    private static String newEmail(String name) {
        return name + "-" + System.nanoTime() + "@example.com";
    }

    private static HttpResponse<String> invite(Http as, String email, String role) {
        return as.post("/api/auth/invite", "{\"email\": \"" + email + "\"" + (role == null ? "" : ", \"role\": \"" + role + "\"") + "}");
    }

    /** Invites as root and returns the token from the n-th mail to that address. */
    private static String invited(String email, String role, int n) {
        var response = invite(root, email, role);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Inbox.find(inbox.awaitMail(email, n), TOKEN);
    }

    private static HttpResponse<String> accept(String token, String name, String password) {
        return new Http(port).post("/api/auth/accept-invite",
                "{\"token\": \"" + token + "\", \"name\": \"" + name + "\", \"password\": \"" + password + "\"}");
    }

    /** A signed-in user of this role, created directly by root. */
    private static Http user(String role) {
        String email = newEmail(role);
        var created = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"N\", \"role\": \"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return signIn(email, PASSWORD);
    }

    private static long users(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:e)").param("e", email).query(Long.class).single();
    }

    @Test
    void anInvitationIsEmailedWithAPublicUrlLinkAndAcceptingCreatesTheUserAndSignsThemIn() {
        String email = newEmail("newcomer");
        var response = invite(root, email.toUpperCase(), "manager");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("email").asString()).isEqualTo(email);
        assertThat(body.get("role").asString()).isEqualTo("manager");
        assertThat(Instant.parse(body.get("expires_at").asString())).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        assertThat(body.has("token")).as("the token goes by email only").isFalse();
        assertThat(body.has("invite_url")).isFalse();

        MimeMessage mail = inbox.awaitMail(email, 1);
        assertThat(Inbox.subject(mail)).isEqualTo("You are invited to TimeTracker");
        assertThat(Inbox.text(mail)).contains("as manager");
        assertThat(Inbox.find(mail, LINK)).startsWith(PUBLIC_URL + "/accept-invite?token=");
        String token = Inbox.find(mail, TOKEN);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        var check = new Http(port).get("/api/auth/verify-invite-token/" + token);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(Http.json(check).get("valid").asBoolean()).isTrue();
        assertThat(Http.json(check).get("email").asString()).isEqualTo(email);
        assertThat(Http.json(check).get("role").asString()).isEqualTo("manager");

        var accepted = accept(token, "New Comer", PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode result = Http.json(accepted);
        assertThat(result.get("message").asString()).isNotBlank();
        assertThat(result.get("token_type").asString()).isEqualTo("bearer");
        assertThat(result.get("refresh_token").asString()).isNotBlank();
        assertThat(result.get("user").get("email").asString()).isEqualTo(email);
        assertThat(result.get("user").get("name").asString()).isEqualTo("New Comer");
        assertThat(result.get("user").get("role").asString()).isEqualTo("manager");
        var me = new Http(port).as(result.get("access_token").asString()).get("/api/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me).get("id").asLong()).isEqualTo(result.get("user").get("id").asLong());
        assertThat(new Http(port).login(email, PASSWORD).has("access_token")).isTrue();
    }

    @Test
    void anInvitationLinkWorksOnlyOnce() {
        String email = newEmail("once");
        String token = invited(email, null, 1);
        assertThat(accept(token, "Once", PASSWORD).statusCode()).isEqualTo(200);

        var again = accept(token, "Twice", "Other-Lake-8-Cloud");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.json(again).get("error").asString()).isEqualTo("invalid_token");
        assertThat(new Http(port).get("/api/auth/verify-invite-token/" + token).statusCode()).isEqualTo(400);
        assertThat(users(email)).isEqualTo(1);
        assertThat(new Http(port).post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"Other-Lake-8-Cloud\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theDefaultRoleIsRegularUser() {
        String email = newEmail("default");
        String token = invited(email, null, 1);

        assertThat(Http.json(accept(token, "Dee", PASSWORD)).get("user").get("role").asString()).isEqualTo("regular_user");
    }

    @Test
    void anExpiredInvitationIsRefused() {
        String email = newEmail("late");
        String token = invited(email, null, 1);
        Instant expires = jdbc.sql("SELECT expires_at FROM invitations WHERE email = :e").param("e", email).query(Instant.class).single();
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));

        jdbc.sql("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = :e").param("e", email).update();

        assertThat(new Http(port).get("/api/auth/verify-invite-token/" + token).statusCode()).isEqualTo(400);
        var late = accept(token, "Late", PASSWORD);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(Http.json(late).get("message").asString()).isEqualTo("Invalid or expired invitation token");
        assertThat(users(email)).isZero();
        assertThat(root.delete("/api/auth/invite/" + email).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdminsInviteAndOnlyASuperAdminInvitesASuperAdmin() {
        assertThat(invite(new Http(port), newEmail("anon"), null).statusCode()).isEqualTo(401);
        assertThat(invite(user("regular_user"), newEmail("r"), null).statusCode()).isEqualTo(403);
        assertThat(invite(user("manager"), newEmail("m"), null).statusCode()).isEqualTo(403);
        Http admin = user("admin");
        var superByAdmin = invite(admin, newEmail("s"), "super_admin");
        assertThat(superByAdmin.statusCode()).isEqualTo(403);
        assertThat(Http.json(superByAdmin).get("error").asString()).isEqualTo("authorization_error");

        assertThat(invite(admin, newEmail("a"), "admin").statusCode()).isEqualTo(200);
        String email = newEmail("super");
        String token = invited(email, "super_admin", 1);
        assertThat(Http.json(accept(token, "Second Root", PASSWORD)).get("user").get("role").asString()).isEqualTo("super_admin");
        assertThat(jdbc.sql("SELECT count(*) FROM invitations WHERE email LIKE 's-%' OR email LIKE 'r-%' OR email LIKE 'm-%' OR email LIKE 'anon-%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void invitingSomeoneWhoAlreadyHasAnAccountIsRefused() {
        var response = invite(root, ROOT.toUpperCase(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("message").asString()).isEqualTo("User with this email already exists");
        assertThat(jdbc.sql("SELECT count(*) FROM invitations WHERE lower(email) = :e").param("e", ROOT).query(Long.class).single()).isZero();
    }

    @Test
    void invitingAgainReplacesTheEarlierInvitationAndItsLink() {
        String email = newEmail("again");
        String first = invited(email, "regular_user", 1);
        String second = invited(email, "manager", 2);

        assertThat(jdbc.sql("SELECT count(*) FROM invitations WHERE email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
        assertThat(new Http(port).get("/api/auth/verify-invite-token/" + first).statusCode()).isEqualTo(400);
        assertThat(accept(first, "Old", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(Http.json(accept(second, "New", PASSWORD)).get("user").get("role").asString()).isEqualTo("manager");
    }

    @Test
    void cancellingAnInvitationKillsItsLink() {
        String email = newEmail("cancel");
        String token = invited(email, null, 1);

        var cancelled = root.delete("/api/auth/invite/" + email.toUpperCase());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("message").asString()).isNotBlank();
        assertThat(new Http(port).get("/api/auth/verify-invite-token/" + token).statusCode()).isEqualTo(400);
        assertThat(accept(token, "Gone", PASSWORD).statusCode()).isEqualTo(400);
        var again = root.delete("/api/auth/invite/" + email);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Http.json(again).get("message").asString()).isEqualTo("No pending invitation found for this email");
    }

    @Test
    void anAdminCannotCancelOrReplaceASuperAdminsInvitation() {
        String email = newEmail("protected");
        String token = invited(email, "super_admin", 1);
        Http admin = user("admin");

        assertThat(admin.delete("/api/auth/invite/" + email).statusCode()).isEqualTo(403);
        assertThat(invite(admin, email, "regular_user").statusCode()).isEqualTo(403);
        assertThat(user("regular_user").delete("/api/auth/invite/" + email).statusCode()).isEqualTo(403);
        assertThat(Http.json(new Http(port).get("/api/auth/verify-invite-token/" + token)).get("role").asString()).isEqualTo("super_admin");
        assertThat(inbox.to(email)).hasSize(1);
    }

    @Test
    void acceptingChecksThePasswordPolicyAndAWeakPasswordLeavesTheLinkUsable() {
        String email = newEmail("policy");
        String token = invited(email, null, 1);

        var weak = accept(token, "Weak", "password1");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Http.json(weak).get("error").asString()).isEqualTo("password_validation_error");
        assertThat(Http.json(weak).get("details").get("requirements").size()).isGreaterThanOrEqualTo(2);
        assertThat(users(email)).isZero();

        assertThat(accept(token, "Strong", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptingIsRefusedWhenTheEmailGotAnAccountMeanwhile() {
        String email = newEmail("raced");
        String token = invited(email, null, 1);
        assertThat(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"Direct\"}").statusCode())
                .isEqualTo(201);

        var response = accept(token, "Invited", "Other-Lake-8-Cloud");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("message").asString()).isEqualTo("User with this email already exists");
        assertThat(users(email)).isEqualTo(1);
    }

    @Test
    void invitationsCancellationsAndAcceptancesAreAuditedWithAddressAndAgent() {
        String cancelled = newEmail("audit-cancel");
        invited(cancelled, null, 1);
        root.delete("/api/auth/invite/" + cancelled, "User-Agent", "AdminConsole/3");
        String accepted = newEmail("audit-accept");
        assertThat(root.post("/api/auth/invite", "{\"email\": \"" + accepted + "\"}", "User-Agent", "AdminConsole/3").statusCode()).isEqualTo(200);
        String token = Inbox.find(inbox.awaitMail(accepted, 1), TOKEN);
        new Http(port).post("/api/auth/accept-invite", "{\"token\": \"" + token + "\", \"name\": \"Aud\", \"password\": \"" + PASSWORD + "\"}",
                "User-Agent", "NewcomerBrowser/1");

        assertThat(audit("INVITE_CANCEL", cancelled)).containsExactly(ROOT + " 127.0.0.1 AdminConsole/3");
        assertThat(audit("INVITE", accepted)).containsExactly(ROOT + " 127.0.0.1 AdminConsole/3");
        assertThat(audit("INVITE_ACCEPT", accepted)).containsExactly(accepted + " 127.0.0.1 NewcomerBrowser/1");
        assertThat(audit("INVITE", accepted).toString()).doesNotContain(token);
    }

    /** Audit rows of this action whose values mention the email: "actor ip agent". */
    private static List<String> audit(String action, String email) {
        return jdbc.sql("""
                        SELECT user_email || ' ' || coalesce(ip_address, '-') || ' ' || coalesce(user_agent, '-') FROM audit_logs
                        WHERE action = :a AND (coalesce(new_values::text, '') || coalesce(old_values::text, '')) LIKE :e ORDER BY id""")
                .param("a", action).param("e", "%" + email + "%").query(String.class).list();
    }

    @Test
    void badInputToEveryInvitationEndpointIsA4xxWithAnErrorBodyAndWritesNothing() {
        long usersBefore = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
        long invitationsBefore = jdbc.sql("SELECT count(*) FROM invitations").query(Long.class).single();
        long mailBefore = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        String[] invites = {
                "{\"email\": ",
                "[\"x@example.com\"]",
                "{}",
                "{\"email\": null}",
                "{\"email\": 42}",
                "{\"email\": \"not-an-email\"}",
                "{\"email\": \"" + "a".repeat(250) + "@example.com\"}",
                "{\"email\": \"x1@example.com\", \"role\": \"emperor\"}",
                "{\"email\": \"x2@example.com\", \"role\": 7}",
                "{\"email\": [\"x3@example.com\"]}"};
        for (String body : invites) {
            expectError(root.post("/api/auth/invite", body), body);
        }
        expectError(root.delete("/api/auth/invite/nobody-" + System.nanoTime() + "@example.com"), "cancel unknown");
        expectError(root.delete("/api/auth/invite/not-an-email"), "cancel garbage");
        String[] accepts = {
                "{\"token\": ",
                "\"just a string\"",
                "{}",
                "{\"token\": \"abc\", \"name\": \"N\"}",
                "{\"token\": \"abc\", \"password\": \"" + PASSWORD + "\"}",
                "{\"name\": \"N\", \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": 12345, \"name\": \"N\", \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": \"abc\", \"name\": {\"first\": \"N\"}, \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": \"abc\", \"name\": \"" + "n".repeat(256) + "\", \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": \"abc\", \"name\": \"   \", \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": \"" + "t".repeat(5000) + "\", \"name\": \"N\", \"password\": \"" + PASSWORD + "\"}",
                "{\"token\": \"abc\", \"name\": \"N\", \"password\": \"" + "P-4a".repeat(300) + "\"}",
                "{\"token\": \"unknown-token-that-was-never-issued\", \"name\": \"N\", \"password\": \"" + PASSWORD + "\"}"};
        for (String body : accepts) {
            expectError(new Http(port).post("/api/auth/accept-invite", body), body);
        }
        expectError(new Http(port).get("/api/auth/verify-invite-token/unknown-token-that-was-never-issued"), "verify unknown");
        expectError(new Http(port).get("/api/auth/verify-invite-token/" + "t".repeat(2000)), "verify long");
        expectError(new Http(port).get("/api/auth/verify-invite-token/%20"), "verify blank");

        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(usersBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM invitations").query(Long.class).single()).isEqualTo(invitationsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(mailBefore);
    }

    private static void expectError(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isBetween(400, 422);
        JsonNode body = Http.json(response);
        assertThat(body.has("error")).as(what).isTrue();
        assertThat(body.has("message")).as(what).isTrue();
    }
}
