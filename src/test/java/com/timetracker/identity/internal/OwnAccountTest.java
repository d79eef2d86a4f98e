package com.timetracker.identity.internal;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, one's own profile and password, one's own sessions. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}")
class OwnAccountTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http http() {
        return new Http(port);
    }

    private String register(String name) {
        String email = name + "-" + System.nanoTime() + "@Example.COM";
        assertThat(http().post("/api/auth/register", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\", \"name\": \"" + name + "\"}").statusCode()).isEqualTo(201);
        return email;
    }

    private Http signIn(String email, String password) {
        return http().as(http().login(email, password).get("access_token").asString());
    }

    @Test
    void registrationCreatesARegularUserWithALowerCasedEmail() {
        String email = "Reg-" + System.nanoTime() + "@Example.COM";
        var response = http().post("/api/auth/register", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \" Ann \"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode user = Http.json(response);
        assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.get("role").asString()).isEqualTo("regular_user");
        assertThat(user.get("name").asString()).isEqualTo("Ann");
        var again = http().post("/api/auth/register", "{\"email\": \"" + email.toUpperCase() + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"B\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("message").asString()).isEqualTo("Email already registered");
    }

    @Test
    void aWeakPasswordIsRefusedListingEveryUnmetRule() {
        var response = http().post("/api/auth/register", "{\"email\": \"weak" + System.nanoTime() + "@example.com\", \"password\": \"abcd\", \"name\": \"W\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asString()).isEqualTo("password_validation_error");
        assertThat(body.get("details").get("requirements").size()).isGreaterThanOrEqualTo(4);
        assertThat(body.get("details").get("requirements").toString()).contains("at least 12 characters").contains("sequential");
    }

    @Test
    void profileUpdatesNameEmailAndTimezone() {
        String email = register("profile");
        Http me = signIn(email, PASSWORD);

        var updated = me.put("/api/auth/me", "{\"name\": \"New Name\", \"timezone\": \"Europe/Berlin\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Http.json(updated).get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(Http.json(updated).get("name").asString()).isEqualTo("New Name");
        assertThat(me.put("/api/auth/me", "{\"timezone\": \"Mars/Olympus\"}").statusCode()).isEqualTo(422);
        String other = register("other");
        assertThat(me.put("/api/auth/me", "{\"email\": \"" + other.toUpperCase() + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void changingThePasswordSignsOutOtherSessionsButNotThisOne() {
        String email = register("pw");
        Http laptop = signIn(email, PASSWORD);
        Http phone = signIn(email, PASSWORD);

        var wrongCurrent = laptop.put("/api/auth/password", "{\"current_password\": \"nope\", \"new_password\": \"Brand-New-7-Pass\"}");
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(Http.json(wrongCurrent).get("message").asString()).isEqualTo("Current password is incorrect");
        var weak = laptop.put("/api/auth/password", "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"password\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Http.json(weak).get("error").asString()).isEqualTo("password_validation_error");

        var changed = laptop.put("/api/auth/password", "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"Brand-New-7-Pass\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(laptop.get("/api/auth/me").statusCode()).isEqualTo(200);
        assertThat(phone.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(http().post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(401);
        assertThat(http().login(email, "Brand-New-7-Pass").has("access_token")).isTrue();
    }

    @Test
    void sessionsAreListedAndCanBeEnded() {
        String email = register("sessions");
        Http laptop = signIn(email, PASSWORD);
        Http phone = http().as(http().login(email, PASSWORD, "User-Agent", "PhoneApp/2").get("access_token").asString());

        JsonNode list = Http.json(laptop.get("/api/sessions"));
        assertThat(list.get("count").asInt()).isEqualTo(2);
        JsonNode phoneSession = null;
        for (JsonNode s : list.get("sessions")) {
            if (!s.get("is_current").asBoolean()) {
                phoneSession = s;
            }
        }
        assertThat(phoneSession).isNotNull();
        assertThat(phoneSession.get("user_agent").asString()).isEqualTo("PhoneApp/2");
        assertThat(phoneSession.get("session_id").asString()).endsWith("...");

        var current = Http.json(laptop.get("/api/sessions")).get("sessions").findValues("is_current");
        assertThat(current.stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
        String currentId = null;
        for (JsonNode s : Http.json(laptop.get("/api/sessions")).get("sessions")) {
            if (s.get("is_current").asBoolean()) {
                currentId = s.get("session_id").asString();
            }
        }
        assertThat(laptop.delete("/api/sessions/" + currentId).statusCode()).isEqualTo(400);

        var revoked = laptop.delete("/api/sessions/" + phoneSession.get("session_id").asString());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(phone.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(laptop.delete("/api/sessions/" + phoneSession.get("session_id").asString()).statusCode()).isEqualTo(404);

        Http tablet = signIn(email, PASSWORD);
        var all = laptop.delete("/api/sessions");
        assertThat(Http.json(all).get("revoked_count").asInt()).isEqualTo(1);
        assertThat(tablet.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(laptop.get("/api/auth/me").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUsersSessionCannotBeEnded() {
        Http mallory = signIn(register("mallory"), PASSWORD);
        String victim = register("victim");
        Http victimSession = signIn(victim, PASSWORD);
        String victimSessionId = jdbc.sql("SELECT s.id::text FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = lower(:e)")
                .param("e", victim).query(String.class).single();

        assertThat(mallory.delete("/api/sessions/" + victimSessionId).statusCode()).isEqualTo(404);
        assertThat(victimSession.get("/api/auth/me").statusCode()).isEqualTo(200);
    }
}
