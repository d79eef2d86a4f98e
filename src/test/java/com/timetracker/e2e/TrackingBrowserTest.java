package com.timetracker.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The timer, "who's working now" and manual entries, in real Chromium against the real server. */
class TrackingBrowserTest extends BrowserTest {

    static int elapsedSeconds(Page page) {
        String[] parts = page.getByTestId("timer-elapsed").textContent().trim().split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
    }

    static void startTimer(Page page, long projectId, String description) {
        page.getByPlaceholder("What are you working on?").fill(description);
        page.getByTestId("timer-project").selectOption(new SelectOption().setValue(String.valueOf(projectId)));
        page.waitForResponse("**/api/time/start", () -> page.getByTestId("timer-start").click());
        assertThat(page.getByTestId("timer-stop")).isVisible();
    }

    @Test
    void aTimerStartsSurvivesAReloadAndStopsIntoTheEntryList() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Website", worker);
        Page page = signIn(newPage(), worker);

        startTimer(page, project, "Homepage layout");
        page.waitForTimeout(3200);
        assertThat(elapsedSeconds(page)).isBetween(2, 10);

        page.reload();
        assertThat(page.getByTestId("timer-stop")).isVisible();
        assertThat(page.getByPlaceholder("What are you working on?")).hasValue("Homepage layout");
        assertThat(elapsedSeconds(page)).isGreaterThanOrEqualTo(2);
        assertThat(Http.json(worker.http().get("/api/time/timer")).get("is_running").asBoolean()).isTrue();

