package timetracker.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Timer start → stop round trips and the entry list (page of 50) under USERS concurrent people,
 * each in a team with a project, ITERATIONS rounds each, one round every PACE seconds per user
 * (0: back to back). Setup goes through the public API.
 */
public class TimerSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("users", 50);
    static final int ITERATIONS = Integer.getInteger("iterations", 40);
    /** Seconds per round per user (0 = back to back, i.e. measure at saturation). */
    static final int PACE = Integer.getInteger("pace", 0);
    private static final BenchApi API = new BenchApi(BASE);

    /** A team with a project and USERS members, created once before the run. */
    private static List<Map<String, Object>> people() {
        String admin = API.adminToken();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String team = BenchApi.field(API.call("POST", "/api/teams", admin, "{\"name\": \"Bench " + run + "\"}"), "id");
        String project = BenchApi.field(API.call("POST", "/api/projects", admin, "{\"name\": \"Bench\", \"team_id\": " + team + "}"), "id");
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String email = "bench-" + run + "-" + i + "@example.com";
            API.call("POST", "/api/users", admin, "{\"email\": \"" + email + "\", \"password\": \"" + BenchApi.PASSWORD + "\", \"name\": \"Bench " + i
                    + "\", \"team_ids\": [" + team + "]}");
            Map<String, Object> person = new HashMap<>();
            person.put("email", email);
            person.put("project", project);
            // signed in during setup: 50 bcrypt checks at once would otherwise dominate the first seconds
            person.put("token", API.login(email, BenchApi.PASSWORD));
            people.add(person);
        }
        return people;
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE).contentTypeHeader("application/json").acceptHeader("application/json");

    ScenarioBuilder tracking = scenario("timer")
            .feed(listFeeder(people()))
            .exec(repeat(ITERATIONS).on(
                    pace(java.time.Duration.ofMillis(PACE * 1000L)),
                    http("timer start").post("/api/time/start").header("Authorization", "Bearer #{token}")
                            .body(StringBody("{\"project_id\": #{project}}")).check(status().is(201)),
                    http("timer stop").post("/api/time/stop").header("Authorization", "Bearer #{token}").check(status().is(200)),
                    http("list entries (page of 50)").get("/api/time?page_size=50").header("Authorization", "Bearer #{token}")
                            .check(status().is(200))));

    {
        // Paced users arrive spread over one pace period, so their rounds are not synchronised bursts.
        setUp(tracking.injectOpen(PACE > 0 ? rampUsers(USERS).during(PACE) : atOnceUsers(USERS))).protocols(protocol);
    }
}
