package timetracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * V1's Locust mix (reference §8.2) on V2's real endpoints: USERS virtual users, 9 in 11 regular
 * people, 1 in 11 admins, 1 in 11 health probes, each looping for DURATION seconds after a ramp of
 * RAMP seconds. THINK=v1 keeps V1's waits between tasks (regular 1–5 s, admin 2–8 s, health 5–10 s);
 * THINK=0 runs every virtual user back to back (a closed model at saturation); THINK=<ms> waits that
 * many milliseconds after every request (200 users at 150 ms offer at most 200 / 0.15 s = 1,333 req/s). Setup (teams,
 * projects, people with a week of history, sign-ins) goes through the public API before the load.
 */
public class MixedSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("users", 200);
    static final int DURATION = Integer.getInteger("duration", 60);
    static final int RAMP = Integer.getInteger("ramp", 10);
    static final String THINK = System.getProperty("think", "v1");
    static final boolean V1_THINK = THINK.equals("v1");
    /** With THINK=<milliseconds>: the same fixed wait after every request of every virtual user. */
    static final long THINK_MILLIS = V1_THINK ? 0 : Long.parseLong(THINK);
    static final int HEALTH_USERS = Math.max(1, Math.round(USERS / 11f));
    static final int ADMIN_USERS = Math.max(1, Math.round(USERS / 11f));
    static final int REGULAR_USERS = USERS - HEALTH_USERS - ADMIN_USERS;
    static final int PEOPLE_PER_TEAM = 20;
    static final int PROJECTS_PER_TEAM = 3;
    static final int HISTORY_DAYS = 5;
    static final int ADMIN_ACCOUNTS = 2;

    private static final BenchApi API = new BenchApi(BASE);

    /** V1's task weights. The timer weight is start 3 + stop 2: see {@link #timerToggle()}. */
    private static final Map<String, Integer> REGULAR_TASKS = ordered("dashboard", 10, "entries", 8, "weekly", 5, "projects", 4,
            "timer", 5, "teams", 2, "manual", 1);
    private static final Map<String, Integer> ADMIN_TASKS = ordered("admin dashboard", 5, "admin time entries", 3, "workers report", 3,
            "alerts", 2, "metrics", 1);

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    private static String pick(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = ThreadLocalRandom.current().nextInt(total);
        for (Map.Entry<String, Integer> task : weights.entrySet()) {
            r -= task.getValue();
            if (r < 0) {
                return task.getKey();
            }
        }
        throw new IllegalStateException();
    }

    // ---- setup through the API --------------------------------------------------------------

    /** The people the virtual users play: one regular person each, admins shared between two accounts. */
    record Seed(List<Map<String, Object>> regular, List<Map<String, Object>> admins) {
    }

    // Not in a static initialiser: its parallel lambdas would wait on this class's initialisation.
    private static Seed seed() {
        long started = System.nanoTime();
        String admin = API.adminToken();
        String run = Long.toString(System.currentTimeMillis(), 36);
        int teams = Math.max(1, (REGULAR_USERS + PEOPLE_PER_TEAM - 1) / PEOPLE_PER_TEAM);
        List<String> teamIds = new ArrayList<>();
        List<List<String>> projects = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            String team = BenchApi.field(API.call("POST", "/api/teams", admin, "{\"name\": \"Mixed " + run + " team " + t + "\"}"), "id");
            teamIds.add(team);
            List<String> own = new ArrayList<>();
            for (int p = 0; p < PROJECTS_PER_TEAM; p++) {
                own.add(BenchApi.field(API.call("POST", "/api/projects", admin,
                        "{\"name\": \"Mixed " + run + " project " + t + "-" + p + "\", \"team_id\": " + team + "}"), "id"));
            }
            projects.add(own);
        }
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        // manual entries of the run go back an hour at a time from 30 days ago: never in the future,
        // never over the seeded week or the timers of the run (the server refuses overlaps)
        String manualBase = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(30, ChronoUnit.DAYS).toString();
        List<Map<String, Object>> regular = BenchApi.parallel(REGULAR_USERS, 4, i -> {
            String email = "mixed-" + run + "-" + i + "@example.com";
            String team = teamIds.get(i % teams);
            String project = projects.get(i % teams).get(i % PROJECTS_PER_TEAM);
            API.call("POST", "/api/users", admin, "{\"email\": \"" + email + "\", \"password\": \"" + BenchApi.PASSWORD
                    + "\", \"name\": \"Mixed " + i + "\", \"team_ids\": [" + team + "]}");
            String token = API.login(email, BenchApi.PASSWORD);
            for (int d = 0; d < HISTORY_DAYS; d++) {
                Instant start = yesterday.minus(d, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
                API.call("POST", "/api/time", token, "{\"project_id\": " + projects.get(i % teams).get(d % PROJECTS_PER_TEAM)
                        + ", \"description\": \"history\", \"start_time\": \"" + start + "\", \"end_time\": \""
                        + start.plus(3, ChronoUnit.HOURS) + "\"}");
            }
            Map<String, Object> person = new HashMap<>();
            person.put("token", token);
            person.put("project", project);
            person.put("manualBase", manualBase);
            return person;
        });
        List<String> adminTokens = BenchApi.parallel(ADMIN_ACCOUNTS, 2, i -> {
            String email = "mixed-" + run + "-admin-" + i + "@example.com";
            API.call("POST", "/api/users", admin, "{\"email\": \"" + email + "\", \"password\": \"" + BenchApi.PASSWORD
                    + "\", \"name\": \"Mixed admin " + i + "\", \"role\": \"admin\"}");
            return API.login(email, BenchApi.PASSWORD);
        });
        List<Map<String, Object>> admins = new ArrayList<>();
        for (int i = 0; i < ADMIN_USERS; i++) {
            admins.add(Map.of("token", adminTokens.get(i % ADMIN_ACCOUNTS)));
        }
        System.out.printf("Seeded %d teams, %d projects, %d people with %d entries each and %d admins in %.1f s%n", teams,
                teams * PROJECTS_PER_TEAM, REGULAR_USERS, HISTORY_DAYS, ADMIN_ACCOUNTS, (System.nanoTime() - started) / 1e9);
        return new Seed(regular, admins);
    }

    // ---- the load ---------------------------------------------------------------------------

    /** The admin entry list needs a range: the last seven days (UTC). */
    private static final String LAST_WEEK = "start_date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(6)
            + "&end_date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC);

    private static HttpRequestActionBuilder get(String name, String path) {
        return http(name).get(path).header("Authorization", "Bearer #{token}").check(status().is(200));
    }

    private static ChainBuilder think(int min, int max) {
        return V1_THINK ? pause(Duration.ofSeconds(min), Duration.ofSeconds(max))
                : THINK_MILLIS > 0 ? pause(Duration.ofMillis(THINK_MILLIS)) : exec(session -> session);
    }

    /**
     * V1 drew "start timer" (3) and "stop timer" (2) independently, so a third of its starts met a
     * running timer (V2: 400 "Timer already running") and many stops met none (404). Here the five
     * draws toggle the person's timer: start when none runs, stop when one does — every call valid.
     */
    private static ChainBuilder timerToggle() {
        return doIfOrElse(session -> session.getBoolean("running")).then(
                exec(http("stop timer").post("/api/time/stop").header("Authorization", "Bearer #{token}").check(status().is(200)))
                        .exec(session -> session.set("running", false))
        ).orElse(
                exec(http("start timer").post("/api/time/start").header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"project_id\": #{project}, \"description\": \"mixed load\"}")).check(status().is(201)))
                        .exec(session -> session.set("running", !session.isFailed()))
        );
    }

    /** A finished half hour in the person's next free hour going back from 30 days ago. */
    private static ChainBuilder manualEntry() {
        return exec(session -> {
            int slot = session.getInt("slot");
            Instant start = Instant.parse(session.getString("manualBase")).minus(slot + 1L, ChronoUnit.HOURS);
            return session.set("slot", slot + 1).set("manualStart", start.toString())
                    .set("manualEnd", start.plus(30, ChronoUnit.MINUTES).toString());
        }).exec(http("manual entry").post("/api/time").header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"project_id\": #{project}, \"description\": \"mixed load\", \"start_time\": \"#{manualStart}\", "
                        + "\"end_time\": \"#{manualEnd}\"}"))
                .check(status().is(201)));
    }

    private final Seed seed = seed();

    HttpProtocolBuilder protocol = http.baseUrl(BASE).contentTypeHeader("application/json").acceptHeader("application/json");

    ScenarioBuilder regular = scenario("regular user")
            .feed(listFeeder(seed.regular()).queue())
            .exec(session -> session.set("running", false).set("slot", 0))
            .exec(during(Duration.ofSeconds(DURATION)).on(
                    exec(session -> session.set("task", pick(REGULAR_TASKS))),
                    doSwitch("#{task}").on(
                            onCase("dashboard").then(exec(get("dashboard", "/api/reports/dashboard"))),
                            onCase("entries").then(exec(get("list entries", "/api/time?page=1&page_size=20"))),
                            onCase("weekly").then(exec(get("weekly report", "/api/reports/weekly"))),
                            onCase("projects").then(exec(get("projects", "/api/projects"))),
                            onCase("timer").then(timerToggle()),
                            onCase("teams").then(exec(get("teams", "/api/teams"))),
                            onCase("manual").then(manualEntry())),
                    think(1, 5)));

    ScenarioBuilder admin = scenario("admin")
            .feed(listFeeder(seed.admins()).queue())
            .exec(during(Duration.ofSeconds(DURATION)).on(
                    exec(session -> session.set("task", pick(ADMIN_TASKS))),
                    doSwitch("#{task}").on(
                            onCase("admin dashboard").then(exec(get("admin dashboard", "/api/reports/admin/dashboard"))),
                            onCase("admin time entries").then(exec(get("admin time entries", "/api/admin/time-entries?" + LAST_WEEK + "&page=1&page_size=20"))),
                            onCase("workers report").then(exec(get("workers report", "/api/admin/workers-report"))),
                            onCase("alerts").then(exec(get("activity alerts", "/api/admin/activity-alerts"))),
                            // V2 has no /api/monitoring/metrics (V1's psutil dump); its database health check stands in
                            onCase("metrics").then(exec(get("monitoring health", "/api/monitoring/health")))),
                    think(2, 8)));

    ScenarioBuilder health = scenario("health")
            .exec(during(Duration.ofSeconds(DURATION)).on(
                    exec(http("health").get("/api/health").check(status().is(200))),
                    think(5, 10)));

    {
        setUp(regular.injectOpen(rampUsers(REGULAR_USERS).during(RAMP)),
                admin.injectOpen(rampUsers(ADMIN_USERS).during(RAMP)),
                health.injectOpen(rampUsers(HEALTH_USERS).during(RAMP)))
                .protocols(protocol);
    }
}
