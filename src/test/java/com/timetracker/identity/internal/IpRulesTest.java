package com.timetracker.identity.internal;

import java.net.http.HttpResponse;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IP allow/deny rules (V1 §3.20, never enforced there): managed through /api/security/ip, enforced
 * on every API request and at sign-in, and never able to lock out the admin who changes them.
 * Client addresses are simulated with X-Forwarded-For, believed because tests connect from loopback.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class IpRulesTest {

    static final String PASSWORD = "Quiet-River-4-Stone";
    static final String XFF = "X-Forwarded-For";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IpRules rules;

    /** The super admin, on loopback (always allowed). */
    Http root;

    /** Rules are global to the app (and this context is shared with other test classes): none survive a test. */
    @BeforeEach
    @AfterEach
    void noRules() {
        jdbc.sql("DELETE FROM ip_rules").update();
        rules.reload();
    }

    @BeforeEach
    void signInRoot() {
        root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
    }

    private String newUser(String role) {
        String email = role + "-ip-" + System.nanoTime() + "@example.com";
        var response = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"N\", \"role\": \"" + role + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return email;
    }

    private Http signIn(String email, String from) {
        return new Http(port).as(new Http(port).login(email, PASSWORD, XFF, from).get("access_token").asString());
    }

    private HttpResponse<String> login(String email, String from) {
        return new Http(port).post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}", XFF, from);
    }

    private static String rule(String ip) {
        return "{\"ip_address\": \"" + ip + "\"}";
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void rulesAreListedAddedAndRemovedInV1Shapes() {
        var added = root.post("/api/security/ip/blacklist", "{\"ip_address\": \"203.0.113.0/24\", \"reason\": \"scanner\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(Http.json(added).get("success").asBoolean()).isTrue();
        assertThat(Http.json(added).get("message").asString()).isEqualTo("IP 203.0.113.0/24 added to blacklist");
        root.post("/api/security/ip/blacklist", rule("198.51.100.9"));

        JsonNode list = Http.json(root.get("/api/security/ip/blacklist"));
        assertThat(list.findValuesAsString("ip_address")).containsExactly("198.51.100.9", "203.0.113.0/24");
        JsonNode scanner = list.get(1);
        assertThat(scanner.get("added_by").asString()).isEqualTo("root@example.com");
        assertThat(scanner.get("added_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(scanner.get("reason").asString()).isEqualTo("scanner");
        assertThat(list.get(0).get("reason").asString()).as("V1's default reason").isEqualTo("Manual block");

        var again = root.post("/api/security/ip/blacklist", rule("203.0.113.0/24"));
        assertThat(Http.json(again).get("success").asBoolean()).as("already present").isFalse();

        var removed = root.delete("/api/security/ip/blacklist/203.0.113.0/24");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Http.json(removed).get("message").asString()).isEqualTo("IP 203.0.113.0/24 removed from blacklist");
        var missing = root.delete("/api/security/ip/blacklist/203.0.113.0/24");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("message").asString()).isEqualTo("IP not found in blacklist");
        assertThat(Http.json(root.delete("/api/security/ip/whitelist/198.51.100.9")).get("message").asString())
                .as("the lists are separate").isEqualTo("IP not found in whitelist");
        assertThat(Http.json(root.get("/api/security/ip/whitelist")).size()).isZero();
    }

    @Test
    void addressesAreStoredInOneCanonicalSpelling() {
        assertThat(Http.json(root.post("/api/security/ip/blacklist", rule("2001:DB8:0:0:0:0:0:1"))).get("message").asString())
                .isEqualTo("IP 2001:db8::1 added to blacklist");
        assertThat(Http.json(root.post("/api/security/ip/blacklist", rule("2001:db8::1"))).get("success").asBoolean())
                .as("the same address written another way").isFalse();
        root.post("/api/security/ip/blacklist", rule("192.168.7.77/24"));
        root.post("/api/security/ip/blacklist", rule("10.1.2.3/32"));

        assertThat(Http.json(root.get("/api/security/ip/blacklist")).findValuesAsString("ip_address"))
                .containsExactlyInAnyOrder("2001:db8::1", "192.168.7.0/24", "10.1.2.3");
        assertThat(root.delete("/api/security/ip/blacklist/2001:0db8::0001").statusCode()).isEqualTo(200);
    }

    @Test
    void aDenyRuleRefusesEveryApiRequestFromItsAddressesButHealthProbes() {
        String email = newUser("regular_user");
        Http user = signIn(email, "198.51.100.7");
        assertThat(root.post("/api/security/ip/blacklist", rule("198.51.100.0/24")).statusCode()).isEqualTo(200);

        var refused = user.get("/api/auth/me", XFF, "198.51.100.7");
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = Http.json(refused);
        assertThat(body.get("error").asString()).isEqualTo("ip_blocked");
        assertThat(body.get("message").asString()).isEqualTo("Access from your address (198.51.100.7) is blocked by an IP rule.");
        assertThat(body.get("request_id").asString()).isNotBlank();
        assertThat(new Http(port).get("/api/version", XFF, "198.51.100.200").statusCode()).as("signed in or not").isEqualTo(403);
        assertThat(new Http(port).get("/api/health", XFF, "198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(user.get("/api/auth/me", XFF, "203.0.113.50").statusCode()).as("another address").isEqualTo(200);
        assertThat(new Http(port).get("/api/version", XFF, "2001:db8::5").statusCode()).isEqualTo(200);

        root.post("/api/security/ip/blacklist", rule("2001:db8::/32"));
        assertThat(new Http(port).get("/api/version", XFF, "2001:db8:1::5").statusCode()).as("IPv6 ranges").isEqualTo(403);
    }

    @Test
    void aDeniedAddressCannotSignInAndTheAttemptIsAuditedAndRecorded() {
        String email = newUser("regular_user");
        root.post("/api/security/ip/blacklist", rule("198.51.100.33"));

        var refused = login(email, "198.51.100.33");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("error").asString()).isEqualTo("ip_blocked");
        assertThat(jdbc.sql("SELECT ip_address FROM audit_logs WHERE action = 'LOGIN_BLOCKED' AND user_email = :e")
                .param("e", email).query(String.class).list()).containsExactly("198.51.100.33");
        JsonNode history = Http.json(root.get("/api/security/ip/login-history/" + email));
        assertThat(history.get(0).get("success").asBoolean()).isFalse();
        assertThat(history.get(0).get("reason").asString()).isEqualTo("ip_denied");
        assertThat(jdbc.sql("SELECT count(*) FROM login_failures WHERE email = :e").param("e", email).query(Long.class).single())
                .as("a refused address does not reach the password check or the lockout").isZero();
        assertThat(login(email, "198.51.100.34").statusCode()).isEqualTo(200);
    }

    @Test
    void withAnAllowListOnlyItsAddressesMayUseTheApiAndLoopbackAlways() {
        String adminEmail = newUser("admin");
        Http admin = signIn(adminEmail, "192.0.2.10");
        var added = admin.post("/api/security/ip/whitelist", rule("192.0.2.0/24"), XFF, "192.0.2.10");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        assertThat(admin.get("/api/auth/me", XFF, "192.0.2.99").statusCode()).isEqualTo(200);
        var outside = admin.get("/api/auth/me", XFF, "203.0.113.5");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(Http.json(outside).get("message").asString()).contains("not allowed").contains("allow list");
        assertThat(login(adminEmail, "203.0.113.5").statusCode()).isEqualTo(403);
        assertThat(login(adminEmail, "192.0.2.11").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/auth/me").statusCode()).as("from the host itself, to repair rules").isEqualTo(200);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Http admin = signIn(newUser("admin"), "192.0.2.10");

        var foreignFirstAllow = admin.post("/api/security/ip/whitelist", rule("203.0.113.0/24"), XFF, "192.0.2.10");
        assertThat(foreignFirstAllow.statusCode()).isEqualTo(400);
        assertThat(Http.json(foreignFirstAllow).get("message").asString())
                .contains("your own address (192.0.2.10)").contains("lock yourself out");
        var denySelf = admin.post("/api/security/ip/blacklist", rule("192.0.2.0/24"), XFF, "192.0.2.10");
        assertThat(denySelf.statusCode()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM ip_rules")).as("nothing written").isZero();

        assertThat(admin.post("/api/security/ip/whitelist", rule("192.0.2.10"), XFF, "192.0.2.10").statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/security/ip/whitelist", rule("203.0.113.0/24"), XFF, "192.0.2.10").statusCode())
                .as("once the admin is on the list, other ranges may follow").isEqualTo(200);
        assertThat(admin.delete("/api/security/ip/whitelist/192.0.2.10", XFF, "192.0.2.10").statusCode())
                .as("removing the rule that admits the admin").isEqualTo(400);
        assertThat(admin.delete("/api/security/ip/whitelist/203.0.113.0/24", XFF, "192.0.2.10").statusCode()).isEqualTo(200);
        assertThat(admin.delete("/api/security/ip/whitelist/192.0.2.10", XFF, "192.0.2.10").statusCode())
                .as("removing the last allow rule lifts the allow list").isEqualTo(200);
    }

    @Test
    void allowBeatsDenyForTheSameAddress() {
        root.post("/api/security/ip/blacklist", rule("192.0.2.0/24"));
        root.post("/api/security/ip/whitelist", rule("192.0.2.10"));

        assertThat(new Http(port).get("/api/version", XFF, "192.0.2.10").statusCode()).isEqualTo(200);
        var denied = new Http(port).get("/api/version", XFF, "192.0.2.11");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(Http.json(denied).get("message").asString()).contains("blocked by an IP rule");
    }

    @Test
    void rulesAreServedFromMemoryAndReloadedFromTheDatabase() {
        // as another app node would: straight into the shared database
        jdbc.sql("INSERT INTO ip_rules (kind, cidr, added_by) VALUES ('deny', '198.51.100.60', 'other-node')").update();
        assertThat(new Http(port).get("/api/version", XFF, "198.51.100.60").statusCode()).as("not yet reloaded").isEqualTo(200);

        rules.refresh(); // what the scheduler runs every 30 s
        assertThat(new Http(port).get("/api/version", XFF, "198.51.100.60").statusCode()).isEqualTo(403);
    }

    @Test
    void everyRuleChangeIsAuditedWithActorAddressAndAgent() {
        root.post("/api/security/ip/blacklist", rule("198.51.100.70"), "User-Agent", "RuleProbe/1");
        root.delete("/api/security/ip/blacklist/198.51.100.70", "User-Agent", "RuleProbe/1");

        var rows = jdbc.sql("""
                        SELECT action || ' ' || user_email || ' ' || ip_address || ' ' || user_agent || ' ' || resource_type FROM audit_logs
                        WHERE action LIKE 'IP_RULE_%' AND details LIKE '198.51.100.70 %' ORDER BY id""")
                .query(String.class).list();
        assertThat(rows).containsExactly("IP_RULE_ADD root@example.com 127.0.0.1 RuleProbe/1 ip_rule",
                "IP_RULE_REMOVE root@example.com 127.0.0.1 RuleProbe/1 ip_rule");
    }

    @Test
    void adminsAndSuperAdminsManageRulesManagersOnlyReadLoginHistory() {
        Http admin = signIn(newUser("admin"), "192.0.2.20");
        Http manager = signIn(newUser("manager"), "192.0.2.21");
        Http regular = signIn(newUser("regular_user"), "192.0.2.22");
        String[] reads = {"/api/security/ip/whitelist", "/api/security/ip/blacklist", "/api/security/ip/suspicious",
                "/api/security/ip/check/192.0.2.1", "/api/security/ip/stats"};
        for (String path : reads) {
            assertThat(root.get(path).statusCode()).as("super admin " + path).isEqualTo(200);
            assertThat(admin.get(path).statusCode()).as("admin " + path).isEqualTo(200);
            assertThat(manager.get(path).statusCode()).as("manager " + path).isEqualTo(403);
            assertThat(regular.get(path).statusCode()).as("regular " + path).isEqualTo(403);
            assertThat(new Http(port).get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
        }
        assertThat(manager.post("/api/security/ip/blacklist", rule("198.51.100.80")).statusCode()).isEqualTo(403);
        assertThat(manager.delete("/api/security/ip/blacklist/198.51.100.80").statusCode()).isEqualTo(403);
        assertThat(manager.post("/api/security/ip/clear-attempts/198.51.100.80", "").statusCode()).isEqualTo(403);
        assertThat(Http.json(manager.post("/api/security/ip/whitelist", rule("198.51.100.80"))).get("error").asString())
                .isEqualTo("authorization_error");
        assertThat(count("SELECT count(*) FROM ip_rules")).isZero();

        assertThat(manager.get("/api/security/ip/login-history/root@example.com").statusCode()).isEqualTo(200);
        assertThat(regular.get("/api/security/ip/login-history/root@example.com").statusCode()).isEqualTo(403);
    }

    @Test
    void checkReportsTheRulesAndRecentFailuresAndClearAttemptsUnlocks() {
        String email = newUser("regular_user");
        String wrong = "{\"email\": \"" + email + "\", \"password\": \"wrong-password\"}";
        for (int i = 0; i < 5; i++) {
            new Http(port).post("/api/auth/login", wrong, XFF, "203.0.113.77");
        }
        assertThat(login(email, "203.0.113.77").statusCode()).as("locked from there").isEqualTo(423);
        new Http(port).post("/api/auth/login", "{\"email\": \"x-" + email + "\", \"password\": \"no\"}", XFF, "203.0.113.77");

        JsonNode check = Http.json(root.get("/api/security/ip/check/203.0.113.77"));
        assertThat(check.get("ip_address").asString()).isEqualTo("203.0.113.77");
        assertThat(check.get("is_blocked").asBoolean()).isFalse();
        assertThat(check.get("is_whitelisted").asBoolean()).isFalse();
        assertThat(check.get("failed_attempts").asInt()).as("the failure after the lock").isEqualTo(1);

        var cleared = root.post("/api/security/ip/clear-attempts/203.0.113.77", "");
        assertThat(Http.json(cleared).get("success").asBoolean()).isTrue();
        assertThat(Http.json(cleared).get("message").asString()).isEqualTo("Failed attempts cleared for IP 203.0.113.77");
        assertThat(Http.json(root.get("/api/security/ip/check/203.0.113.77")).get("failed_attempts").asInt()).isZero();
        assertThat(login(email, "203.0.113.77").statusCode()).as("the lock from that address is lifted").isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_logs WHERE action = 'LOGIN_ATTEMPTS_CLEARED' AND details LIKE '%203.0.113.77%'"))
                .isEqualTo(1);

        root.post("/api/security/ip/blacklist", rule("203.0.113.0/24"));
        root.post("/api/security/ip/whitelist", rule("203.0.113.78"));
        assertThat(Http.json(root.get("/api/security/ip/check/203.0.113.77")).get("is_blocked").asBoolean()).isTrue();
        JsonNode allowed = Http.json(root.get("/api/security/ip/check/203.0.113.78"));
        assertThat(allowed.get("is_whitelisted").asBoolean()).isTrue();
        assertThat(allowed.get("is_blocked").asBoolean()).isFalse();
    }

    @Test
    void statsCountTheListsAndSuspiciousSignIns() {
        root.post("/api/security/ip/whitelist", rule("192.0.2.0/24"));
        root.post("/api/security/ip/whitelist", rule("2001:db8::/48"));
        root.post("/api/security/ip/blacklist", rule("198.51.100.90"));

        JsonNode stats = Http.json(root.get("/api/security/ip/stats"));
        assertThat(stats.get("whitelisted_ips").asLong()).isEqualTo(2);
        assertThat(stats.get("blacklisted_ips").asLong()).isEqualTo(1);
        assertThat(stats.get("suspicious_events").asLong())
                .isEqualTo(count("SELECT count(*) FROM login_history WHERE suspicious_reason IS NOT NULL"));
    }

    @Test
    void badInputIsA4xxInTheErrorShapeAndWritesNothing() {
        long audits = count("SELECT count(*) FROM audit_logs WHERE action IN ('IP_RULE_ADD', 'IP_RULE_REMOVE', 'LOGIN_ATTEMPTS_CLEARED')");
        String[] bodies = {"{\"ip_address\": ", "[1, 2]", "\"1.2.3.4\"", "{}", "{\"ip_address\": null}", "{\"ip_address\": [\"1.2.3.4\"]}",
                "{\"ip_address\": {\"a\": 1}}", "{\"ip_address\": 1234}", "{\"ip_address\": \"" + "1".repeat(65) + "\"}",
                "{\"ip_address\": \"1.2.3.4\", \"reason\": \"" + "r".repeat(501) + "\"}", "{\"ip_address\": \"1.2.3.4\", \"reason\": [1]}",
                rule(""), rule("   "), rule("300.1.1.1"), rule("1.2.3"), rule("10.0.0.0/33"), rule("10.0.0.0/-1"), rule("10.0.0.0/"),
                rule("10.0.0.0/8/9"), rule("1.2.3.4/abc"), rule("2001:db8::/129"), rule("1:2"), rule("fe80::1%eth0"),
                rule("example.com"), rule("localhost"), rule("010.1.1.1"), rule("::ffff:10.0.0.0/95"), rule("1.2.3.4 5")};
        for (String list : new String[]{"whitelist", "blacklist"}) {
            for (String body : bodies) {
                var response = root.post("/api/security/ip/" + list, body);
                assertThat(response.statusCode()).as(list + " " + body).isBetween(400, 422);
                assertThat(Http.json(response).get("error").asString()).as(body).isNotBlank();
            }
            assertThat(root.delete("/api/security/ip/" + list + "/not-an-ip").statusCode()).isEqualTo(422);
            assertThat(root.delete("/api/security/ip/" + list + "/10.0.0.0/99").statusCode()).isEqualTo(422);
            var unknown = root.delete("/api/security/ip/" + list + "/192.0.2.250");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Http.json(unknown).get("error").asString()).isEqualTo("not_found");
        }
        for (String query : new String[]{"?limit=0", "?limit=201", "?limit=abc", "?limit=1.5"}) {
            var response = root.get("/api/security/ip/suspicious" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(422);
            assertThat(Http.json(response).get("error").asString()).isEqualTo("validation_error");
        }
        for (String query : new String[]{"?limit=0", "?limit=101", "?limit=x"}) {
            assertThat(root.get("/api/security/ip/login-history/root@example.com" + query).statusCode()).as(query).isEqualTo(422);
        }
        assertThat(root.get("/api/security/ip/login-history/" + "e".repeat(250) + "@x.com").statusCode()).isEqualTo(422);
        assertThat(Http.json(root.get("/api/security/ip/login-history/nobody-at-all@example.com")).size())
                .as("an email nobody signed in with has an empty history").isZero();
        for (String ip : new String[]{"not-an-ip", "300.1.1.1", "1:2", "010.0.0.1"}) {
            var check = root.get("/api/security/ip/check/" + ip);
            assertThat(check.statusCode()).as(ip).isEqualTo(422);
            assertThat(Http.json(check).get("error").asString()).isEqualTo("validation_error");
            assertThat(root.post("/api/security/ip/clear-attempts/" + ip, "").statusCode()).as(ip).isEqualTo(422);
        }
        assertThat(root.get("/api/security/ip/check/10.0.0.0/8").statusCode()).as("a range is not an address").isEqualTo(404);
        assertThat(root.post("/api/security/ip/clear-attempts/10.0.0.0/8", "").statusCode()).isEqualTo(404);
        assertThat(root.post("/api/security/ip/stats", "{}").statusCode()).isEqualTo(405);

        assertThat(count("SELECT count(*) FROM ip_rules")).isZero();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE action IN ('IP_RULE_ADD', 'IP_RULE_REMOVE', 'LOGIN_ATTEMPTS_CLEARED')"))
                .isEqualTo(audits);
    }
}
