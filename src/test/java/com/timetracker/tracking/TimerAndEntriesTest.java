package com.timetracker.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** The timer and manual entries over real HTTP, with V2's rules. */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class TimerAndEntriesTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http root;
    long userId;
    Http user;
    long teamId;
    long projectId;
    long taskId;

    @BeforeEach
    void aUserInATeamWithAProject() {
        root = new Http(port).as(new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        String email = "tracker" + System.nanoTime() + "@example.com";
        userId = Http.json(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"Tracy\"}"))
                .get("id").asLong();
        user = new Http(port).as(new Http(port).login(email, PASSWORD).get("access_token").asString());
        teamId = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Team', :u, now(), now()) RETURNING id")
                .param("u", userId).query(Long.class).single();
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :u, 'owner', now())")
                .param("t", teamId).param("u", userId).update();
        projectId = project(teamId, false);
        taskId = jdbc.sql("INSERT INTO tasks (project_id, name, status, created_at, updated_at) VALUES (:p, 'Task', 'TODO', now(), now()) RETURNING id")
                .param("p", projectId).query(Long.class).single();
    }

    private long project(long team, boolean archived) {
        return jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'Project', '#3B82F6', :a, now(), now()) RETURNING id")
                .param("t", team).param("a", archived).query(Long.class).single();
    }

    private String startBody(long project) {
        return "{\"project_id\": " + project + ", \"description\": \"work\"}";
    }

    @Test
    void twentyConcurrentStartsMakeExactlyOneRunningTimer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            starts.add(() -> user.post("/api/time/start", startBody(projectId)).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(starts)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 400);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM time_entries WHERE user_id = :u AND end_time IS NULL").param("u", userId)
                .query(Integer.class).single()).isEqualTo(1);
        var again = user.post("/api/time/start", startBody(projectId));
        assertThat(Http.json(again).get("message").asString()).isEqualTo("Timer already running. Stop it first.");
    }

    @Test
    void nothingRunningIsAnAnswerNotA404() {
        JsonNode timer = Http.json(user.get("/api/time/timer"));
        assertThat(timer.get("is_running").asBoolean()).isFalse();
        assertThat(timer.get("current_entry").isNull()).isTrue();
        assertThat(user.post("/api/time/stop", "").statusCode()).isEqualTo(404);
    }

    @Test
    void stoppingRecordsTheRealElapsedSecondsWithoutAMinimum() {
        long id = Http.json(user.post("/api/time/start", startBody(projectId))).get("id").asLong();
        jdbc.sql("UPDATE time_entries SET start_time = now() - interval '7 seconds' WHERE id = :id").param("id", id).update();

        JsonNode timer = Http.json(user.get("/api/time/timer"));
        assertThat(timer.get("is_running").asBoolean()).isTrue();
        assertThat(timer.get("elapsed_seconds").asLong()).isBetween(7L, 9L);
        JsonNode stopped = Http.json(user.post("/api/time/stop", ""));
        assertThat(stopped.get("is_running").asBoolean()).isFalse();
        assertThat(stopped.get("duration_seconds").asInt()).as("V1 made it 60").isBetween(7, 9);
    }

    @Test
    void whereTimeCannotBeTracked() {
        long archived = project(teamId, true);
        var onArchived = user.post("/api/time/start", startBody(archived));
        assertThat(onArchived.statusCode()).isEqualTo(400);
        assertThat(Http.json(onArchived).get("message").asString()).contains("archived");

        long otherTeam = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Other', 1, now(), now()) RETURNING id")
                .query(Long.class).single();
        assertThat(user.post("/api/time/start", startBody(project(otherTeam, false))).statusCode()).isEqualTo(404);

        long elsewhere = project(teamId, false);
        long foreignTask = jdbc.sql("INSERT INTO tasks (project_id, name, status, created_at, updated_at) VALUES (:p, 'T', 'TODO', now(), now()) RETURNING id")
                .param("p", elsewhere).query(Long.class).single();
        var wrongTask = user.post("/api/time/start", "{\"project_id\": " + projectId + ", \"task_id\": " + foreignTask + "}");
        assertThat(wrongTask.statusCode()).isEqualTo(400);
        assertThat(Http.json(wrongTask).get("message").asString()).isEqualTo("Task not found in this project");
        assertThat(jdbc.sql("SELECT count(*) FROM time_entries WHERE user_id = :u").param("u", userId).query(Integer.class).single()).isZero();
    }

    @Test
    void aDurationWithoutAStartEndsNow() {
        Instant before = Instant.now();
        JsonNode entry = Http.json(user.post("/api/time", "{\"project_id\": " + projectId + ", \"duration_seconds\": 1800}"));

        Instant end = Instant.parse(entry.get("end_time").asString());
        assertThat(end).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Instant.parse(entry.get("start_time").asString())).isEqualTo(end.minusSeconds(1800));
        assertThat(entry.get("duration_seconds").asInt()).isEqualTo(1800);
        assertThat(entry.get("duration_minutes").asInt()).isEqualTo(30);
    }

    @Test
    void manualEntriesMustBeOrderedInThePastAndNotOverlap() {
        Instant nine = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String ok = "{\"project_id\": " + projectId + ", \"start_time\": \"" + nine + "\", \"end_time\": \"" + nine.plusSeconds(3600) + "\"}";
        long first = Http.json(user.post("/api/time", ok)).get("id").asLong();

        var backwards = user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + nine.plusSeconds(7200)
                + "\", \"end_time\": \"" + nine.plusSeconds(5400) + "\"}");
        assertThat(backwards.statusCode()).isEqualTo(422);
        var future = user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + Instant.now().minusSeconds(60)
                + "\", \"end_time\": \"" + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(Http.json(future).get("message").asString()).contains("future");
        var overlap = user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + nine.plusSeconds(1800)
                + "\", \"end_time\": \"" + nine.plusSeconds(5400) + "\"}");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(Http.json(overlap).get("message").asString()).contains("#" + first);
        var adjacent = user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + nine.plusSeconds(3600)
                + "\", \"end_time\": \"" + nine.plusSeconds(4000) + "\"}");
        assertThat(adjacent.statusCode()).as("touching is not overlapping").isEqualTo(201);
        assertThat(user.post("/api/time", "{\"project_id\": " + projectId + "}").statusCode()).isEqualTo(400);
    }

    @Test
    void anApprovedEntryIsLockedForItsOwnerAndARejectedOneIsResubmittedByEditing() {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long id = Http.json(user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + start
                + "\", \"end_time\": \"" + start.plusSeconds(600) + "\"}")).get("id").asLong();
        jdbc.sql("UPDATE time_entries SET approval_status = 'approved', approved_by = 1, approved_at = now() WHERE id = :id").param("id", id).update();

        assertThat(user.put("/api/time/" + id, "{\"description\": \"changed\"}").statusCode()).isEqualTo(409);
        assertThat(user.delete("/api/time/" + id).statusCode()).isEqualTo(409);

        jdbc.sql("UPDATE time_entries SET approval_status = 'rejected' WHERE id = :id").param("id", id).update();
        JsonNode edited = Http.json(user.put("/api/time/" + id, "{\"description\": \"fixed\"}"));
        assertThat(edited.get("description").asString()).isEqualTo("fixed");
        assertThat(edited.get("approval_status").asString()).isEqualTo("pending");
    }

    @Test
    void anotherTeamsEntriesAndTimersAreInvisible() {
        long mine = Http.json(user.post("/api/time/start", startBody(projectId))).get("id").asLong();
        String email = "outsider" + System.nanoTime() + "@example.com";
        root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"Out\"}");
        Http outsider = new Http(port).as(new Http(port).login(email, PASSWORD).get("access_token").asString());

        assertThat(outsider.get("/api/time/" + mine).statusCode()).isEqualTo(404);
        assertThat(outsider.put("/api/time/" + mine, "{\"description\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(Http.json(outsider.get("/api/time/active")).size()).isZero();
        assertThat(Http.json(outsider.get("/api/time?user_id=" + userId)).get("total").asLong()).isZero();
        assertThat(Http.json(user.get("/api/time/active")).findValuesAsString("user_name")).contains("Tracy");
        assertThat(Http.json(root.get("/api/time/active")).findValuesAsString("user_name")).contains("Tracy");
    }

    @Test
    void theListPagesAndTotalsTheWholeFilteredSet() {
        Instant base = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 3; i++) {
            user.post("/api/time", "{\"project_id\": " + projectId + ", \"start_time\": \"" + base.plusSeconds(i * 7200L)
                    + "\", \"end_time\": \"" + base.plusSeconds(i * 7200L + 3600) + "\"}");
        }
        JsonNode page = Http.json(user.get("/api/time?page_size=2&project_id=" + projectId));
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("pages").asLong()).isEqualTo(2);
        assertThat(page.get("total_seconds").asLong()).isEqualTo(3 * 3600);
        assertThat(page.get("total_hours").asDouble()).isEqualTo(3.0);
        assertThat(Instant.parse(page.get("items").get(0).get("start_time").asString()))
                .isAfter(Instant.parse(page.get("items").get(1).get("start_time").asString()));
    }
}
