package com.timetracker.identity.internal;

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

/** Login history (V1 had the endpoint but recorded nothing) and the suspicious-sign-in list. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class LoginHistoryTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http root;

    @BeforeEach
    void signInRoot() {
        root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
    }

    private String newUser() {
        String email = "History-" + System.nanoTime() + "@Example.com";
        var response = new Http(port).post("/api/auth/register",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"H\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return email;
    }

    private int login(String email, String password, String from) {
        return new Http(port).post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}",
                "X-Forwarded-For", from, "User-Agent", "HistoryProbe/2").statusCode();
    }

    private JsonNode suspiciousFor(String email) {
        JsonNode all = Http.json(root.get("/api/security/ip/suspicious?limit=200"));
        var mine = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        all.forEach(item -> {
            if (item.get("reason").asString().contains(email.toLowerCase())) {
                mine.add(item);
            }
        });
        return mine;
    }

    @Test
    void everySignInAttemptIsRecordedNewestFirst() {
        String email = newUser();
        assertThat(login(email, PASSWORD, "192.0.2.50")).isEqualTo(200);
        assertThat(login(email, "wrong-password", "2001:db8:0:0:0:0:0:51")).isEqualTo(401);

        JsonNode history = Http.json(root.get("/api/security/ip/login-history/" + email.toUpperCase()));
        assertThat(history.size()).isEqualTo(2);
        JsonNode failure = history.get(0);
        assertThat(failure.get("ip_address").asString()).as("one spelling per address").isEqualTo("2001:db8::51");
        assertThat(failure.get("user_email").asString()).isEqualTo(email.toLowerCase());
        assertThat(failure.get("success").asBoolean()).isFalse();
        assertThat(failure.get("reason").asString()).isEqualTo("invalid_credentials");
        assertThat(failure.get("user_agent").asString()).isEqualTo("HistoryProbe/2");
        assertThat(failure.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(history.get(1).get("ip_address").asString()).isEqualTo("192.0.2.50");
        assertThat(history.get(1).get("success").asBoolean()).isTrue();

        assertThat(Http.json(root.get("/api/security/ip/login-history/" + email + "?limit=1")).size()).isEqualTo(1);
    }

    @Test
    void attemptsOnUnknownAndDeactivatedAccountsAreRecordedToo() {
        String stranger = "nobody-" + System.nanoTime() + "@example.com";
        login(stranger, "guess", "198.51.100.40");
        String email = newUser();
        jdbc.sql("UPDATE users SET is_active = false WHERE lower(email) = lower(:e)").param("e", email).update();
        login(email, PASSWORD, "198.51.100.41");

        assertThat(Http.json(root.get("/api/security/ip/login-history/" + stranger)).get(0).get("reason").asString())
                .isEqualTo("invalid_credentials");
        assertThat(Http.json(root.get("/api/security/ip/login-history/" + email)).get(0).get("reason").asString())
                .isEqualTo("account_deactivated");
    }

    @Test
    void aSignInFromANewAddressIsSuspiciousButNotTheFirstOrAKnownOne() {
        String email = newUser();
        login(email, PASSWORD, "192.0.2.60");
        login(email, PASSWORD, "192.0.2.60");
        login(email, "wrong-password", "198.51.100.61");
        assertThat(suspiciousFor(email).size()).as("first sign-in, a known address, and a failure are not suspicious").isZero();

        login(email, PASSWORD, "198.51.100.61");
        JsonNode suspicious = suspiciousFor(email);
        assertThat(suspicious.size()).isEqualTo(1);
        assertThat(suspicious.get(0).get("ip_address").asString()).isEqualTo("198.51.100.61");
        assertThat(suspicious.get(0).get("reason").asString()).startsWith("New IP address for " + email.toLowerCase());
        assertThat(suspicious.get(0).get("timestamp").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT ip_address FROM audit_logs WHERE action = 'SUSPICIOUS_LOGIN' AND lower(user_email) = lower(:e)")
                .param("e", email).query(String.class).list()).containsExactly("198.51.100.61");

        login(email, PASSWORD, "198.51.100.61");
        assertThat(suspiciousFor(email).size()).as("now a known address").isEqualTo(1);
        assertThat(Http.json(root.get("/api/security/ip/suspicious?limit=1")).size()).isEqualTo(1);
    }
}
