package com.timetracker.reporting;

import java.net.http.HttpResponse;
import java.time.Instant;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.TestClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of /api/reports and the admin reports, with exact numbers: clipped by overlap, days
 * of the caller's zone (23- and 25-hour DST days), running entries up to the (test) clock's now,
 * hours rounded from summed seconds, each report's scope.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=" + People.ROOT_EMAIL, "FIRST_SUPER_ADMIN_PASSWORD=" + People.ROOT_PASSWORD})
@ContextConfiguration(initializers = TestClock.Initializer.class)
class ReportsTest {

    /** Monday 30 March 2026, the day after Europe/Berlin switched to summer time. */
    static final Instant NOW = Instant.parse("2026-03-30T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    ReportFixture fixture;
    People people;
    People.Person owner;
    People.Person worker;
    People.Person outsider;
    long team;
    long project;
    long otherProject;

    @BeforeEach
    void aTeamWithAnOwnerAndAWorker() {
        clock.set(NOW);
        fixture = new ReportFixture(jdbc);
        people = new People(port);
        owner = people.create("regular_user");
        worker = people.create("regular_user");
        outsider = people.create("regular_user");
        team = fixture.team("Crew " + System.nanoTime(), owner.id());
        fixture.member(team, worker.id(), "member");
        project = fixture.project(team, "Hull");
        long otherTeam = fixture.team("Elsewhere " + System.nanoTime(), outsider.id());
        otherProject = fixture.project(otherTeam, "Sails");
    }

    private JsonNode ok(Http http, String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static long seconds(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (day.get("date").asString().equals(date)) {
                return day.get("total_seconds").asLong();
            }
        }
        throw new AssertionError("no day " + date + " in " + days);
    }

    @Test
    void daysFollowTheZoneAcrossBothDstChanges() {
        fixture.entry(worker.id(), project, null, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z");
        fixture.entry(worker.id(), project, null, "2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z");

        JsonNode spring = ok(worker.http(), "/api/reports/weekly?start_date=2026-03-23&tz=Europe/Berlin");
        assertThat(spring.get("week_start").asString()).isEqualTo("2026-03-23");
        assertThat(spring.get("week_end").asString()).isEqualTo("2026-03-29");
        assertThat(seconds(spring.get("daily_breakdown"), "2026-03-28")).isEqualTo(11 * 3600);
        assertThat(seconds(spring.get("daily_breakdown"), "2026-03-29")).as("the 23-hour day").isEqualTo(23 * 3600);
        assertThat(spring.get("total_seconds").asLong()).isEqualTo(34 * 3600);
        assertThat(spring.get("total_hours").asDouble()).isEqualTo(34.0);

        JsonNode autumn = ok(owner.http(), "/api/reports/team?team_id=" + team + "&start_date=2026-10-24&end_date=2026-10-26&tz=Europe/Berlin");
        assertThat(seconds(autumn.get("by_day"), "2026-10-24")).isEqualTo(10 * 3600);
        assertThat(seconds(autumn.get("by_day"), "2026-10-25")).as("the 25-hour day").isEqualTo(25 * 3600);
        assertThat(seconds(autumn.get("by_day"), "2026-10-26")).isEqualTo(13 * 3600);
        assertThat(autumn.get("total_seconds").asLong()).isEqualTo(48 * 3600);
        assertThat(autumn.get("total_entries").asLong()).isEqualTo(1);

        JsonNode utc = ok(worker.http(), "/api/reports/weekly?start_date=2026-03-23&tz=UTC");
        assertThat(seconds(utc.get("daily_breakdown"), "2026-03-28")).isEqualTo(12 * 3600);
        assertThat(seconds(utc.get("daily_breakdown"), "2026-03-29")).isEqualTo(24 * 3600);
    }

    @Test
    void theCallersZoneIsTheDefault() {
        fixture.entry(worker.id(), project, null, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z");
        assertThat(worker.http().put("/api/auth/me", "{\"timezone\": \"Europe/Berlin\"}").statusCode()).isEqualTo(200);
        JsonNode week = ok(worker.http(), "/api/reports/weekly?start_date=2026-03-23");
        assertThat(seconds(week.get("daily_breakdown"), "2026-03-29")).isEqualTo(23 * 3600);
    }

    @Test
    void anEntryAcrossMidnightCountsOnEachDayAndHoursComeFromSummedSeconds() {
        fixture.entry(worker.id(), project, null, "2026-03-10T22:00:00Z", "2026-03-11T02:00:00Z");
        // three entries of 20 min 10 s: 0.34 h each when rounded, but 3630 s = 1.01 h together
        fixture.entry(worker.id(), project, null, "2026-03-12T08:00:00Z", "2026-03-12T08:20:10Z");
        fixture.entry(worker.id(), project, null, "2026-03-12T09:00:00Z", "2026-03-12T09:20:10Z");
        fixture.entry(worker.id(), project, null, "2026-03-12T10:00:00Z", "2026-03-12T10:20:10Z");

        JsonNode report = ok(owner.http(), "/api/reports/team?team_id=" + team + "&start_date=2026-03-10&end_date=2026-03-12&tz=UTC");
        JsonNode days = report.get("by_day");
        assertThat(days.size()).isEqualTo(3);
        assertThat(seconds(days, "2026-03-10")).isEqualTo(7200);
        assertThat(seconds(days, "2026-03-11")).isEqualTo(7200);
        assertThat(days.get(0).get("entry_count").asLong()).isEqualTo(1);
        assertThat(days.get(1).get("entry_count").asLong()).isEqualTo(1);
        assertThat(days.get(2).get("total_hours").asDouble()).isEqualTo(1.01);
        assertThat(report.get("total_entries").asLong()).isEqualTo(4);
        assertThat(report.get("total_seconds").asLong()).isEqualTo(14400 + 3630);

        JsonNode onlyTheEleventh = ok(owner.http(), "/api/reports/team?team_id=" + team + "&start_date=2026-03-11&end_date=2026-03-11&tz=UTC");
        assertThat(onlyTheEleventh.get("total_seconds").asLong()).as("clipped at the range start").isEqualTo(7200);
        assertThat(onlyTheEleventh.get("by_user").get(0).get("user_id").asLong()).isEqualTo(worker.id());
        assertThat(onlyTheEleventh.get("by_project").get(0).get("project_name").asString()).isEqualTo("Hull");
    }

    @Test
    void theDashboardIsTheCallersOwnTimeWithTheRunningEntryUpToNow() {
        // NOW is Monday 10:00 UTC: today, this week and this month end there
        fixture.entry(worker.id(), project, null, "2026-03-30T08:30:00Z", null);                    // running: 1.5 h so far
        fixture.entry(worker.id(), project, null, "2026-03-29T23:00:00Z", "2026-03-30T01:00:00Z");  // 1 h yesterday, 1 h today
        fixture.entry(worker.id(), project, null, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");  // this month, last week
        fixture.entry(worker.id(), project, null, "2026-02-28T09:00:00Z", "2026-02-28T10:00:00Z");  // last month
        fixture.entry(owner.id(), project, null, "2026-03-30T07:00:00Z", "2026-03-30T09:00:00Z");   // a teammate's time
        fixture.task(project, "Caulk", "TODO");
        fixture.task(project, "Paint", "DONE");

        JsonNode d = ok(worker.http(), "/api/reports/dashboard?tz=UTC");
        assertThat(d.get("today_seconds").asLong()).isEqualTo(5400 + 3600);
        assertThat(d.get("today_hours").asDouble()).isEqualTo(2.5);
        assertThat(d.get("week_seconds").asLong()).isEqualTo(5400 + 3600);
        assertThat(d.get("month_seconds").asLong()).isEqualTo(5400 + 7200 + 3600);
        assertThat(d.get("running_timer").asBoolean()).isTrue();
        assertThat(d.get("active_projects").asLong()).isEqualTo(1);
        assertThat(d.get("pending_tasks").asLong()).isEqualTo(1);

        clock.set(NOW.plusSeconds(600));
        assertThat(ok(worker.http(), "/api/reports/dashboard?tz=UTC").get("today_seconds").asLong()).isEqualTo(6000 + 3600);
        assertThat(ok(owner.http(), "/api/reports/dashboard?tz=UTC").get("today_seconds").asLong()).isEqualTo(7200);
        assertThat(ok(owner.http(), "/api/reports/dashboard?tz=UTC").get("running_timer").asBoolean()).isFalse();
    }

    @Test
    void byProjectCountsTheCallersTeamsAndByTaskOnlyTheirOwnTime() {
        long caulk = fixture.task(project, "Caulk", "IN_PROGRESS");
        fixture.entry(worker.id(), project, caulk, "2026-03-20T08:00:00Z", "2026-03-20T09:00:00Z");
        fixture.entry(owner.id(), project, caulk, "2026-03-20T08:00:00Z", "2026-03-20T10:00:00Z");
        fixture.entry(worker.id(), project, null, "2026-03-21T08:00:00Z", "2026-03-21T08:30:00Z");
        fixture.entry(outsider.id(), otherProject, null, "2026-03-20T08:00:00Z", "2026-03-20T12:00:00Z");

        JsonNode byProject = ok(worker.http(), "/api/reports/by-project?start_date=2026-03-01&end_date=2026-03-31&tz=UTC");
        assertThat(byProject.size()).isEqualTo(1);
        assertThat(byProject.get(0).get("project_id").asLong()).isEqualTo(project);
        assertThat(byProject.get(0).get("total_seconds").asLong()).isEqualTo(3600 + 7200 + 1800);
        assertThat(byProject.get(0).get("entry_count").asLong()).isEqualTo(3);
        assertThat(byProject.get(0).get("total_hours").asDouble()).isEqualTo(3.5);

        JsonNode byTask = ok(worker.http(), "/api/reports/by-task?start_date=2026-03-01&end_date=2026-03-31&tz=UTC&project_id=" + project);
        assertThat(byTask.size()).isEqualTo(1);
        assertThat(byTask.get(0).get("task_name").asString()).isEqualTo("Caulk");
        assertThat(byTask.get(0).get("project_name").asString()).isEqualTo("Hull");
        assertThat(byTask.get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(byTask.get(0).get("total_seconds").asLong()).isEqualTo(3600);

        JsonNode everything = ok(people.root(), "/api/reports/by-project?start_date=2026-03-01&end_date=2026-03-31&tz=UTC");
        assertThat(everything.findValuesAsString("project_name")).contains("Hull", "Sails");
    }

    @Test
    void theTeamReportIsForItsOwnersAndAdmins() {
        String path = "/api/reports/team?team_id=" + team;
        assertThat(worker.http().get(path).statusCode()).isEqualTo(403);
        assertThat(outsider.http().get(path).statusCode()).isEqualTo(404);
        assertThat(owner.http().get(path).statusCode()).isEqualTo(200);
        assertThat(people.root().get(path).statusCode()).isEqualTo(200);
        assertThat(people.root().get("/api/reports/team?team_id=99999999").statusCode()).isEqualTo(404);
        assertThat(worker.http().get("/api/reports/admin/dashboard").statusCode()).isEqualTo(403);
        assertThat(owner.http().get("/api/reports/admin/teams").statusCode()).isEqualTo(403);
        assertThat(owner.http().get("/api/reports/admin/users").statusCode()).isEqualTo(403);
        assertThat(owner.http().get("/api/reports/admin/users/" + worker.id()).statusCode()).isEqualTo(403);
        assertThat(owner.http().get("/api/admin/time-entries?start_date=2026-03-01&end_date=2026-03-02").statusCode()).isEqualTo(403);
        assertThat(owner.http().get("/api/admin/workers-report").statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsA4xxInTheErrorShape() {
        String team = "/api/reports/team?team_id=" + this.team;
        assertRefused(worker.http().get("/api/reports/weekly?tz=Mars/Olympus"), 422);
        assertRefused(worker.http().get("/api/reports/dashboard?tz=Europe/Nowhere"), 422);
        assertRefused(owner.http().get(team + "&start_date=2026-03-10&end_date=2026-03-09"), 422);
        assertRefused(owner.http().get(team + "&start_date=2025-03-01&end_date=2026-03-02"), 422);
        assertThat(owner.http().get(team + "&start_date=2025-03-02&end_date=2026-03-02").statusCode()).as("366 days").isEqualTo(200);
        assertRefused(owner.http().get(team + "&start_date=yesterday"), 422);
        assertRefused(owner.http().get("/api/reports/team?team_id=abc"), 422);
        assertRefused(owner.http().get("/api/reports/team"), 422);
        assertRefused(worker.http().get("/api/reports/by-task?project_id=" + otherProject), 404);
        assertRefused(worker.http().get("/api/reports/weekly?week_offset=-53"), 422);
        assertRefused(worker.http().get("/api/reports/weekly?start_date=2026-02-30"), 422);
        assertRefused(worker.http().get("/api/reports/by-project?start_date=2026-03-10&end_date=2026-03-01"), 422);
        assertRefused(worker.http().get("/api/reports/by-project?end_date=soon"), 422);
        assertRefused(worker.http().get("/api/reports/by-task?project_id=abc"), 422);
        assertRefused(worker.http().get("/api/reports/by-task?project_id=99999999"), 404);
        assertRefused(people.root().get("/api/reports/admin/teams?tz=Nowhere"), 422);
        assertRefused(people.root().get("/api/reports/admin/users/abc"), 422);
        assertRefused(people.root().get("/api/reports/admin/users?period=year"), 422);
        assertRefused(people.root().get("/api/reports/admin/users/99999999"), 404);
        assertRefused(people.root().get("/api/admin/time-entries?start_date=2026-03-01"), 422);
        assertRefused(people.root().get("/api/admin/time-entries?start_date=2026-03-01&end_date=2026-03-02&team_id=99999999"), 404);
        assertRefused(people.root().get("/api/admin/time-entries?start_date=2026-03-01&end_date=2026-03-02&page_size=501"), 422);
        assertRefused(people.root().get("/api/admin/workers-report?team_id=99999999"), 404);
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body().substring(0, Math.min(300, response.body().length()))).isEqualTo(status);
        JsonNode body = Http.json(response);
        assertThat(body.has("error") && body.has("message") && body.has("request_id")).as(response.body()).isTrue();
    }

    @Test
    void adminFiguresCoverEveryoneInOneSetOfNumbers() {
        fixture.entry(worker.id(), project, null, "2026-03-30T08:30:00Z", null);                    // running, 1.5 h
        fixture.entry(owner.id(), project, null, "2026-03-30T07:00:00Z", "2026-03-30T09:00:00Z");   // 2 h today
        fixture.entry(outsider.id(), otherProject, null, "2026-03-27T07:00:00Z", "2026-03-27T08:00:00Z"); // last week
        Http root = people.root();

        JsonNode dashboard = ok(root, "/api/reports/admin/dashboard?tz=UTC");
        assertThat(dashboard.get("total_today_seconds").asLong()).isGreaterThanOrEqualTo(5400 + 7200);
        JsonNode byUser = dashboard.get("by_user");
        assertThat(byUser.findValuesAsString("user_name")).contains(owner.name(), worker.name()).doesNotContain(outsider.name());

        JsonNode users = ok(root, "/api/reports/admin/users?period=month&tz=UTC");
        assertThat(users.findValuesAsString("user_name")).contains(owner.name(), worker.name(), outsider.name());

        JsonNode teams = ok(root, "/api/reports/admin/teams?tz=UTC");
        JsonNode crew = null;
        for (JsonNode t : teams) {
            if (t.get("team_id").asLong() == team) {
                crew = t;
            }
        }
        assertThat(crew).isNotNull();
        assertThat(crew.get("member_count").asLong()).isEqualTo(2);
        assertThat(crew.get("total_today_seconds").asLong()).isEqualTo(5400 + 7200);
        assertThat(crew.get("active_members_today").asLong()).isEqualTo(2);
        assertThat(crew.get("running_timers").asLong()).isEqualTo(1);
        assertThat(crew.get("top_performers").findValuesAsString("user_name")).containsExactly(owner.name(), worker.name());

        JsonNode detail = ok(root, "/api/reports/admin/users/" + worker.id() + "?tz=UTC");
        assertThat(detail.get("today_seconds").asLong()).isEqualTo(5400);
        assertThat(detail.get("current_timer_running").asBoolean()).isTrue();
        assertThat(detail.get("active_days_this_month").asLong()).isEqualTo(1);
        assertThat(detail.get("avg_hours_per_day").asDouble()).isEqualTo(1.5);
        assertThat(detail.get("teams").get(0).asString()).startsWith("Crew");
        assertThat(detail.get("projects").get(0).get("total_seconds").asLong()).isEqualTo(5400);

        JsonNode entries = ok(root, "/api/admin/time-entries?start_date=2026-03-30&end_date=2026-03-30&tz=UTC&team_id=" + team);
        assertThat(entries.get("total").asLong()).isEqualTo(2);
        assertThat(entries.get("total_seconds").asLong()).isEqualTo(5400 + 7200);
        assertThat(entries.get("entries").get(0).get("duration_seconds").asLong()).as("running, latest first").isEqualTo(0);

        JsonNode workers = ok(root, "/api/admin/workers-report?start_date=2026-03-30&end_date=2026-03-30&tz=UTC&team_id=" + team);
        assertThat(workers.get("total_workers").asLong()).isEqualTo(2);
        assertThat(workers.get("total_seconds").asLong()).isEqualTo(5400 + 7200);
        assertThat(workers.get("workers").get(0).get("user_id").asLong()).isEqualTo(owner.id());
        assertThat(workers.get("workers").get(0).get("avg_daily_hours").asDouble()).isEqualTo(2.0);
    }

    @Test
    void everyListedTemplateGeneratesAndTheProjectBreakdownWorks() {
        JsonNode templates = ok(worker.http(), "/api/reports/templates");
        assertThat(templates.findValuesAsString("id")).containsExactly("weekly_summary", "monthly_summary", "project_breakdown", "productivity_analysis");
        assertThat(ok(worker.http(), "/api/reports/templates/project_breakdown").get("name").asString()).isEqualTo("Project Breakdown");
        assertRefused(worker.http().get("/api/reports/templates/user_activity"), 404);

        // last week (23–29 March): 2.5 h on Tuesday, 22:00–02:00 from Thursday into Friday
        fixture.entry(worker.id(), project, null, "2026-03-24T09:00:00Z", "2026-03-24T11:30:00Z");
        fixture.entry(worker.id(), project, null, "2026-03-26T22:00:00Z", "2026-03-27T02:00:00Z");
        fixture.entry(owner.id(), project, null, "2026-03-25T09:00:00Z", "2026-03-25T10:00:00Z");

        JsonNode weekly = Http.json(worker.http().post("/api/reports/generate/weekly?week_offset=1&tz=UTC", ""));
        assertThat(weekly.get("report_type").asString()).isEqualTo("weekly_summary");
        assertThat(weekly.get("period").get("start").asString()).isEqualTo("2026-03-23");
        assertThat(weekly.get("data").get("daily_hours").findValuesAsString("date")).containsExactly("2026-03-24", "2026-03-26", "2026-03-27");
        assertThat(weekly.get("data").get("total_hours").asDouble()).isEqualTo(6.5);

        JsonNode monthly = Http.json(worker.http().post("/api/reports/generate/monthly?year=2026&month=3&tz=UTC", ""));
        assertThat(monthly.get("data").get("by_project").get(0).get("project").asString()).isEqualTo("Hull");
        assertThat(monthly.get("data").get("total_hours").asDouble()).isEqualTo(6.5);
        assertThat(monthly.get("period").get("end").asString()).isEqualTo("2026-03-31");
        // month_offset: what a monthly schedule sent on the 1st wants (the month before, not the first 8 hours of this one)
        fixture.entry(worker.id(), project, null, "2026-02-10T09:00:00Z", "2026-02-10T10:15:00Z");
        JsonNode lastMonth = Http.json(worker.http().post("/api/reports/generate/monthly?month_offset=1&tz=UTC", ""));
        assertThat(lastMonth.get("period").get("start").asString()).isEqualTo("2026-02-01");
        assertThat(lastMonth.get("period").get("end").asString()).isEqualTo("2026-02-28");
        assertThat(lastMonth.get("data").get("total_hours").asDouble()).isEqualTo(1.25);

        HttpResponse<String> breakdown = owner.http().post("/api/reports/generate/project/" + project + "?start_date=2026-03-23&end_date=2026-03-29&tz=UTC", "");
        assertThat(breakdown.statusCode()).as(breakdown.body()).isEqualTo(200);
        JsonNode byUser = Http.json(breakdown).get("data").get("by_user");
        assertThat(byUser.get(0).get("user_id").asLong()).isEqualTo(worker.id());
        assertThat(byUser.get(0).get("hours").asDouble()).isEqualTo(6.5);
        assertThat(byUser.get(1).get("hours").asDouble()).isEqualTo(1.0);
        assertThat(Http.json(breakdown).get("data").get("total_hours").asDouble()).isEqualTo(7.5);

        JsonNode productivity = Http.json(worker.http().post("/api/reports/generate/productivity?days=14&tz=UTC", ""));
        assertThat(productivity.get("data").get("days_worked").asLong()).isEqualTo(3);
        assertThat(productivity.get("data").get("total_entries").asLong()).isEqualTo(2);
        assertThat(productivity.get("data").get("avg_hours_per_day").asDouble()).isEqualTo(2.17);
        assertThat(productivity.get("period").get("start").asString()).isEqualTo("2026-03-17");
    }

    @Test
    void templateReportsAboutOthersFollowTheTeamRoles() {
        fixture.entry(worker.id(), project, null, "2026-03-24T09:00:00Z", "2026-03-24T11:30:00Z");
        assertRefused(worker.http().post("/api/reports/generate/weekly?week_offset=1&user_id=" + owner.id(), ""), 403);
        assertRefused(outsider.http().post("/api/reports/generate/weekly?week_offset=1&user_id=" + worker.id(), ""), 403);
        assertRefused(worker.http().post("/api/reports/generate/project/" + project, ""), 403);
        assertRefused(outsider.http().post("/api/reports/generate/project/" + project, ""), 404);
        assertRefused(owner.http().post("/api/reports/generate/weekly?user_id=99999999", ""), 404);
        assertRefused(worker.http().post("/api/reports/generate/monthly?month=13", ""), 422);
        assertRefused(worker.http().post("/api/reports/generate/monthly?month_offset=25", ""), 422);
        assertRefused(worker.http().post("/api/reports/generate/productivity?days=0", ""), 422);
        assertRefused(worker.http().post("/api/reports/generate/weekly?week_offset=-1", ""), 422);
        assertRefused(owner.http().post("/api/reports/generate/project/" + project + "?start_date=2026-03-10&end_date=2026-03-01", ""), 422);
        JsonNode led = Http.json(owner.http().post("/api/reports/generate/weekly?week_offset=1&tz=UTC&user_id=" + worker.id(), ""));
        assertThat(led.get("data").get("total_hours").asDouble()).isEqualTo(2.5);
        JsonNode admin = Http.json(people.root().post("/api/reports/generate/weekly?week_offset=1&tz=UTC&user_id=" + worker.id(), ""));
        assertThat(admin.get("data").get("total_hours").asDouble()).as("super admins too (V1 refused them)").isEqualTo(2.5);
    }
}
