package com.timetracker.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Reports with a download, and a payroll period from creation to an amount, in real Chromium. */
class ReportsBrowserTest extends BrowserTest {


    /** Two entries in the week of Monday 2 March 2026 (UTC, the person's and the browser's zone): 2.5 h + 1.25 h. */
    long seedWeek(People.Person worker, String projectName) {
        long project = projectFor(projectName, worker);
        entry(worker, project, "2026-03-03T09:00:00Z", "2026-03-03T11:30:00Z", "Homepage copy");
        entry(worker, project, "2026-03-04T13:00:00Z", "2026-03-04T14:15:00Z", "Logo review");
        return project;
    }

    static void entry(People.Person worker, long project, String start, String end, String description) {
        var created = worker.http().post("/api/time", "{\"project_id\": " + project + ", \"start_time\": \"" + start
                + "\", \"end_time\": \"" + end + "\", \"description\": \"" + description + "\"}");
        if (created.statusCode() >= 300) {
            throw new AssertionError("creating an entry failed: " + created.body());
        }
    }

    static void chooseRange(Page page, String from, String to) {
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(from);
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(to);
    }

    @Test
    void aReportShowsTheExactHoursAndItsCsvDownloadHasTheRangeAndTheEntries() throws IOException {
        People.Person worker = people.create("regular_user");
        seedWeek(worker, "Brochure");
        Page page = signIn(newPage(), worker);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reports")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My time").setExact(true))).isVisible();
        chooseRange(page, "2026-03-02", "2026-03-08");

        assertThat(page.getByTestId("weekly-total")).containsText("Mon, Mar 2 – Sun, Mar 8: 3.75 h");
        assertThat(page.getByTestId("day-2026-03-03")).containsText("2.50 h");
        assertThat(page.getByTestId("day-2026-03-04")).containsText("1.25 h");
        assertThat(page.getByTestId("day-2026-03-05")).containsText("0.00 h");
        assertThat(page.getByTestId("project-row")).hasCount(1);
        assertThat(page.getByTestId("project-row")).containsText("Brochure");
        assertThat(page.getByTestId("project-row")).containsText("3.75 h");
        // a worker's project figures are labelled as the team's, not as their own
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team, by project"))).isVisible();

        Download download = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("time_entries_2026-03-02_2026-03-08.csv");
        String csv = Files.readString(download.path());
        assertThat(csv.split("\r\n")).containsExactly(
                "Date,Start Time,End Time,Duration,Project,Task,Description",
                "2026-03-04,13:00:00,14:15:00,01:15:00,Brochure,No Task,Logo review",
                "2026-03-03,09:00:00,11:30:00,02:30:00,Brochure,No Task,Homepage copy",
                ",,Total:,03:45:00,,,");
        assertThat(page.getByText("Downloaded time_entries_2026-03-02_2026-03-08.csv")).isVisible();
    }

    @Test
    void aProjectFilterNarrowsTheDownloadToThatProject() throws IOException {
        People.Person worker = people.create("regular_user");
        seedWeek(worker, "Brochure");
        long logo = projectFor("Logo", worker);
        entry(worker, logo, "2026-03-05T08:00:00Z", "2026-03-05T08:45:00Z", "Sketches");
        Page page = signIn(newPage(), worker);
        page.navigate("/reports");
        chooseRange(page, "2026-03-02", "2026-03-08");
        page.getByLabel("Project (my tasks and downloads)").selectOption(new SelectOption().setLabel("Logo"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My time, by task on Logo"))).isVisible();

        Download download = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        assertThat(Files.readString(download.path()).split("\r\n")).containsExactly(
                "Date,Start Time,End Time,Duration,Project,Task,Description",
                "2026-03-05,08:00:00,08:45:00,00:45:00,Logo,No Task,Sketches",
                ",,Total:,00:45:00,,,");
    }

    @Test
    void aLargeExportShowsItsProgressAndArrivesWhole() throws IOException {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Archive", worker);
        int rows = 20_000;
        // 20,000 ten-second entries, 20 s apart, from Monday 2 March 2026 00:00 UTC (4.6 days)
        jdbc.sql("""
                INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, description, is_running)
                SELECT :user, :project, timestamptz '2026-03-02 00:00:00+00' + i * interval '20 seconds',
                       timestamptz '2026-03-02 00:00:10+00' + i * interval '20 seconds', 10, 'scan ' || i, false
                FROM generate_series(0, :rows - 1) AS i""")
                .param("user", worker.id()).param("project", project).param("rows", rows).update();
        Page page = signIn(newPage(), worker);
        page.navigate("/reports");
        chooseRange(page, "2026-03-02", "2026-03-08");
        // a slow line (≈ 250 KB/s) keeps the 20,000-row file streaming for several seconds
        JsonObject slowLine = new JsonObject();
        slowLine.addProperty("offline", false);
        slowLine.addProperty("latency", 0);
        slowLine.addProperty("downloadThroughput", 250_000);
        slowLine.addProperty("uploadThroughput", -1);
        page.context().newCDPSession(page).send("Network.emulateNetworkConditions", slowLine);

        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(60_000), () -> {
            page.getByTestId("export-csv").click();
            Locator bar = page.getByTestId("export-progress");
            assertThat(bar).containsText("20,000 rows", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(bar.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", Pattern.compile("\\d{1,3}"));
        });
        assertThat(page.getByTestId("export-progress")).hasCount(0);
        String[] lines = Files.readString(download.path()).split("\r\n");
        assertThat(lines).hasSize(rows + 2);
        assertThat(lines[1]).isEqualTo("2026-03-06,15:06:20,15:06:30,00:00:10,Archive,No Task,scan 19999");
        assertThat(lines[rows + 1]).isEqualTo(",,Total:,55:33:20,,,");
    }

    @Test
    void aBadRangeShowsTheServersMessageInsteadOfAFile() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        page.navigate("/reports");
        chooseRange(page, "2024-01-01", "2026-03-08");
        page.getByTestId("export-csv").click();
        assertThat(page.getByText("Export failed: The date range covers 798 days; at most 366 are allowed")).isVisible();
    }

    @Test
    void aPayrollPeriodIsCreatedProcessedAndShowsTheEntryAmount() {
        People.Person worker = people.create("regular_user");
        seedWeek(worker, "Payroll week");
        Http root = people.root();
        var rate = root.post("/api/pay-rates", "{\"user_id\": " + worker.id() + ", \"rate_type\": \"hourly\", \"base_rate\": 20.00,"
                + " \"currency\": \"EUR\", \"overtime_multiplier\": 1.5, \"effective_from\": \"2026-03-01\"}");
        assertThat(rate.statusCode()).as(rate.body()).isEqualTo(201);
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);

        page.navigate("/payroll/periods");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New period")).click();
        Locator form = page.getByTestId("period-form");
        form.getByLabel("Name").fill("Week 10 " + worker.id());
        form.getByLabel("First day").fill("2026-03-02");
        form.getByLabel("Last day").fill("2026-03-08");
        form.getByLabel("Only these people:").check();
        form.getByLabel(worker.name() + " (Hourly)").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create period")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Week 10 " + worker.id()))).isVisible();
        assertThat(page.getByTestId("period-status")).hasText("draft");
        page.getByTestId("period-process").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        page.waitForResponse(r -> r.url().endsWith("/process"), () -> dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Process")).click());

        assertThat(page.getByTestId("period-status")).hasText("processing");
        assertThat(page.getByTestId("payroll-entry")).hasCount(1);
        assertThat(page.getByTestId("payroll-entry")).containsText(worker.name());
        // 3.75 h at 20.00 EUR, in the rate's currency
        assertThat(page.getByTestId("entry-net")).hasText("€75.00");
        assertThat(page.getByTestId("entry-amounts")).containsText("Gross €75.00");

        // a bonus raises the net at once; approving (confirmed) freezes the entries; then it is paid
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add adjustment")).click();
        Locator adjustment = page.getByTestId("adjustment-form");
        adjustment.getByLabel("Amount (EUR)").fill("10.50");
        adjustment.getByLabel("Description").fill("Weekend call");
        adjustment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add adjustment")).click();
        assertThat(page.getByTestId("entry-net")).hasText("€85.50");
        assertThat(page.getByTestId("payroll-entry")).containsText("bonus €10.50 · Weekend call");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Total: €85.50"))).isVisible();

        page.getByTestId("period-approve").click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(page.getByTestId("period-status")).hasText("approved");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add adjustment"))).hasCount(0);
        assertThat(page.getByTestId("period-process")).hasCount(0);
        page.getByTestId("period-mark-paid").click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as paid")).click();
        assertThat(page.getByTestId("period-status")).hasText("paid");
        assertThat(page.getByTestId("entry-amounts")).containsText("· paid");

        // the worker sees it under My payroll, in euros
        Page workerPage = signIn(newPage(), worker);
        workerPage.navigate("/my-payroll");
        assertThat(workerPage.getByTestId("my-payroll")).containsText("net €85.50");
    }

    @Test
    void aPayRateIsCreatedAndRaisedInTheFormAndTheHistorySaysWhatChanged() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        page.navigate("/payroll/rates");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New pay rate")).click();
        Locator form = page.getByTestId("rate-form");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create pay rate")).click();
        assertThat(form.getByText("Choose a person")).isVisible();
        form.getByLabel("Person").selectOption(new SelectOption().setLabel(worker.name() + " (" + worker.email() + ")"));
        form.getByLabel("Base rate").fill("22.505");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create pay rate")).click();
        assertThat(form.getByText("Enter an amount of 0 or more with at most 2 decimals")).isVisible();
        form.getByLabel("Base rate").fill("22.50");
        form.getByLabel("Currency").selectOption("GBP");
        form.getByLabel("Effective from").fill("2026-01-01");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create pay rate")).click();

        Locator row = page.getByTestId("rate-row").filter(new Locator.FilterOptions().setHasText(worker.email()));
        assertThat(row).containsText("£22.50/h");
        assertThat(row).containsText("2026-01-01 – open");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
        Locator edit = page.getByTestId("rate-form");
        edit.getByLabel("Base rate").fill("24.00");
        edit.getByLabel("Reason for the change").fill("Annual review");
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        assertThat(row).containsText("£24.00/h");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History")).click();
        assertThat(page.getByTestId("rate-history")).containsText("updated");
        assertThat(page.getByTestId("rate-history")).containsText("base_rate: 22.50 → 24.00");
        assertThat(page.getByTestId("rate-history")).containsText("Annual review");
    }

    @Test
    void anAdminSeesEveryonesTimeTodayAndOnePersonsPage() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Analytics " + worker.id(), worker);
        // up to 30 minutes before now, never before today's midnight (UTC: the zone of the admin and the browser)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        Instant start = now.minus(Duration.ofMinutes(30)).isBefore(midnight) ? midnight : now.minus(Duration.ofMinutes(30));
        Instant end = start.equals(now) ? now.plusSeconds(1) : now;
        entry(worker, project, start.toString(), end.toString(), "Seen by the admin");
        String hours = BigDecimal.valueOf(Duration.between(start, end).toSeconds())
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).toPlainString() + " h";
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);

        page.navigate("/admin/reports");
        assertThat(page.getByTestId("admin-dashboard")).containsText("Everyone today");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("People")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Today")).click();
        Locator row = page.getByTestId("people-table").getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(worker.name()));
        assertThat(row).containsText(hours);
        row.getByRole(AriaRole.LINK).click();
        page.waitForURL("**/admin/user/" + worker.id());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(worker.name()))).isVisible();
        Locator projectRow = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Analytics " + worker.id()));
        assertThat(projectRow).containsText(hours);
    }

    @Test
    void aWorkerHasMyPayrollButNoPayrollAdministration() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Payroll").setExact(true))).hasCount(0);
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My payroll")).click();
        assertThat(page.getByText("No approved or paid payroll for you yet")).isVisible();
        for (String path : java.util.List.of("/payroll/rates", "/payroll/periods", "/payroll/reports", "/admin/reports")) {
            page.navigate(path);
            assertThat(page.getByText("You don't have permission to see this page")).isVisible();
        }
    }
}
