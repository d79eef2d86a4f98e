package com.timetracker.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, tokens, refresh rotation with reuse detection, logout, lockout — over real HTTP. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class SignInTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http() {
        return new Http(port);
    }

    /** Registers a fresh user (own email per test, so tests don't share lockouts or sessions). */
    private String newUser(String name) {
        String email = name + "-" + System.nanoTime() + "@Example.com";
        var response = http().post("/api/auth/register",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return email;
    }

    private static JsonNode payload(String jwt) {
        return Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void loginIssuesV1ShapedTokens() {
        String email = newUser("tokens");
        JsonNode tokens = http().login(email, PASSWORD);

        assertThat(tokens.get("token_type").asString()).isEqualTo("bearer");
        JsonNode access = payload(tokens.get("access_token").asString());
        JsonNode refresh = payload(tokens.get("refresh_token").asString());
        assertThat(access.get("type").asString()).isEqualTo("access");
        assertThat(refresh.get("type").asString()).isEqualTo("refresh");
        assertThat(access.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(access.get("sub").asString()).matches("\\d+");
        assertThat(access.get("jti").asString()).isNotEqualTo(refresh.get("jti").asString());
        assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isEqualTo(30 * 60);
        assertThat(refresh.get("exp").asLong() - refresh.get("iat").asLong()).isEqualTo(7 * 24 * 3600);
    }

    @Test
    void missingOrInvalidCredentialsAre401AndNever403() {
        var missing = http().get("/api/auth/me");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(Http.json(missing).get("error").asString()).isEqualTo("authentication_error");
        assertThat(http().as("not-a-token").get("/api/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void meReturnsTheUserWithoutThePasswordHash() {
        String email = newUser("me");
        var me = http().as(http().login(email, PASSWORD).get("access_token").asString()).get("/api/auth/me");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me).get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(Http.json(me).get("role").asString()).isEqualTo("regular_user");
        assertThat(Http.json(me).get("timezone").asString()).isEqualTo("UTC");
        assertThat(me.body()).doesNotContain("password").doesNotContain("$2b$");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = newUser("wrong");
        var wrong = http().post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"nope\"}");
        var unknown = http().post("/api/auth/login", "{\"email\": \"nobody@example.com\", \"password\": \"nope\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).get("message").asString()).isEqualTo(Http.json(unknown).get("message").asString())
                .isEqualTo("Incorrect email or password");
    }

    @Test
    void emailsAreCaseInsensitiveAtLogin() {
        String email = newUser("case");
        assertThat(http().login(email.toUpperCase(), PASSWORD).has("access_token")).isTrue();
    }

    @Test
    void fiveFailuresLockTheAccountForThatAddressOnly() {
        String email = newUser("lock");
        String wrongBody = "{\"email\": \"" + email + "\", \"password\": \"wrong-password\"}";
        for (int i = 1; i <= 4; i++) {
            assertThat(http().post("/api/auth/login", wrongBody, "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(401);
        }
        var fifth = http().post("/api/auth/login", wrongBody, "X-Forwarded-For", "203.0.113.7");
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(Http.json(fifth).get("error").asString()).isEqualTo("account_locked");
        assertThat(Http.json(fifth).get("details").get("lockout_remaining_seconds").asLong()).isEqualTo(900);

        var rightPasswordSameAddress = http().post("/api/auth/login",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}", "X-Forwarded-For", "203.0.113.7");
        assertThat(rightPasswordSameAddress.statusCode()).isEqualTo(423);
        assertThat(http().login(email, PASSWORD, "X-Forwarded-For", "198.51.100.20").has("access_token"))
                .as("the owner, from another address, is not locked out").isTrue();
    }

    @Test
    void aDeactivatedUserCannotSignInAndTheirTokensStopWorking() {
        String email = newUser("inactive");
        String access = http().login(email, PASSWORD).get("access_token").asString();
        jdbc.sql("UPDATE users SET is_active = false WHERE lower(email) = lower(:e)").param("e", email).update();

        var login = http().post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(Http.json(login).get("message").asString()).isEqualTo("User account is deactivated");
        assertThat(http().as(access).get("/api/auth/me").statusCode()).isEqualTo(403);
    }

    @Test
    void refreshRotatesAndReusingARotatedTokenRevokesTheWholeSession() {
        String email = newUser("reuse");
        JsonNode first = http().login(email, PASSWORD);
        String oldRefresh = first.get("refresh_token").asString();

        var rotated = http().post("/api/auth/refresh", "{\"refresh_token\": \"" + oldRefresh + "\"}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newAccess = Http.json(rotated).get("access_token").asString();
        String newRefresh = Http.json(rotated).get("refresh_token").asString();
        assertThat(newRefresh).isNotEqualTo(oldRefresh);
        assertThat(http().as(newAccess).get("/api/auth/me").statusCode()).isEqualTo(200);

        var replay = http().post("/api/auth/refresh", "{\"refresh_token\": \"" + oldRefresh + "\"}");
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(http().as(newAccess).get("/api/auth/me").statusCode()).as("the family is revoked").isEqualTo(401);
        assertThat(http().post("/api/auth/refresh", "{\"refresh_token\": \"" + newRefresh + "\"}").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'TOKEN_REUSE' AND lower(user_email) = lower(:e)")
                .param("e", email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAccessTokenCannotBeUsedToRefresh() {
        String email = newUser("type");
        String access = http().login(email, PASSWORD).get("access_token").asString();

        assertThat(http().post("/api/auth/refresh", "{\"refresh_token\": \"" + access + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheSessionsAccessAndRefreshTokens() {
        String email = newUser("logout");
        JsonNode tokens = http().login(email, PASSWORD);
        Http signedIn = http().as(tokens.get("access_token").asString());

        var logout = signedIn.post("/api/auth/logout", "");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(Http.json(logout).get("message").asString()).isEqualTo("Successfully logged out");
        assertThat(signedIn.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(http().post("/api/auth/refresh", "{\"refresh_token\": \"" + tokens.get("refresh_token").asString() + "\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void loginsAndFailuresAreInTheAuditTrailWithAddressAndAgent() {
        String email = newUser("audit");
        http().post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"bad\"}", "User-Agent", "AuditProbe/1.0");
        http().login(email, PASSWORD, "User-Agent", "AuditProbe/1.0");

        var rows = jdbc.sql("SELECT action || ' ' || coalesce(ip_address, '-') || ' ' || coalesce(user_agent, '-') FROM audit_logs WHERE lower(user_email) = lower(:e) ORDER BY id")
                .param("e", email).query(String.class).list();
        assertThat(rows).contains("LOGIN_FAILED 127.0.0.1 AuditProbe/1.0", "LOGIN 127.0.0.1 AuditProbe/1.0");
    }
}
