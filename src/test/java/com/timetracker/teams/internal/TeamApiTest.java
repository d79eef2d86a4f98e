package com.timetracker.teams.internal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.timetracker.support.CatalogEvents;
import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.People.Person;
import com.timetracker.teams.MemberAdded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** V1's /api/teams with V2's rules: team roles, visibility by membership, the last owner, no deleted time. */
@CatalogHttpTest
class TeamApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogEvents events;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(port);
    }

    private long team(Person owner, String name) {
        HttpResponse<String> response = owner.http().post("/api/teams", "{\"name\": \"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asLong();
    }

    private HttpResponse<String> add(Http as, long team, Person who, String role) {
        return as.post("/api/teams/" + team + "/members", "{\"user_id\": " + who.id() + ", \"role\": \"" + role + "\"}");
    }

    private static String message(HttpResponse<String> response) {
        return Http.json(response).get("message").asString();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void anyoneCreatesATeamAndBecomesItsOwnerWithTheUserInTheMemberList() {
        Person creator = people.create("regular_user");
        HttpResponse<String> created = creator.http().post("/api/teams", "{\"name\": \"  Alpha squad  \"}", "User-Agent", "TeamProbe/1");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode team = Http.json(created);
        assertThat(team.get("name").asString()).isEqualTo("Alpha squad");
        assertThat(team.get("owner_id").asLong()).isEqualTo(creator.id());
        assertThat(team.get("member_count").asLong()).isEqualTo(1);

        JsonNode detail = Http.json(creator.http().get("/api/teams/" + team.get("id").asLong()));
        JsonNode member = detail.get("members").get(0);
        assertThat(member.get("role").asString()).isEqualTo("owner");
        assertThat(member.get("user").get("email").asString()).isEqualTo(creator.email());
        assertThat(member.get("user").get("name").asString()).isEqualTo(creator.name());
        assertThat(member.get("user").get("role").asString()).isEqualTo("regular_user");

        String audit = jdbc.sql("SELECT user_email || ' ' || ip_address || ' ' || user_agent FROM audit_logs"
                        + " WHERE action = 'CREATE' AND resource_type = 'team' AND resource_id = :id")
                .param("id", team.get("id").asLong()).query(String.class).single();
        assertThat(audit).isEqualTo(creator.email() + " 127.0.0.1 TeamProbe/1");
    }

    @Test
    void aMemberOfOneTeamSeesNothingOfAnotherAndAdminsSeeAll() {
        Person a = people.create("regular_user");
        Person b = people.create("manager");
        String marker = "vis" + System.nanoTime();
        long teamA = team(a, marker + " A");
        long teamB = team(b, marker + " B");

        JsonNode listA = Http.json(a.http().get("/api/teams?search=" + marker));
        assertThat(listA.get("items").findValuesAsString("name")).containsExactly(marker + " A");
        assertThat(listA.get("total").asLong()).isEqualTo(1);
        assertThat(listA.get("items").get(0).get("member_count").asLong()).isEqualTo(1);

        for (HttpResponse<String> foreign : new HttpResponse[] {
                a.http().get("/api/teams/" + teamB),
                a.http().put("/api/teams/" + teamB, "{\"name\": \"Taken over\"}"),
                a.http().delete("/api/teams/" + teamB),
                add(a.http(), teamB, a, "member"),
                a.http().put("/api/teams/" + teamB + "/members/" + b.id(), "{\"role\": \"member\"}"),
                a.http().delete("/api/teams/" + teamB + "/members/" + b.id())}) {
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
            assertThat(message(foreign)).isEqualTo("Team not found");
        }
        assertThat(count("SELECT count(*) FROM team_members WHERE team_id = :id", teamB)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM teams WHERE id = :id").param("id", teamB).query(String.class).single()).isEqualTo(marker + " B");

        for (String role : new String[] {"admin", "super_admin"}) {
            Person admin = people.create(role);
            JsonNode all = Http.json(admin.http().get("/api/teams?search=" + marker));
            assertThat(all.get("items").findValuesAsString("name")).as(role).containsExactly(marker + " B", marker + " A");
            assertThat(admin.http().get("/api/teams/" + teamB).statusCode()).as(role).isEqualTo(200);
        }
    }

    @Test
    void teamRolesGovernWhoRenamesAddsChangesRolesRemovesAndDeletes() {
        Person owner = people.create("regular_user");
        Person teamAdmin = people.create("regular_user");
        Person member = people.create("manager");
        Person newcomer = people.create("regular_user");
        String original = "Roles " + System.nanoTime();
        long team = team(owner, original);
        assertThat(add(owner.http(), team, teamAdmin, "admin").statusCode()).isEqualTo(201);
        HttpResponse<String> added = owner.http().post("/api/teams/" + team + "/members", "{\"user_id\": " + member.id() + "}");
        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode addedMember = Http.json(added);
        assertThat(addedMember.get("role").asString()).as("V1's default role").isEqualTo("member");
        assertThat(addedMember.get("user").get("id").asLong()).as("V1 always sent user: null").isEqualTo(member.id());
        assertThat(addedMember.get("user").get("email").asString()).isEqualTo(member.email());

        // a plain member (even a global manager) runs nothing
        assertThat(member.http().put("/api/teams/" + team, "{\"name\": \"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(add(member.http(), team, newcomer, "member").statusCode()).isEqualTo(403);
        assertThat(member.http().delete("/api/teams/" + team + "/members/" + teamAdmin.id()).statusCode()).isEqualTo(403);

        // a team admin renames, adds and removes members, but does not touch owners, roles or the team's existence
        assertThat(teamAdmin.http().put("/api/teams/" + team, "{\"name\": \"Renamed\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> addOwner = add(teamAdmin.http(), team, newcomer, "owner");
        assertThat(addOwner.statusCode()).isEqualTo(403);
        assertThat(message(addOwner)).isEqualTo("Only a team owner can add an owner");
        assertThat(add(teamAdmin.http(), team, newcomer, "member").statusCode()).isEqualTo(201);
        HttpResponse<String> roleChange = teamAdmin.http().put("/api/teams/" + team + "/members/" + newcomer.id(), "{\"role\": \"admin\"}");
        assertThat(roleChange.statusCode()).isEqualTo(403);
        assertThat(message(roleChange)).isEqualTo("Only team owner can change roles");
        HttpResponse<String> deleteTeam = teamAdmin.http().delete("/api/teams/" + team);
        assertThat(deleteTeam.statusCode()).isEqualTo(403);
        assertThat(message(deleteTeam)).isEqualTo("Only team owner can delete");
        assertThat(teamAdmin.http().delete("/api/teams/" + team + "/members/" + owner.id()).statusCode()).isEqualTo(403);
        assertThat(teamAdmin.http().delete("/api/teams/" + team + "/members/" + newcomer.id()).statusCode()).isEqualTo(200);

        // the owner changes roles; a member may leave
        JsonNode promoted = Http.json(owner.http().put("/api/teams/" + team + "/members/" + member.id(), "{\"role\": \"admin\"}"));
        assertThat(promoted.get("role").asString()).isEqualTo("admin");
        assertThat(promoted.get("user").get("name").asString()).isEqualTo(member.name());
        assertThat(owner.http().put("/api/teams/" + team + "/members/" + member.id(), "{\"role\": \"member\"}").statusCode()).isEqualTo(200);
        assertThat(member.http().delete("/api/teams/" + team + "/members/" + member.id()).statusCode()).isEqualTo(200);
        assertThat(member.http().get("/api/teams/" + team).statusCode()).as("gone with the membership").isEqualTo(404);

        // a global admin acts on a team it is not in
        Person admin = people.create("admin");
        assertThat(admin.http().put("/api/teams/" + team + "/members/" + teamAdmin.id(), "{\"role\": \"member\"}").statusCode()).isEqualTo(200);
        assertThat(add(admin.http(), team, newcomer, "owner").statusCode()).isEqualTo(201);

        // V1's messages for what is missing or already there
        HttpResponse<String> again = add(owner.http(), team, newcomer, "member");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(message(again)).isEqualTo("User already a member");
        HttpResponse<String> nobody = owner.http().post("/api/teams/" + team + "/members", "{\"user_id\": 987654321}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(message(nobody)).isEqualTo("User not found");
        HttpResponse<String> notMember = owner.http().put("/api/teams/" + team + "/members/" + member.id(), "{\"role\": \"admin\"}");
        assertThat(notMember.statusCode()).isEqualTo(404);
        assertThat(message(notMember)).isEqualTo("Member not found");

        JsonNode detail = Http.json(owner.http().get("/api/teams/" + team));
        assertThat(detail.get("name").asString()).isEqualTo("Renamed");
        assertThat(detail.get("member_count").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT action FROM audit_logs WHERE resource_type = 'team' AND resource_id = :id ORDER BY id")
                .param("id", team).query(String.class).list())
                .containsExactly("CREATE", "MEMBER_ADD", "MEMBER_ADD", "UPDATE", "MEMBER_ADD", "MEMBER_REMOVE", "MEMBER_ROLE_CHANGE",
                        "MEMBER_ROLE_CHANGE", "MEMBER_REMOVE", "MEMBER_ROLE_CHANGE", "MEMBER_ADD");
        assertThat(events.of(MemberAdded.class)).filteredOn(e -> e.teamId() == team)
                .extracting(MemberAdded::userId, MemberAdded::userName, MemberAdded::role, MemberAdded::teamName, MemberAdded::actorId)
                .containsExactly(
                        tuple(teamAdmin.id(), teamAdmin.name(), "admin", original, owner.id()),
                        tuple(member.id(), member.name(), "member", original, owner.id()),
                        tuple(newcomer.id(), newcomer.name(), "member", "Renamed", teamAdmin.id()),
                        tuple(newcomer.id(), newcomer.name(), "owner", "Renamed", admin.id()));
    }

    @Test
    void nobodyRemovesOrDemotesTheLastOwner() {
        Person owner = people.create("regular_user");
        Person other = people.create("regular_user");
        Person admin = people.create("super_admin");
        long team = team(owner, "Owners " + System.nanoTime());
        assertThat(add(owner.http(), team, other, "member").statusCode()).isEqualTo(201);

        HttpResponse<String> demote = owner.http().put("/api/teams/" + team + "/members/" + owner.id(), "{\"role\": \"admin\"}");
        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(message(demote)).startsWith("Cannot demote the last owner");
        HttpResponse<String> leave = owner.http().delete("/api/teams/" + team + "/members/" + owner.id());
        assertThat(leave.statusCode()).isEqualTo(400);
        assertThat(message(leave)).isEqualTo("Cannot remove last owner");
        assertThat(admin.http().delete("/api/teams/" + team + "/members/" + owner.id()).statusCode()).isEqualTo(400);
        assertThat(admin.http().put("/api/teams/" + team + "/members/" + owner.id(), "{\"role\": \"member\"}").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT role FROM team_members WHERE team_id = :t AND user_id = :u").param("t", team).param("u", owner.id())
                .query(String.class).single()).isEqualTo("owner");

        // with a second owner the first may go, and teams.owner_id follows the remaining owner
        assertThat(owner.http().put("/api/teams/" + team + "/members/" + other.id(), "{\"role\": \"owner\"}").statusCode()).isEqualTo(200);
        assertThat(owner.http().delete("/api/teams/" + team + "/members/" + owner.id()).statusCode()).isEqualTo(200);
        JsonNode after = Http.json(other.http().get("/api/teams/" + team));
        assertThat(after.get("owner_id").asLong()).isEqualTo(other.id());
        assertThat(other.http().put("/api/teams/" + team + "/members/" + other.id(), "{\"role\": \"member\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveTheTeamWithAnOwner() throws Exception {
        Person first = people.create("regular_user");
        Person second = people.create("regular_user");
        long team = team(first, "Duel " + System.nanoTime());
        assertThat(add(first.http(), team, second, "owner").statusCode()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> one = pool.submit(() ->
                    first.http().put("/api/teams/" + team + "/members/" + second.id(), "{\"role\": \"member\"}"));
            Future<HttpResponse<String>> two = pool.submit(() ->
                    second.http().put("/api/teams/" + team + "/members/" + first.id(), "{\"role\": \"member\"}"));
            assertThat(List.of(one.get().statusCode(), two.get().statusCode())).containsOnlyOnce(200);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT count(*) FROM team_members WHERE team_id = :id AND role = 'owner'", team)).isEqualTo(1);
    }

    @Test
    void aTeamWhoseProjectsHoldTrackedTimeIsNotDeleted() {
        Person owner = people.create("regular_user");
        long team = team(owner, "Tracked " + System.nanoTime());
        long project = Http.json(owner.http().post("/api/projects", "{\"name\": \"P\", \"team_id\": " + team + "}")).get("id").asLong();
        long task = Http.json(owner.http().post("/api/tasks", "{\"name\": \"T\", \"project_id\": " + project + "}")).get("id").asLong();
        jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, task_id, start_time, end_time, duration_seconds, is_running,
                                                  created_at, updated_at, approval_status)
                        VALUES (:u, :p, :t, now() - interval '1 hour', now(), 3600, false, now(), now(), 'pending')""")
                .param("u", owner.id()).param("p", project).param("t", task).update();

        for (Http as : new Http[] {owner.http(), people.create("admin").http()}) {
            HttpResponse<String> refused = as.delete("/api/teams/" + team);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(message(refused)).contains("1 time entries").contains("Archive the team's projects");
            assertThat(Http.json(refused).get("details").get("time_entries").asLong()).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM teams WHERE id = :id", team)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM team_members WHERE team_id = :id", team)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM projects WHERE team_id = :id", team)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tasks WHERE project_id = :id", project)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM time_entries WHERE project_id = :id", project)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_logs WHERE action = 'DELETE' AND resource_type = 'team' AND resource_id = :id", team))
                .isZero();
    }

    @Test
    void aTeamWithoutTrackedTimeIsDeletedWithItsMembershipsProjectsAndTasks() {
        Person owner = people.create("regular_user");
        Person member = people.create("regular_user");
        long team = team(owner, "Empty " + System.nanoTime());
        add(owner.http(), team, member, "member");
        long project = Http.json(owner.http().post("/api/projects", "{\"name\": \"P\", \"team_id\": " + team + "}")).get("id").asLong();
        owner.http().post("/api/tasks", "{\"name\": \"T1\", \"project_id\": " + project + "}");
        owner.http().post("/api/tasks", "{\"name\": \"T2\", \"project_id\": " + project + "}");

        HttpResponse<String> deleted = owner.http().delete("/api/teams/" + team);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(message(deleted)).isEqualTo("Team deleted successfully");
        assertThat(count("SELECT count(*) FROM teams WHERE id = :id", team)).isZero();
        assertThat(count("SELECT count(*) FROM team_members WHERE team_id = :id", team)).isZero();
        assertThat(count("SELECT count(*) FROM projects WHERE team_id = :id", team)).isZero();
        assertThat(count("SELECT count(*) FROM tasks WHERE project_id = :id", project)).isZero();
        JsonNode audited = Http.json(jdbc.sql("SELECT old_values FROM audit_logs WHERE action = 'DELETE' AND resource_type = 'team'"
                + " AND resource_id = :id").param("id", team).query(String.class).single());
        assertThat(audited.get("projects").asLong()).isEqualTo(1);
        assertThat(audited.get("tasks").asLong()).isEqualTo(2);
        assertThat(audited.get("members").asLong()).isEqualTo(2);
        assertThat(owner.http().get("/api/teams/" + team).statusCode()).isEqualTo(404);
    }
}
