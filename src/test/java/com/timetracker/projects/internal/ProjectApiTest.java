package com.timetracker.projects.internal;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.timetracker.projects.ProjectCreated;
import com.timetracker.projects.TaskCreated;
import com.timetracker.support.CatalogEvents;
import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.People.Person;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** V1's /api/projects and /api/tasks with V2's rules: visibility by team, archive/restore, no deleted time. */
@CatalogHttpTest
class ProjectApiTest {

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
        return Http.json(owner.http().post("/api/teams", "{\"name\": \"" + name + "\"}")).get("id").asLong();
    }

    private JsonNode project(Http as, long team, String name) {
        HttpResponse<String> response = as.post("/api/projects", "{\"name\": \"" + name + "\", \"team_id\": " + team + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private JsonNode task(Http as, long project, String name) {
        HttpResponse<String> response = as.post("/api/tasks", "{\"name\": \"" + name + "\", \"project_id\": " + project + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private void trackTime(long user, long project, Long task) {
        jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, task_id, start_time, end_time, duration_seconds, is_running,
                                                  created_at, updated_at, approval_status)
                        VALUES (:u, :p, :t, now() - interval '1 hour', now(), 3600, false, now(), now(), 'pending')""")
                .param("u", user).param("p", project).param("t", task).update();
    }

    private static String message(HttpResponse<String> response) {
        return Http.json(response).get("message").asString();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aMemberOfOneTeamSeesNoProjectOrTaskOfAnotherAndAdminsSeeAll() {
        Person a = people.create("regular_user");
        Person b = people.create("manager");
        String marker = "pv" + System.nanoTime();
        long teamA = team(a, marker + " team A");
        long teamB = team(b, marker + " team B");
        long projectA = project(a.http(), teamA, marker + " A").get("id").asLong();
        long projectB = project(b.http(), teamB, marker + " B").get("id").asLong();
        long taskA = task(a.http(), projectA, marker + " task A").get("id").asLong();
        long taskB = task(b.http(), projectB, marker + " task B").get("id").asLong();

        assertThat(Http.json(a.http().get("/api/projects?search=" + marker)).get("items").findValuesAsString("name"))
                .containsExactly(marker + " A");
        assertThat(Http.json(a.http().get("/api/projects?team_id=" + teamB)).get("total").asLong()).as("foreign team_id: empty").isZero();
        assertThat(Http.json(a.http().get("/api/tasks?search=" + marker)).get("items").findValuesAsString("name"))
                .containsExactly(marker + " task A");
        assertThat(Http.json(a.http().get("/api/tasks?project_id=" + projectB)).get("total").asLong()).as("foreign project_id: empty").isZero();

        for (HttpResponse<String> foreign : new HttpResponse[] {
                a.http().get("/api/projects/" + projectB),
                a.http().put("/api/projects/" + projectB, "{\"name\": \"Mine\"}"),
                a.http().delete("/api/projects/" + projectB),
                a.http().post("/api/projects/" + projectB + "/restore", "")}) {
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
            assertThat(message(foreign)).isEqualTo("Project not found");
        }
        for (HttpResponse<String> foreign : new HttpResponse[] {
                a.http().get("/api/tasks/" + taskB),
                a.http().put("/api/tasks/" + taskB, "{\"status\": \"DONE\"}"),
                a.http().delete("/api/tasks/" + taskB)}) {
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
            assertThat(message(foreign)).isEqualTo("Task not found");
        }
        HttpResponse<String> foreignTask = a.http().post("/api/tasks", "{\"name\": \"Sneaky\", \"project_id\": " + projectB + "}");
        assertThat(foreignTask.statusCode()).isEqualTo(404);
        assertThat(message(foreignTask)).isEqualTo("Project not found or access denied");
        HttpResponse<String> foreignProject = a.http().post("/api/projects", "{\"name\": \"Sneaky\", \"team_id\": " + teamB + "}");
        assertThat(foreignProject.statusCode()).isEqualTo(403);
        assertThat(message(foreignProject)).isEqualTo("No access to this team");
        HttpResponse<String> unknownTeam = a.http().post("/api/projects", "{\"name\": \"Sneaky\", \"team_id\": 987654321}");
        assertThat(unknownTeam.statusCode()).as("the same answer as a foreign team").isEqualTo(403);

        assertThat(jdbc.sql("SELECT name || ' ' || is_archived FROM projects WHERE id = :id").param("id", projectB).query(String.class).single())
                .isEqualTo(marker + " B false");
        assertThat(jdbc.sql("SELECT status FROM tasks WHERE id = :id").param("id", taskB).query(String.class).single()).isEqualTo("TODO");
        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE project_id = :id").param("id", projectB).query(Long.class).single()).isEqualTo(1);

        for (String role : new String[] {"admin", "super_admin"}) {
            Http admin = people.create(role).http();
            assertThat(Http.json(admin.get("/api/projects?search=" + marker)).get("items").findValuesAsString("name")).as(role)
                    .containsExactly(marker + " B", marker + " A");
            assertThat(Http.json(admin.get("/api/tasks?search=" + marker)).get("total").asLong()).as(role).isEqualTo(2);
            assertThat(admin.get("/api/projects/" + projectB).statusCode()).isEqualTo(200);
            assertThat(admin.get("/api/tasks/" + taskB).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anyMemberOfTheTeamCreatesAndEditsProjectsAndTasksAndEventsAreAnnounced() {
        Person owner = people.create("regular_user");
        Person member = people.create("regular_user");
        String teamName = "Work " + System.nanoTime();
        long team = team(owner, teamName);
        owner.http().post("/api/teams/" + team + "/members", "{\"user_id\": " + member.id() + "}");

        HttpResponse<String> created = member.http().post("/api/projects",
                "{\"name\": \"  Website  \", \"description\": \"New site\", \"team_id\": " + team + ", \"color\": \"#10b981\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode project = Http.json(created);
        long projectId = project.get("id").asLong();
        assertThat(project.get("name").asString()).isEqualTo("Website");
        assertThat(project.get("team_name").asString()).isEqualTo(teamName);
        assertThat(project.get("color").asString()).isEqualTo("#10b981");
        assertThat(project.get("is_archived").asBoolean()).isFalse();
        assertThat(project.get("task_count").asLong()).isZero();
        assertThat(project(owner.http(), team, "Default colour").get("color").asString()).isEqualTo("#3B82F6");

        JsonNode task = task(member.http(), projectId, "Design");
        assertThat(task.get("status").asString()).isEqualTo("TODO");
        assertThat(task.get("project_name").asString()).isEqualTo("Website");
        JsonNode updatedTask = Http.json(member.http().put("/api/tasks/" + task.get("id").asLong(), "{\"status\": \"IN_PROGRESS\"}"));
        assertThat(updatedTask.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(updatedTask.get("name").asString()).isEqualTo("Design");
        assertThat(Http.json(member.http().get("/api/tasks?project_id=" + projectId + "&status=IN_PROGRESS")).get("total").asLong()).isEqualTo(1);
        assertThat(Http.json(member.http().get("/api/tasks?project_id=" + projectId + "&status=DONE")).get("total").asLong()).isZero();
        assertThat(member.http().get("/api/tasks?status=done").statusCode()).isEqualTo(422);

        JsonNode updated = Http.json(member.http().put("/api/projects/" + projectId, "{\"name\": \"Web site\", \"color\": \"#000000\"}"));
        assertThat(updated.get("name").asString()).isEqualTo("Web site");
        assertThat(updated.get("description").asString()).as("untouched").isEqualTo("New site");
        assertThat(updated.get("task_count").asLong()).isEqualTo(1);

        assertThat(events.of(ProjectCreated.class)).filteredOn(e -> e.projectId() == projectId).singleElement()
                .isEqualTo(new ProjectCreated(projectId, "Website", team, teamName, "#10b981", member.id(), member.name()));
        assertThat(events.of(TaskCreated.class)).filteredOn(e -> e.taskId() == task.get("id").asLong()).singleElement()
                .isEqualTo(new TaskCreated(task.get("id").asLong(), "Design", projectId, "Website", team, "TODO", member.id(), member.name()));
        assertThat(jdbc.sql("SELECT action || ' ' || user_email FROM audit_logs WHERE resource_type = 'project' AND resource_id = :id ORDER BY id")
                .param("id", projectId).query(String.class).list())
                .containsExactly("CREATE " + member.email(), "UPDATE " + member.email());
        assertThat(jdbc.sql("SELECT action FROM audit_logs WHERE resource_type = 'task' AND resource_id = :id ORDER BY id")
                .param("id", task.get("id").asLong()).query(String.class).list()).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void deleteArchivesTheProjectAndRestoreBringsItBackWithItsTaskCount() {
        Person owner = people.create("regular_user");
        String marker = "arch" + System.nanoTime();
        long team = team(owner, marker);
        long projectId = project(owner.http(), team, marker + " project").get("id").asLong();
        task(owner.http(), projectId, "One");
        task(owner.http(), projectId, "Two");
        trackTime(owner.id(), projectId, null);

        HttpResponse<String> archived = owner.http().delete("/api/projects/" + projectId);
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(message(archived)).isEqualTo("Project archived successfully");
        assertThat(Http.json(owner.http().get("/api/projects/" + projectId)).get("is_archived").asBoolean()).isTrue();
        assertThat(Http.json(owner.http().get("/api/projects?team_id=" + team)).get("total").asLong()).as("hidden by default").isZero();
        JsonNode withArchived = Http.json(owner.http().get("/api/projects?team_id=" + team + "&include_archived=true"));
        assertThat(withArchived.get("items").findValuesAsString("name")).containsExactly(marker + " project");
        assertThat(jdbc.sql("SELECT count(*) FROM time_entries WHERE project_id = :id").param("id", projectId).query(Long.class).single())
                .isEqualTo(1);

        HttpResponse<String> restored = owner.http().post("/api/projects/" + projectId + "/restore", "");
        assertThat(restored.statusCode()).isEqualTo(200);
        JsonNode project = Http.json(restored);
        assertThat(project.get("is_archived").asBoolean()).isFalse();
        assertThat(project.get("task_count").asLong()).as("V1 answered 0").isEqualTo(2);
        assertThat(Http.json(owner.http().get("/api/projects?team_id=" + team)).get("total").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_logs WHERE resource_type = 'project' AND resource_id = :id ORDER BY id")
                .param("id", projectId).query(String.class).list()).containsExactly("CREATE", "ARCHIVE", "RESTORE");
    }

    @Test
    void aTaskWithTrackedTimeIsNotDeletedAnEmptyOneIs() {
        Person owner = people.create("regular_user");
        long team = team(owner, "Tasks " + System.nanoTime());
        long projectId = project(owner.http(), team, "P").get("id").asLong();
        long tracked = task(owner.http(), projectId, "Tracked").get("id").asLong();
        long empty = task(owner.http(), projectId, "Empty").get("id").asLong();
        trackTime(owner.id(), projectId, tracked);

        for (Http as : new Http[] {owner.http(), people.create("super_admin").http()}) {
            HttpResponse<String> refused = as.delete("/api/tasks/" + tracked);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(message(refused)).contains("1 time entries").contains("archive its project");
            assertThat(Http.json(refused).get("error").asString()).isEqualTo("conflict");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE id = :id").param("id", tracked).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM time_entries WHERE task_id = :id").param("id", tracked).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> deleted = owner.http().delete("/api/tasks/" + empty);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(message(deleted)).isEqualTo("Task deleted successfully");
        assertThat(owner.http().get("/api/tasks/" + empty).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT action FROM audit_logs WHERE resource_type = 'task' AND resource_id = :id ORDER BY id")
                .param("id", empty).query(String.class).list()).containsExactly("CREATE", "DELETE");
    }

    @Test
    void anAdminCreatesInAnyTeamAndGets404ForATeamThatDoesNotExist() {
        Person owner = people.create("regular_user");
        long team = team(owner, "Admin target " + System.nanoTime());
        Http admin = people.create("admin").http();
        assertThat(project(admin, team, "By admin").get("team_id").asLong()).isEqualTo(team);

        HttpResponse<String> missing = admin.post("/api/projects", "{\"name\": \"Nowhere\", \"team_id\": 987654321}");
        assertThat(missing.statusCode()).as("V1 gave a 500 here").isEqualTo(404);
        assertThat(message(missing)).isEqualTo("Team not found");
        HttpResponse<String> missingProject = admin.post("/api/tasks", "{\"name\": \"Nowhere\", \"project_id\": 987654321}");
        assertThat(missingProject.statusCode()).isEqualTo(404);
        assertThat(message(missingProject)).isEqualTo("Project not found or access denied");
    }

    @Test
    void searchTermsAreLiteralText() {
        Person owner = people.create("regular_user");
        String marker = "lit" + System.nanoTime();
        long team = team(owner, marker);
        long projectId = project(owner.http(), team, marker + " 100% done").get("id").asLong();
        project(owner.http(), team, marker + " 1000 done");
        project(owner.http(), team, marker + " a_b");
        project(owner.http(), team, marker + " axb");
        task(owner.http(), projectId, marker + " 50% off");
        task(owner.http(), projectId, marker + " 500 off");

        assertThat(Http.json(owner.http().get("/api/projects?search=" + q(marker + " 100%"))).get("items").findValuesAsString("name"))
                .containsExactly(marker + " 100% done");
        assertThat(Http.json(owner.http().get("/api/projects?search=" + q(marker + " a_b"))).get("items").findValuesAsString("name"))
                .containsExactly(marker + " a_b");
        assertThat(Http.json(owner.http().get("/api/tasks?search=" + q(marker + " 50%"))).get("items").findValuesAsString("name"))
                .containsExactly(marker + " 50% off");
        assertThat(Http.json(owner.http().get("/api/teams?search=" + q(marker.substring(0, 3) + "_"))).get("total").asLong())
                .as("_ is not a wildcard for teams either").isZero();
        JsonNode paged = Http.json(owner.http().get("/api/projects?search=" + marker + "&page_size=3&page=2"));
        assertThat(paged.get("total").asLong()).isEqualTo(4);
        assertThat(paged.get("pages").asLong()).isEqualTo(2);
        assertThat(paged.get("items").size()).isEqualTo(1);
        assertThat(paged.get("items").get(0).get("name").asString()).as("newest first").isEqualTo(marker + " 100% done");
    }
}