        // the button flips at once (optimistic); the server has it when the stop request answers
        page.waitForResponse("**/api/time/stop", () -> page.getByTestId("timer-stop").click());
        assertThat(page.getByTestId("timer-start")).isVisible();
        assertThat(page.getByTestId("timer-elapsed")).hasText("00:00:00");
        assertThat(Http.json(worker.http().get("/api/time/timer")).get("is_running").asBoolean()).isFalse();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Time Tracker")).click();
        assertThat(page.getByTestId("entry")).hasCount(1);
        assertThat(page.getByTestId("entry").first()).containsText("Homepage layout");
        assertThat(page.getByTestId("entry").first()).containsText("Website");
    }

    @Test
    void aSecondTabFollowsTheTimer() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Tabs", worker);
        Page first = signIn(newPage(), worker);
        Page second = first.context().newPage();
        second.navigate("/dashboard");
        assertThat(second.getByTestId("timer-start")).isVisible();

        startTimer(first, project, "Two tabs");
        assertThat(second.getByTestId("timer-stop")).isVisible();

        second.getByTestId("timer-stop").click();
        assertThat(first.getByTestId("timer-start")).isVisible();
    }

    @Test
    void anotherBrowserSeesTheTimerLiveWithinASecond() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Live", worker);
        Page admin = newPage();
        signIn(admin, People.ROOT_EMAIL, People.ROOT_PASSWORD);
        assertThat(admin.getByTestId("live-status")).hasText("Live");
        Page workerPage = signIn(newPage(), worker);

        startTimer(workerPage, project, "Seen live");
        long started = System.nanoTime();
        assertThat(admin.getByTestId("active-timers")).containsText(worker.name(),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(1500));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
        assertThat(admin.getByTestId("active-timers")).containsText("Live");

        workerPage.getByTestId("timer-stop").click();
        assertThat(admin.getByText("No one is tracking time right now")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(1500));
    }

    @Test
    void theNextPersonOnTheSameBrowserNeverSeesThePreviousTimer() {
        People.Person first = people.create("regular_user");
        People.Person second = people.create("regular_user");
        long project = projectFor("Shared desk", first, second);
        Page page = signIn(newPage(), first);
        startTimer(page, project, "Mine, not yours");

        page.getByTestId("user-menu").click();
        page.getByTestId("sign-out").click();
        page.waitForURL("**/login");
        signIn(page, second);

        assertThat(page.getByTestId("timer-elapsed")).hasText("00:00:00");
        assertThat(page.getByTestId("timer-start")).isVisible();
        assertThat(page.getByPlaceholder("What are you working on?")).hasValue("");
        page.waitForTimeout(1000);
        assertThat(page.getByTestId("timer-start")).isVisible();
    }

    @Test
    void aManualEntryThatOverlapsShowsTheServersMessage() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Overlap", worker);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        var existing = worker.http().post("/api/time", "{\"project_id\": " + project + ", \"description\": \"Standup\", \"start_time\": \""
                + yesterday + "T09:00:00Z\", \"end_time\": \"" + yesterday + "T10:00:00Z\"}");
        assertThat(existing.statusCode()).isEqualTo(201);
        long existingId = Http.json(existing).get("id").asLong();
        Page page = signIn(newPage(), worker);
        page.navigate("/time");

        page.getByTestId("add-entry").click();
        var form = page.getByTestId("entry-form");
        form.getByLabel("Description").fill("Review");
        form.getByLabel("Project").selectOption(new SelectOption().setValue(String.valueOf(project)));
        form.getByLabel("Start date").fill(yesterday.toString());
        form.getByLabel("Start time").fill("09:30");
        form.getByLabel("End date").fill(yesterday.toString());
        form.getByLabel("End time").fill("10:30");
        assertThat(page.getByTestId("entry-duration")).containsText("1h 00m");
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Add entry")).click();

        assertThat(form.getByRole(AriaRole.ALERT)).containsText("Overlaps your entry #" + existingId);
        assertThat(page.getByTestId("entry")).hasCount(1);

        form.getByLabel("Start time").fill("10:00");
        form.getByLabel("End time").fill("11:15");
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Add entry")).click();
        assertThat(page.getByTestId("entry-form")).hasCount(0);
        assertThat(page.getByTestId("entry")).hasCount(2);
        assertThat(page.getByTestId("entry").first()).containsText("Review");
        assertThat(page.getByTestId("entry").first()).containsText("1h 15m");
    }

    @Test
    void anEntryIsAddedByDurationAcrossMidnightAndTheListIsFilteredByDays() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Night shift", worker);
        var older = worker.http().post("/api/time", "{\"project_id\": " + project + ", \"description\": \"Inventory\", \"start_time\": \""
                + "2026-03-01T08:00:00Z\", \"end_time\": \"2026-03-01T09:00:00Z\"}");
        assertThat(older.statusCode()).isEqualTo(201);
        Page page = signIn(newPage(), worker);
        page.navigate("/time");

        page.getByTestId("add-entry").click();
        var form = page.getByTestId("entry-form");
        form.getByLabel("Description").fill("Deploy");
        form.getByLabel("Project").selectOption(new SelectOption().setValue(String.valueOf(project)));
        form.getByLabel("Start date").fill("2026-03-10");
        form.getByLabel("Start time").fill("23:30");
        form.getByLabel("Or a duration").fill("1:3");
        assertThat(form.getByText("Enter a duration up to 24 h")).isVisible();
        form.getByLabel("Or a duration").fill("1:45");
        assertThat(form.getByLabel("End date")).hasValue("2026-03-11");
        assertThat(form.getByLabel("End time")).hasValue("01:15");
        assertThat(page.getByTestId("entry-duration")).containsText("1h 45m");
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Add entry")).click();
        assertThat(page.getByTestId("entry-form")).hasCount(0);
        assertThat(page.getByTestId("entries-total")).hasText("2 entries, 2h 45m in all");

        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-10");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-11");
        assertThat(page.getByTestId("entries-total")).hasText("1 entry matching, 1h 45m in all");
        assertThat(page.getByTestId("entry")).hasCount(1);
        assertThat(page.getByTestId("entry")).containsText("Deploy");
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-12");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-20");
        assertThat(page.getByText("No entries match these filters")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear filters")).click();
        assertThat(page.getByTestId("entry")).hasCount(2);
    }

    @Test
    void entriesAreFilteredByProjectEditedAndDeletedAfterConfirmation() {
        People.Person worker = people.create("regular_user");
        long website = projectFor("Website", worker);
        long shop = projectFor("Shop", worker);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        for (String[] e : new String[][] {{String.valueOf(website), "Header", "08:00", "09:00"}, {String.valueOf(shop), "Cart", "10:00", "10:30"}}) {
            assertThat(worker.http().post("/api/time", "{\"project_id\": " + e[0] + ", \"description\": \"" + e[1] + "\", \"start_time\": \""
                    + day + "T" + e[2] + ":00Z\", \"end_time\": \"" + day + "T" + e[3] + ":00Z\"}").statusCode()).isEqualTo(201);
        }
        Page page = signIn(newPage(), worker);
        page.navigate("/time");
        assertThat(page.getByTestId("entry")).hasCount(2);

        page.getByLabel("Filter by project").selectOption(new SelectOption().setLabel("Shop"));
        assertThat(page.getByTestId("entry")).hasCount(1);
        assertThat(page.getByTestId("entry").first()).containsText("Cart");
        page.getByLabel("Filter by project").selectOption(new SelectOption().setLabel("All projects"));
        assertThat(page.getByTestId("entry")).hasCount(2);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit entry Cart")).click();
        var form = page.getByTestId("entry-form");
        form.getByLabel("Description").fill("Cart and checkout");
        form.getByLabel("End time").fill("11:00");
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByTestId("entry-form")).hasCount(0);
        assertThat(page.getByTestId("entry").first()).containsText("Cart and checkout");
        assertThat(page.getByTestId("entry").first()).containsText("1h 00m");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete entry Header")).click();
        var confirm = page.getByRole(AriaRole.DIALOG);
        assertThat(confirm).containsText("Delete \"Header\" (1h 00m)?");
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("entry")).hasCount(2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete entry Header")).click();
        confirm.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.getByTestId("entry")).hasCount(1);
        assertThat(Http.json(worker.http().get("/api/time")).get("total").asInt()).isEqualTo(1);
    }
}
