package com.timetracker.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Report templates and scheduled reports (docs/reports.md §Templates, §Scheduled reports) in real Chromium. */
class ScheduledReportsBrowserTest extends BrowserTest {


    static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Schedule requests the page sent (POST, PATCH, DELETE), in order. */
    static List<String> scheduleWrites(Page page) {
        List<String> writes = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/reports/scheduled") && !request.method().equals("GET")) {
                writes.add(request.method() + " " + request.url().replaceAll("^.*/api", "/api"));
            }
        });
        return writes;
    }

    @Test
    void aScheduleIsRefusedUntilItsFieldsAreRightThenListedPausedAndDeletedWithConfirmation() {
        People.Person worker = people.create("regular_user");
        var zone = worker.http().put("/api/auth/me", "{\"timezone\": \"Europe/Berlin\"}");
        assertThat(zone.statusCode()).as(zone.body()).isEqualTo(200);
        Page page = signIn(newPage(), worker);
        List<String> writes = scheduleWrites(page);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reports")).click();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Reports"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Scheduled reports")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Scheduled reports").setLevel(1))).isVisible();
        assertThat(page.getByText("You have not scheduled a report yet")).isVisible();

        button(page, "New scheduled report").click();
        Locator form = page.getByTestId("schedule-form");
        form.getByLabel("Name").fill("Hours for the boss");
        form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Report")).selectOption(new SelectOption().setLabel("Weekly Summary"));
        form.getByLabel("Weeks back").fill("1");
        form.getByLabel("Recipients").fill("boss@example.com, boss-at-example.com");
        assertThat(form.getByLabel("Time zone")).hasValue("Europe/Berlin");
        button(form, "Create schedule").click();
        // the browser's check: nothing is sent
        assertThat(form.getByText("'boss-at-example.com' is not an email address")).isVisible();
        assertThat(writes).isEmpty();

        // the server's check (zone names are case-sensitive there): shown at the field, the rest kept
        form.getByLabel("Recipients").fill("boss@example.com, hr@example.org");
        form.getByLabel("Time zone").fill("europe/berlin");
        button(form, "Create schedule").click();
        assertThat(form.getByText("unknown time zone 'europe/berlin'")).isVisible();
        assertThat(form.getByLabel("Time zone")).hasAttribute("aria-invalid", "true");
        assertThat(form.getByLabel("Name")).hasValue("Hours for the boss");
        assertThat(form.getByLabel("Weeks back")).hasValue("1");
        assertThat(writes).containsExactly("POST /api/reports/scheduled");
        assertThat(Http.json(worker.http().get("/api/reports/scheduled"))).isEmpty();

        form.getByLabel("Time zone").fill("Europe/Berlin");
        form.getByLabel("Frequency").selectOption("monthly");
        form.getByLabel("Attachment").selectOption("xlsx");
        button(form, "Create schedule").click();
        Locator row = page.getByTestId("schedule-row");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Hours for the boss");
        assertThat(row).containsText("Weekly Summary");
        assertThat(row).containsText("Monthly, the 1st 08:00 (Europe/Berlin)");
        assertThat(row).containsText("boss@example.com, hr@example.org");
        assertThat(row).containsText("XLSX");
        assertThat(row.getByTestId("schedule-status")).hasText("Active");
        var stored = Http.json(worker.http().get("/api/reports/scheduled")).get(0);
        String id = stored.get("id").asString();
        assertThat(stored.get("params").toString()).isEqualTo("{\"week_offset\":1}");
        assertThat(stored.get("attachment").asString()).isEqualTo("xlsx");
        assertThat(stored.get("frequency").asString()).isEqualTo("monthly");

        button(row, "Pause").click();
        assertThat(row.getByTestId("schedule-status")).hasText("Paused");
        assertThat(button(row, "Resume")).isVisible();
        assertThat(Http.json(worker.http().get("/api/reports/scheduled/" + id)).get("enabled").asBoolean()).isFalse();

        // a run the scheduler recorded, shown in the person's zone (08:00 UTC is 09:00 in Berlin in March)
        jdbc.sql("""
                        INSERT INTO scheduled_report_runs (report_id, user_id, report_name, due_at, status, recipients, error, ran_at)
                        VALUES (:id, :user, 'Hours for the boss', '2026-03-02T08:00:00Z', 'failed', '{boss@example.com}', 'Project not found', '2026-03-02T08:00:05Z')""")
                .param("id", id).param("user", worker.id()).update();
        page.reload();
        Locator run = page.getByTestId("history-row");
        assertThat(run).hasCount(1);
        assertThat(run).containsText("Mar 2, 2026 09:00");
        assertThat(run).containsText("Failed");
        assertThat(run).containsText("Project not found");

        button(row, "Delete").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("“Hours for the boss” will no longer be sent");
        button(dialog, "Cancel").click();
        assertThat(row).hasCount(1);
        button(row, "Delete").click();
        button(page.getByRole(AriaRole.DIALOG), "Delete").click();
        assertThat(page.getByText("You have not scheduled a report yet")).isVisible();
        assertThat(page.getByText("No report has run yet")).isVisible();
        assertThat(writes).containsExactly("POST /api/reports/scheduled", "POST /api/reports/scheduled",
                "PATCH /api/reports/scheduled/" + id, "DELETE /api/reports/scheduled/" + id);
        assertThat(Http.json(worker.http().get("/api/reports/scheduled"))).isEmpty();
    }

    @Test
    void aTemplateRunShowsTheExactHoursOfSeededEntriesAndSaysWhoseTimeItIs() {
        People.Person worker = people.create("regular_user");
        String projectName = "Templates " + worker.id();
        long project = projectFor(projectName, worker);
        // in March 2026 (UTC, the person's and the browser's zone): 2.5 h + 1.25 h
        ReportsBrowserTest.entry(worker, project, "2026-03-03T09:00:00Z", "2026-03-03T11:30:00Z", "Homepage copy");
        ReportsBrowserTest.entry(worker, project, "2026-03-04T13:00:00Z", "2026-03-04T14:15:00Z", "Logo review");
        Page page = signIn(newPage(), worker);

        page.navigate("/reports");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Reports"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Templates")).click();
        Locator list = page.getByTestId("template-list");
        assertThat(list.getByRole(AriaRole.HEADING)).hasText(new String[] {"Weekly Summary", "Monthly Summary", "Project Breakdown", "Productivity Analysis"});
        assertThat(list).containsText("Hours per project in one calendar month");

        button(page, "Choose Monthly Summary").click();
        page.getByTestId("template-form").getByLabel("Month").fill("2026-03");
        button(page, "Run report").click();
        assertThat(page.getByTestId("result-scope")).hasText("Your own time by project, Sun, Mar 1 – Tue, Mar 31");
        assertThat(page.getByTestId("result-total")).hasText("Total: 3.75 h");
        assertThat(page.getByTestId("result-row")).hasCount(1);
        assertThat(page.getByTestId("result-row")).hasText(projectName + "3.75 h");

        // an admin runs the project breakdown: everybody's time on the project, person by person
        Page admin = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        admin.navigate("/reports/templates");
        button(admin, "Choose Project Breakdown").click();
        Locator form = admin.getByTestId("template-form");
        form.getByLabel("Project").selectOption(new SelectOption().setLabel(projectName));
        form.getByLabel("From").fill("2026-03-02");
        form.getByLabel("To").fill("2026-03-08");
        button(admin, "Run report").click();
        assertThat(admin.getByTestId("result-scope")).hasText("Everybody's time on " + projectName + ", Mon, Mar 2 – Sun, Mar 8");
        assertThat(admin.getByTestId("result-total")).hasText("Total: 3.75 h in 2 entries");
        assertThat(admin.getByTestId("result-row")).hasText(worker.name() + "3.75 h2");
        // a range the server refuses: its message, no stale figures
        form.getByLabel("From").fill("2024-01-01");
        button(admin, "Run report").click();
        assertThat(admin.getByRole(AriaRole.ALERT)).containsText("at most 366 are allowed");
        assertThat(admin.getByTestId("result-row")).hasCount(0);
    }

    @Test
    void theTemplateAndScheduledReportPagesHaveNoSeriousAxeViolations() {
        People.Person admin = people.create("admin");
        Page page = newPage(1280, 800, true); // axe is injected as an inline script, which the app's CSP forbids
        signIn(page, admin);
        Map<String, List<?>> violations = new LinkedHashMap<>();
        page.navigate("/reports/templates");
        assertThat(page.getByTestId("template-list")).isVisible();
        button(page, "Choose Weekly Summary").click();
        violations.put("/reports/templates", axe(page));
        page.navigate("/reports/scheduled");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Run history"))).isVisible();
        violations.put("/reports/scheduled", axe(page));
        button(page, "New scheduled report").click();
        button(page.getByTestId("schedule-form"), "Create schedule").click();
        assertThat(page.getByText("Enter a name")).isVisible();
        violations.put("/reports/scheduled (form with errors)", axe(page));
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).as("serious or critical axe-core violations per page").isEmpty();
    }

}
