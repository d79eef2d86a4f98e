package com.timetracker.identity.internal;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;
import com.timetracker.platform.ApiException;
import com.timetracker.support.Http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V1's /api/users with V2's rules: who may touch whom, staff fields, deactivation, deletion, unlock. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class UserAdministrationTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration administration;

    Http root;

    @BeforeEach
    void signInRoot() {
        root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
    }

    private JsonNode create(Http as, String role, String extraJson) {
        String email = role + "-" + System.nanoTime() + "@example.com";
        var response = as.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"N " + role
                + "\", \"role\": \"" + role + "\"" + extraJson + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private Http signIn(JsonNode user) {
        return new Http(port).as(new Http(port).login(user.get("email").asString(), PASSWORD).get("access_token").asString());
    }

    @Test
    void anAdminCannotCreateOrPromoteOrTouchASuperAdmin() {
        Http admin = signIn(create(root, "admin", ""));
        var createSuper = admin.post("/api/users", "{\"email\": \"x" + System.nanoTime() + "@example.com\", \"password\": \"" + PASSWORD
                + "\", \"name\": \"X\", \"role\": \"super_admin\"}");
        assertThat(createSuper.statusCode()).isEqualTo(403);
        assertThat(Http.json(createSuper).get("error").asString()).isEqualTo("authorization_error");

        JsonNode regular = create(root, "regular_user", "");
        assertThat(admin.put("/api/users/" + regular.get("id").asLong() + "/role", "{\"role\": \"super_admin\"}").statusCode()).isEqualTo(403);
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();
        assertThat(admin.delete("/api/users/" + rootId).statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/users/" + rootId, "{\"name\": \"Hacked\"}").statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/users/" + regular.get("id").asLong() + "/role", "{\"role\": \"manager\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuperAdminCanCreateASuperAdminAndNobodyChangesTheirOwnRole() {
        JsonNode second = create(root, "super_admin", "");
        assertThat(second.get("role").asString()).isEqualTo("super_admin");
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();

        var own = root.put("/api/users/" + rootId + "/role", "{\"role\": \"admin\"}");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(Http.json(own).get("message").asString()).isEqualTo("Cannot change your own role");
    }

    @Test
    void regularUsersAndManagersGet403NotTheList() {
        assertThat(signIn(create(root, "regular_user", "")).get("/api/users").statusCode()).isEqualTo(403);
        assertThat(signIn(create(root, "manager", "")).get("/api/users").statusCode()).isEqualTo(403);
    }

    @Test
    void theLastActiveSuperAdminCannotBeRemoved() {
        jdbc.sql("UPDATE users SET is_active = false WHERE role = 'super_admin' AND email <> 'root@example.com'").update();
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();
        AuthenticatedUser otherSuperAdmin = new AuthenticatedUser(-1, "ghost@example.com", "Ghost", Role.SUPER_ADMIN, null);

        assertThatThrownBy(() -> administration.deactivate(otherSuperAdmin, rootId, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("last active super admin");
        assertThatThrownBy(() -> administration.changeRole(otherSuperAdmin, rootId, Role.ADMIN, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("last active super admin");
    }

    @Test
    void listPagesSearchesLiterallyAndFilters() {
        create(root, "regular_user", ", \"job_title\": \"dev\"");
        String marker = "pct" + System.nanoTime();
        root.post("/api/users", "{\"email\": \"" + marker + "a@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + marker + " 100% sure\"}");
        root.post("/api/users", "{\"email\": \"" + marker + "b@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + marker + " 1000 sure\"}");

        JsonNode percent = Http.json(root.get("/api/users?search=" + marker + "%20100%25"));
        assertThat(percent.get("total").asLong()).as("%% is a literal, not a wildcard").isEqualTo(1);
        JsonNode both = Http.json(root.get("/api/users?search=" + marker + "&page_size=1"));
        assertThat(both.get("total").asLong()).isEqualTo(2);
        assertThat(both.get("items").size()).isEqualTo(1);
        assertThat(both.get("pages").asLong()).isEqualTo(2);
        assertThat(Http.json(root.get("/api/users?search=" + marker + "&size=1")).get("page_size").asInt()).as("V1's stray size").isEqualTo(1);
        assertThat(Http.json(root.get("/api/users?role=super_admin")).get("items").findValuesAsString("role")).containsOnly("super_admin");
        assertThat(root.get("/api/users?page_size=101").statusCode()).isEqualTo(422);
        assertThat(root.get("/api/users?role=boss").statusCode()).isEqualTo(422);
    }

    @Test
    void createWithStaffFieldsPayRateAndTeams() {
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();
        long teamId = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Ops', :o, now(), now()) RETURNING id")
                .param("o", rootId).query(Long.class).single();
        JsonNode user = create(root, "regular_user", ", \"job_title\": \"Engineer\", \"department\": \"R&D\", \"employment_type\": \"part_time\","
                + " \"start_date\": \"2026-03-01\", \"expected_hours_per_week\": 20, \"manager_id\": " + rootId + ","
                + " \"pay_rate\": 42.50, \"pay_rate_type\": \"hourly\", \"currency\": \"EUR\", \"team_ids\": [" + teamId + "]");

        assertThat(user.get("job_title").asString()).isEqualTo("Engineer");
        assertThat(user.get("start_date").asString()).isEqualTo("2026-03-01");
        assertThat(user.get("expected_hours_per_week").asDouble()).isEqualTo(20.0);
        long id = user.get("id").asLong();
        assertThat(jdbc.sql("SELECT role FROM team_members WHERE user_id = :u AND team_id = :t").param("u", id).param("t", teamId)
                .query(String.class).single()).isEqualTo("member");
        assertThat(jdbc.sql("SELECT base_rate || ' ' || currency || ' ' || effective_from FROM pay_rates WHERE user_id = :u").param("u", id)
                .query(String.class).single()).isEqualTo("42.50 EUR 2026-03-01");
    }

    @Test
    void anUnknownTeamUndoesTheWholeCreation() {
        String email = "team-missing-" + System.nanoTime() + "@example.com";
        var response = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\", \"name\": \"T\", \"team_ids\": [987654]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("message").asString()).isEqualTo("Team with ID 987654 not found");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Integer.class).single()).isZero();
    }

    @Test
    void updateChangesStaffFieldsAndKeepsTheOthers() {
        JsonNode user = create(root, "regular_user", ", \"job_title\": \"Junior\", \"department\": \"Sales\"");
        var updated = root.put("/api/users/" + user.get("id").asLong(), "{\"job_title\": \"Senior\"}");

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Http.json(updated).get("job_title").asString()).isEqualTo("Senior");
        assertThat(Http.json(updated).get("department").asString()).isEqualTo("Sales");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'UPDATE' AND resource_type = 'user' AND resource_id = :id")
                .param("id", user.get("id").asInt()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUpdateClearsATextWithABlankAndTheManagerWithZero() {
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();
        JsonNode user = create(root, "regular_user", ", \"phone\": \"+1 555 0100\", \"department\": \"Sales\", \"manager_id\": " + rootId);
        String path = "/api/users/" + user.get("id").asLong();

        JsonNode updated = Http.json(root.put(path, "{\"phone\": \"  \", \"department\": \" Support \", \"manager_id\": 0}"));

        assertThat(updated.get("phone").isNull()).isTrue();
        assertThat(updated.get("department").asString()).isEqualTo("Support");
        assertThat(updated.get("manager_id").isNull()).isTrue();
        assertThat(Http.json(root.put(path, "{\"manager_id\": " + rootId + "}")).get("manager_id").asLong()).isEqualTo(rootId);
        assertThat(Http.json(root.put(path, "{\"name\": \"Renamed\"}")).get("manager_id").asLong()).isEqualTo(rootId);
    }

    @Test
    void deactivationEndsEverySessionAtOnce() {
        JsonNode user = create(root, "regular_user", "");
        Http signedIn = signIn(user);
        assertThat(signedIn.get("/api/auth/me").statusCode()).isEqualTo(200);

        var response = root.delete("/api/users/" + user.get("id").asLong());
        assertThat(Http.json(response).get("message").asString()).isEqualTo("User deactivated successfully");
        assertThat(signedIn.get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(Http.json(root.get("/api/users/" + user.get("id").asLong())).get("is_active").asBoolean()).isFalse();
    }

    @Test
    void permanentDeletionOnlyWhenNothingRefersToTheUser() {
        JsonNode unused = create(root, "regular_user", "");
        var deleted = root.delete("/api/users/" + unused.get("id").asLong() + "/permanent");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(root.get("/api/users/" + unused.get("id").asLong()).statusCode()).isEqualTo(404);

        JsonNode member = create(root, "regular_user", "");
        long rootId = jdbc.sql("SELECT id FROM users WHERE email = 'root@example.com'").query(Long.class).single();
        long teamId = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('T', :o, now(), now()) RETURNING id")
                .param("o", rootId).query(Long.class).single();
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :u, 'member', now())")
                .param("t", teamId).param("u", member.get("id").asLong()).update();
        var refused = root.delete("/api/users/" + member.get("id").asLong() + "/permanent");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Http.json(refused).get("message").asString()).contains("team memberships").contains("Deactivate");
    }

    @Test
    void anAdminCanLiftASignInLock() {
        JsonNode user = create(root, "regular_user", "");
        String email = user.get("email").asString();
        for (int i = 0; i < 5; i++) {
            new Http(port).post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"bad\"}", "X-Forwarded-For", "192.0.2.9");
        }
        String good = "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}";
        assertThat(new Http(port).post("/api/auth/login", good, "X-Forwarded-For", "192.0.2.9").statusCode()).isEqualTo(423);

        assertThat(root.post("/api/users/" + user.get("id").asLong() + "/unlock", "").statusCode()).isEqualTo(200);
        assertThat(new Http(port).post("/api/auth/login", good, "X-Forwarded-For", "192.0.2.9").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsA4xxAndWritesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
        String[] bodies = {
                "{\"email\": \"not-an-email\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\"}",
                "{\"email\": \"a1@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\", \"role\": \"emperor\"}",
                "{\"email\": \"a2@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\", \"employment_type\": \"slave\"}",
                "{\"email\": \"a3@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\", \"start_date\": \"2026-13-45\"}",
                "{\"email\": \"a4@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\", \"manager_id\": 99999999}",
                "{\"email\": \"a5@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"A\", \"team_ids\": [\"x\"]}",
                "{\"email\": \"a6@example.com\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + "n".repeat(256) + "\"}",
                "{\"email\": \"a7@example.com\", \"password\": \"short\", \"name\": \"A\"}",
                "{\"email\": \"a8@example.com\", \"name\": \"A\"}",
                "[1, 2]",
                "{\"email\": "};
        for (String body : bodies) {
            var response = root.post("/api/users", body);
            assertThat(response.statusCode()).as(body).isBetween(400, 422);
            assertThat(Http.json(response).has("error")).as(body).isTrue();
        }
        assertThat(root.get("/api/users/abc").statusCode()).isEqualTo(422);
        assertThat(root.get("/api/users/99999999").statusCode()).isEqualTo(404);
        assertThat(root.put("/api/users/99999999/role", "{\"role\": \"admin\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(before);
    }
}
