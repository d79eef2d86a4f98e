package com.timetracker.projects.internal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.People.Person;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed JSON, wrong types, missing fields, over-long strings, unknown enum values and unknown or
 * foreign ids sent to each endpoint of teams, projects and tasks: always a 4xx in the error shape,
 * never a 500, and nothing written.
 */
@CatalogHttpTest
class CatalogBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private record Case(String name, int status, Supplier<HttpResponse<String>> call) {
    }

    private String snapshot() {
        return jdbc.sql("""
                SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM teams)
                    || '/' || (SELECT count(*) || ':' || coalesce(string_agg(team_id || '-' || user_id || '-' || role, ',' ORDER BY team_id, user_id), '')
                               FROM team_members)
                    || '/' || (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || count(*) FILTER (WHERE is_archived) FROM projects)
                    || '/' || (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM tasks)
                    || '/' || (SELECT count(*) FROM audit_logs WHERE resource_type IN ('team', 'project', 'task'))""").query(String.class).single();
    }

    @Test
    void everyTeamProjectAndTaskEndpointAnswersBadInputWithA4xxAndWritesNothing() {
        People people = new People(port);
        Person me = people.create("regular_user");
        Person mate = people.create("regular_user");
        Person stranger = people.create("regular_user");
        Http http = me.http();
        long team = Http.json(http.post("/api/teams", "{\"name\": \"Mine\"}")).get("id").asLong();
        http.post("/api/teams/" + team + "/members", "{\"user_id\": " + mate.id() + "}");
        long project = Http.json(http.post("/api/projects", "{\"name\": \"P\", \"team_id\": " + team + "}")).get("id").asLong();
        long task = Http.json(http.post("/api/tasks", "{\"name\": \"T\", \"project_id\": " + project + "}")).get("id").asLong();
        long foreignTeam = Http.json(stranger.http().post("/api/teams", "{\"name\": \"Theirs\"}")).get("id").asLong();
        long foreignProject = Http.json(stranger.http().post("/api/projects", "{\"name\": \"FP\", \"team_id\": " + foreignTeam + "}")).get("id").asLong();
        long foreignTask = Http.json(stranger.http().post("/api/tasks", "{\"name\": \"FT\", \"project_id\": " + foreignProject + "}")).get("id").asLong();
        String longName = "n".repeat(256);
        String longText = "d".repeat(10_001);
        long unknown = 987_654_321L;

        List<Case> cases = new ArrayList<>(List.of(
                // GET /api/teams
                new Case("teams page 0", 422, () -> http.get("/api/teams?page=0")),
                new Case("teams page_size 101", 422, () -> http.get("/api/teams?page_size=101")),
                new Case("teams page not a number", 422, () -> http.get("/api/teams?page=first")),
                // GET /api/teams/{id}
                new Case("team bad id", 422, () -> http.get("/api/teams/one")),
                new Case("team unknown", 404, () -> http.get("/api/teams/" + unknown)),
                new Case("team foreign", 404, () -> http.get("/api/teams/" + foreignTeam)),
                // POST /api/teams
                new Case("create team malformed", 422, () -> http.post("/api/teams", "{\"name\": ")),
                new Case("create team not an object", 422, () -> http.post("/api/teams", "[]")),
                new Case("create team missing name", 422, () -> http.post("/api/teams", "{}")),
                new Case("create team blank name", 422, () -> http.post("/api/teams", "{\"name\": \"   \"}")),
                new Case("create team long name", 422, () -> http.post("/api/teams", "{\"name\": \"" + longName + "\"}")),
                new Case("create team wrong type", 422, () -> http.post("/api/teams", "{\"name\": {\"a\": 1}}")),
                new Case("create team no body", 422, () -> http.post("/api/teams", "")),
                // PUT /api/teams/{id}
                new Case("rename malformed", 422, () -> http.put("/api/teams/" + team, "{\"name\"")),
                new Case("rename blank", 422, () -> http.put("/api/teams/" + team, "{\"name\": \" \"}")),
                new Case("rename long", 422, () -> http.put("/api/teams/" + team, "{\"name\": \"" + longName + "\"}")),
                new Case("rename wrong type", 422, () -> http.put("/api/teams/" + team, "{\"name\": [1]}")),
                new Case("rename unknown", 404, () -> http.put("/api/teams/" + unknown, "{\"name\": \"X\"}")),
                new Case("rename foreign", 404, () -> http.put("/api/teams/" + foreignTeam, "{\"name\": \"X\"}")),
                // DELETE /api/teams/{id}
                new Case("delete team bad id", 422, () -> http.delete("/api/teams/1.5")),
                new Case("delete team unknown", 404, () -> http.delete("/api/teams/" + unknown)),
                new Case("delete team foreign", 404, () -> http.delete("/api/teams/" + foreignTeam)),
                // POST /api/teams/{id}/members
                new Case("add member malformed", 422, () -> http.post("/api/teams/" + team + "/members", "{\"user_id\": 1,")),
                new Case("add member missing user", 422, () -> http.post("/api/teams/" + team + "/members", "{\"role\": \"member\"}")),
                new Case("add member wrong type", 422, () -> http.post("/api/teams/" + team + "/members", "{\"user_id\": \"someone\"}")),
                new Case("add member unknown role", 422, () -> http.post("/api/teams/" + team + "/members",
                        "{\"user_id\": " + stranger.id() + ", \"role\": \"boss\"}")),
                new Case("add member role upper case", 422, () -> http.post("/api/teams/" + team + "/members",
                        "{\"user_id\": " + stranger.id() + ", \"role\": \"OWNER\"}")),
                new Case("add member unknown user", 404, () -> http.post("/api/teams/" + team + "/members", "{\"user_id\": " + unknown + "}")),
                new Case("add member already in", 400, () -> http.post("/api/teams/" + team + "/members", "{\"user_id\": " + mate.id() + "}")),
                new Case("add member unknown team", 404, () -> http.post("/api/teams/" + unknown + "/members", "{\"user_id\": " + mate.id() + "}")),
                new Case("add member foreign team", 404, () -> http.post("/api/teams/" + foreignTeam + "/members", "{\"user_id\": " + mate.id() + "}")),
                // PUT /api/teams/{id}/members/{user_id}
                new Case("role malformed", 422, () -> http.put("/api/teams/" + team + "/members/" + mate.id(), "{\"role\": admin}")),
                new Case("role missing", 422, () -> http.put("/api/teams/" + team + "/members/" + mate.id(), "{}")),
                new Case("role unknown", 422, () -> http.put("/api/teams/" + team + "/members/" + mate.id(), "{\"role\": \"captain\"}")),
                new Case("role wrong type", 422, () -> http.put("/api/teams/" + team + "/members/" + mate.id(), "{\"role\": 3.5}")),
                new Case("role unknown member", 404, () -> http.put("/api/teams/" + team + "/members/" + stranger.id(), "{\"role\": \"admin\"}")),
                new Case("role bad user id", 422, () -> http.put("/api/teams/" + team + "/members/abc", "{\"role\": \"admin\"}")),
                new Case("role foreign team", 404, () -> http.put("/api/teams/" + foreignTeam + "/members/" + stranger.id(), "{\"role\": \"member\"}")),
                // DELETE /api/teams/{id}/members/{user_id}
                new Case("remove unknown member", 404, () -> http.delete("/api/teams/" + team + "/members/" + unknown)),
                new Case("remove bad user id", 422, () -> http.delete("/api/teams/" + team + "/members/me")),
                new Case("remove foreign team", 404, () -> http.delete("/api/teams/" + foreignTeam + "/members/" + stranger.id())),
                new Case("remove last owner", 400, () -> http.delete("/api/teams/" + team + "/members/" + me.id())),
                // GET /api/projects
                new Case("projects bad boolean", 422, () -> http.get("/api/projects?include_archived=maybe")),
                new Case("projects bad team id", 422, () -> http.get("/api/projects?team_id=abc")),
                new Case("projects page_size 0", 422, () -> http.get("/api/projects?page_size=0")),
                // GET /api/projects/{id}
                new Case("project bad id", 422, () -> http.get("/api/projects/abc")),
                new Case("project unknown", 404, () -> http.get("/api/projects/" + unknown)),
                new Case("project foreign", 404, () -> http.get("/api/projects/" + foreignProject)),
                // POST /api/projects
                new Case("create project malformed", 422, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": }")),
                new Case("create project missing fields", 422, () -> http.post("/api/projects", "{}")),
                new Case("create project missing team", 422, () -> http.post("/api/projects", "{\"name\": \"P\"}")),
                new Case("create project blank name", 422, () -> http.post("/api/projects", "{\"name\": \"\", \"team_id\": " + team + "}")),
                new Case("create project long name", 422, () -> http.post("/api/projects", "{\"name\": \"" + longName + "\", \"team_id\": " + team + "}")),
                new Case("create project long description", 422, () -> http.post("/api/projects",
                        "{\"name\": \"P\", \"description\": \"" + longText + "\", \"team_id\": " + team + "}")),
                new Case("create project colour name", 422, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": " + team + ", \"color\": \"red\"}")),
                new Case("create project short colour", 422, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": " + team + ", \"color\": \"#12345\"}")),
                new Case("create project team wrong type", 422, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": \"mine\"}")),
                new Case("create project unknown team", 403, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": " + unknown + "}")),
                new Case("create project foreign team", 403, () -> http.post("/api/projects", "{\"name\": \"P\", \"team_id\": " + foreignTeam + "}")),
                // PUT /api/projects/{id}
                new Case("update project malformed", 422, () -> http.put("/api/projects/" + project, "{\"name\": \"P\"")),
                new Case("update project blank name", 422, () -> http.put("/api/projects/" + project, "{\"name\": \"  \"}")),
                new Case("update project long name", 422, () -> http.put("/api/projects/" + project, "{\"name\": \"" + longName + "\"}")),
                new Case("update project colour", 422, () -> http.put("/api/projects/" + project, "{\"color\": \"#GGGGGG\"}")),
                new Case("update project archived wrong type", 422, () -> http.put("/api/projects/" + project, "{\"is_archived\": \"sometimes\"}")),
                new Case("update project unknown", 404, () -> http.put("/api/projects/" + unknown, "{\"name\": \"X\"}")),
                new Case("update project foreign", 404, () -> http.put("/api/projects/" + foreignProject, "{\"is_archived\": true}")),
                // DELETE /api/projects/{id}
                new Case("archive bad id", 422, () -> http.delete("/api/projects/x")),
                new Case("archive unknown", 404, () -> http.delete("/api/projects/" + unknown)),
                new Case("archive foreign", 404, () -> http.delete("/api/projects/" + foreignProject)),
                // POST /api/projects/{id}/restore
                new Case("restore bad id", 422, () -> http.post("/api/projects/x/restore", "")),
                new Case("restore unknown", 404, () -> http.post("/api/projects/" + unknown + "/restore", "")),
                new Case("restore foreign", 404, () -> http.post("/api/projects/" + foreignProject + "/restore", "")),
                // GET /api/tasks
                new Case("tasks bad status", 422, () -> http.get("/api/tasks?status=BLOCKED")),
                new Case("tasks bad project id", 422, () -> http.get("/api/tasks?project_id=p1")),
                new Case("tasks bad page", 422, () -> http.get("/api/tasks?page=-1")),
                // GET /api/tasks/{id}
                new Case("task bad id", 422, () -> http.get("/api/tasks/abc")),
                new Case("task unknown", 404, () -> http.get("/api/tasks/" + unknown)),
                new Case("task foreign", 404, () -> http.get("/api/tasks/" + foreignTask)),
                // POST /api/tasks
                new Case("create task malformed", 422, () -> http.post("/api/tasks", "{\"name\": \"T\" \"project_id\": 1}")),
                new Case("create task missing fields", 422, () -> http.post("/api/tasks", "{}")),
                new Case("create task missing project", 422, () -> http.post("/api/tasks", "{\"name\": \"T\"}")),
                new Case("create task long name", 422, () -> http.post("/api/tasks", "{\"name\": \"" + longName + "\", \"project_id\": " + project + "}")),
                new Case("create task unknown status", 422, () -> http.post("/api/tasks",
                        "{\"name\": \"T\", \"project_id\": " + project + ", \"status\": \"BLOCKED\"}")),
                new Case("create task project wrong type", 422, () -> http.post("/api/tasks", "{\"name\": \"T\", \"project_id\": [1]}")),
                new Case("create task unknown project", 404, () -> http.post("/api/tasks", "{\"name\": \"T\", \"project_id\": " + unknown + "}")),
                new Case("create task foreign project", 404, () -> http.post("/api/tasks", "{\"name\": \"T\", \"project_id\": " + foreignProject + "}")),
                // PUT /api/tasks/{id}
                new Case("update task malformed", 422, () -> http.put("/api/tasks/" + task, "{\"status\": ")),
                new Case("update task blank name", 422, () -> http.put("/api/tasks/" + task, "{\"name\": \"\\t\"}")),
                new Case("update task unknown status", 422, () -> http.put("/api/tasks/" + task, "{\"status\": \"done\"}")),
                new Case("update task long description", 422, () -> http.put("/api/tasks/" + task, "{\"description\": \"" + longText + "\"}")),
                new Case("update task unknown", 404, () -> http.put("/api/tasks/" + unknown, "{\"status\": \"DONE\"}")),
                new Case("update task foreign", 404, () -> http.put("/api/tasks/" + foreignTask, "{\"status\": \"DONE\"}")),
                // DELETE /api/tasks/{id}
                new Case("delete task bad id", 422, () -> http.delete("/api/tasks/abc")),
                new Case("delete task unknown", 404, () -> http.delete("/api/tasks/" + unknown)),
                new Case("delete task foreign", 404, () -> http.delete("/api/tasks/" + foreignTask))));

        String before = snapshot();
        for (Case c : cases) {
            HttpResponse<String> response = c.call().get();
            assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.status());
            assertThat(Http.json(response).get("error").asString()).as(c.name()).isNotBlank();
            assertThat(Http.json(response).get("message").asString()).as(c.name()).isNotBlank();
            assertThat(Http.json(response).get("request_id").asString()).as(c.name()).isNotBlank();
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(http.get("/api/teams/" + team).statusCode()).as("the team is intact").isEqualTo(200);
    }
}
