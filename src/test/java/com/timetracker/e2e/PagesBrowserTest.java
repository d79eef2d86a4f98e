package com.timetracker.e2e;

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

/** Catalog and admin pages, onboarding, accessibility and the phone width, in real Chromium. */
class PagesBrowserTest extends BrowserTest {

    static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator dialog(Page page) {
        return page.getByRole(AriaRole.DIALOG);
    }

    @Test
    void teamsProjectsAndTasksAreCreatedEditedAndRemovedWithConfirmation() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);

        // team
        page.navigate("/teams");
        button(page, "New team").click();
        dialog(page).getByLabel("Team name").fill("Design crew");
        button(dialog(page), "Create team").click();
        assertThat(page.getByTestId("team-detail")).containsText("Design crew");
        assertThat(page.getByTestId("members")).containsText(worker.email());
        button(page, "Rename").click();
        dialog(page).getByLabel("Team name").fill("Design studio");
        button(dialog(page), "Save").click();
        assertThat(page.getByTestId("team-list")).containsText("Design studio");

        // project in it
        page.navigate("/projects");
        button(page, "New project").click();
        button(dialog(page), "Create project").click();
        assertThat(dialog(page).getByRole(AriaRole.ALERT)).hasText("Enter a project name");
        dialog(page).getByLabel("Project name").fill("Brand refresh");
        dialog(page).getByLabel("Description").fill("Logo and colours");
        button(dialog(page), "Create project").click();
        assertThat(page.getByTestId("project")).hasCount(1);
        assertThat(page.getByTestId("project").first()).containsText("Brand refresh");
        assertThat(page.getByTestId("project").first()).containsText("Design studio");
        button(page, "Edit Brand refresh").click();
        dialog(page).getByLabel("Project name").fill("Brand refresh 2027");
        button(dialog(page), "Save changes").click();
        assertThat(page.getByTestId("project").first()).containsText("Brand refresh 2027");

        // task in the project
        page.navigate("/tasks");
        button(page, "New task").click();
        dialog(page).getByLabel("Task name").fill("Moodboard");
        button(dialog(page), "Create task").click();
        assertThat(dialog(page).getByRole(AriaRole.ALERT)).hasText("Please select a project");
        dialog(page).getByLabel("Project").selectOption(new SelectOption().setLabel("Brand refresh 2027"));
        button(dialog(page), "Create task").click();
        assertThat(page.getByTestId("task")).hasCount(1);
        page.getByLabel("Status of Moodboard").selectOption("IN_PROGRESS");
        page.getByLabel("Status").first().selectOption("IN_PROGRESS");
        assertThat(page.getByTestId("task")).hasCount(1);
        page.getByLabel("Status").first().selectOption("DONE");
        assertThat(page.getByText("No tasks here yet")).isVisible();
        page.getByLabel("Status").first().selectOption("");
        button(page, "Delete Moodboard").click();
        assertThat(dialog(page)).containsText("Delete \"Moodboard\"?");
        button(dialog(page), "Cancel").click();
        assertThat(page.getByTestId("task")).hasCount(1);
        button(page, "Delete Moodboard").click();
        button(dialog(page), "Delete").click();
        assertThat(page.getByText("No tasks here yet")).isVisible();

        // archive and restore the project
        page.navigate("/projects");
        button(page, "Archive Brand refresh 2027").click();
        button(dialog(page), "Archive").click();
        assertThat(page.getByTestId("project")).hasCount(0);
        button(page, "Include archived").click();
        assertThat(page.getByTestId("project").first()).containsText("Archived");
        button(page, "Restore Brand refresh 2027").click();
        button(dialog(page), "Restore").click();
        assertThat(page.getByTestId("project").first()).not().containsText("Archived");

        // the team cannot be deleted... it can: no tracked time
        page.navigate("/teams");
        page.getByTestId("team-list").getByRole(AriaRole.BUTTON).first().click();
        button(page, "Delete team").click();
        button(dialog(page), "Delete team").click();
        assertThat(page.getByText("You are not in a team yet")).isVisible();
        assertThat(Http.json(worker.http().get("/api/projects?include_archived=true")).get("total").asInt()).isZero();
    }

    @Test
    void aServerRefusalIsShownAndNothingChanges() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Tracked", worker);
        long task = Http.json(worker.http().post("/api/tasks", "{\"name\": \"Tracked task\", \"project_id\": " + project + "}")).get("id").asLong();
        assertThat(worker.http().post("/api/time", "{\"project_id\": " + project + ", \"task_id\": " + task
                + ", \"start_time\": \"2026-01-05T09:00:00Z\", \"end_time\": \"2026-01-05T10:00:00Z\"}").statusCode()).isEqualTo(201);
        Page page = signIn(newPage(), worker);
        page.navigate("/tasks");
        button(page, "Delete Tracked task").click();
        button(dialog(page), "Delete").click();
        assertThat(page.getByTestId("toast").first()).containsText("time");
        assertThat(page.getByTestId("task")).hasCount(1);
    }

    @Test
    void anAccountRequestIsApprovedIntoThePrefilledStaffForm() {
        Page visitor = newPage();
        visitor.navigate("/login");
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request access")).click();
        visitor.getByLabel("Full name").fill("Nora Newcomer");
        String email = "nora-" + System.nanoTime() + "@example.com";
        visitor.getByLabel("Email address").fill(email);
        visitor.getByLabel("Desired job title").fill("Illustrator");
        visitor.getByLabel("Department").fill("Design");
        button(visitor, "Submit request").click();
        assertThat(visitor.getByRole(AriaRole.STATUS).first()).containsText("We have received your information");

        Page admin = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        admin.navigate("/account-requests");
        Locator request = admin.getByTestId("account-request").filter(new Locator.FilterOptions().setHasText(email));
        button(request, "Approve").click();
        button(dialog(admin), "Approve and create account").click();

        admin.waitForURL("**/admin");
        Locator form = admin.getByTestId("staff-form");
        assertThat(form.getByLabel("Full name")).hasValue("Nora Newcomer");
        assertThat(form.getByLabel("Email address")).hasValue(email);
        assertThat(form.locator("[aria-current=step]")).containsText("Basic info");
        form.getByLabel("Initial password").fill("short");
        button(form, "Next").click();
        assertThat(form.getByText("Password needs at least 12 characters")).isVisible();
        assertThat(form.locator("[aria-current=step]")).containsText("Basic info");
        form.getByLabel("Initial password").fill(People.PASSWORD);
        button(form, "Next").click();

        assertThat(form.locator("[aria-current=step]")).containsText("Employment");
        assertThat(form.getByLabel("Job title")).hasValue("Illustrator");
        assertThat(form.getByLabel("Department")).hasValue("Design");
        form.getByLabel("Expected hours per week").fill("32");
        long rootId = Http.json(people.root().get("/api/auth/me")).get("id").asLong();
        form.getByLabel("Manager").selectOption(String.valueOf(rootId));
        button(form, "Next").click();

        assertThat(form.locator("[aria-current=step]")).containsText("Contact");
        form.getByLabel("Emergency contact name").fill("Olaf Newcomer");
        button(form, "Next").click();

        assertThat(form.locator("[aria-current=step]")).containsText("Payroll & teams");
        form.getByLabel("Pay rate").fill("25.50");
        form.getByLabel("Currency").selectOption("EUR");
        button(form, "Create staff member").click();

        Locator summary = admin.getByTestId("credentials-summary");
        assertThat(summary.getByTestId("credentials-email")).hasText(email);
        assertThat(summary.getByTestId("credentials-password")).hasText(People.PASSWORD);
        assertThat(summary).containsText("The password is shown once");
        button(summary, "Done").click();
        assertThat(admin.getByTestId("user-list")).containsText(email);

        long id = Http.json(people.root().get("/api/users?search=" + email.replace("@", "%40"))).get("items").get(0).get("id").asLong();
        var rate = Http.json(people.root().get("/api/pay-rates/user/" + id + "/current"));
        assertThat(rate.get("base_rate").asString()).isEqualTo("25.50");
        assertThat(rate.get("currency").asString()).isEqualTo("EUR");
        assertThat(rate.get("rate_type").asString()).isEqualTo("hourly");
        var user = Http.json(people.root().get("/api/users/" + id));
        assertThat(user.get("emergency_contact_name").asString()).isEqualTo("Olaf Newcomer");
        assertThat(user.get("manager_id").asLong()).isEqualTo(rootId);
        admin.navigate("/payroll/rates");
        admin.getByLabel("Search").fill(email);
        assertThat(admin.getByRole(AriaRole.TABLE)).containsText("€25.50/h");

        signIn(newPage(), email, People.PASSWORD);
    }

    @Test
    void anAdminEditsAPersonsProfileOnTheStaffPageAndTheManagerIsShownByName() {
        People.Person worker = people.create("regular_user");
        var root = Http.json(people.root().get("/api/auth/me"));
        people.root().put("/api/users/" + worker.id(), "{\"phone\": \"+1 555 0100\", \"department\": \"Sales\", \"manager_id\": "
                + root.get("id").asLong() + "}");
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        page.navigate("/admin");
        page.getByLabel("Search by name or email").fill(worker.email());
        page.getByTestId("user-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(worker.name())).click();

        page.waitForURL("**/staff/" + worker.id());
        assertThat(page.getByTestId("fact-manager")).hasText(root.get("name").asString());
        assertThat(page.getByTestId("fact-phone")).hasText("+1 555 0100");
        button(page, "Edit profile").click();
        Locator form = page.getByTestId("profile-form");
        form.getByLabel("Expected hours per week").fill("200");
        button(form, "Save profile").click();
        assertThat(form.getByText("Between 0 and 168")).isVisible();
        form.getByLabel("Expected hours per week").fill("30");
        form.getByLabel("Department").fill("Support");
        form.getByLabel("Phone number").fill("");
        form.getByLabel("Manager").selectOption("");
        button(form, "Save profile").click();

        assertThat(page.getByTestId("profile-form")).hasCount(0);
        assertThat(page.getByTestId("fact-department")).hasText("Support");
        assertThat(page.getByTestId("fact-phone")).hasText("—");
        assertThat(page.getByTestId("fact-manager")).hasText("None");
        assertThat(page.getByTestId("fact-expected-hours-per-week")).hasText("30");
        var saved = Http.json(people.root().get("/api/users/" + worker.id()));
        assertThat(saved.get("phone").isNull()).isTrue();
        assertThat(saved.get("manager_id").isNull()).isTrue();
        assertThat(saved.get("department").asString()).isEqualTo("Support");
    }

    @Test
    void mainPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        People.Person admin = people.create("admin");
        projectFor("Accessible", admin);
        Page page = newPage(1280, 800, true); // axe is injected as an inline script, which the app's CSP forbids
        Map<String, List<?>> violations = new java.util.LinkedHashMap<>();
        page.navigate("/login");
        violations.put("/login", axe(page));
        page.navigate("/request-account");
        violations.put("/request-account", axe(page));
        signIn(page, admin);
        for (String path : List.of("/dashboard", "/time", "/projects", "/tasks", "/teams", "/settings", "/sessions", "/admin", "/account-requests", "/audit-logs",
                "/reports", "/my-payroll", "/admin/reports", "/payroll/rates", "/payroll/periods", "/payroll/reports",
                "/staff/" + admin.id())) {
            page.navigate(path);
            page.waitForLoadState();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            page.waitForTimeout(300);
            violations.put(path, axe(page));
        }
        page.evaluate("() => localStorage.setItem('tt.theme', 'dark')");
        for (String path : List.of("/dashboard", "/time", "/projects", "/reports")) {
            page.navigate(path);
            assertThat(page.locator("html.dark")).hasCount(1);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            page.waitForTimeout(300);
            violations.put(path + " (dark)", axe(page));
        }
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).as("serious or critical axe-core violations per page").isEmpty();

        // the check itself works: an image without a text alternative is a critical violation
        page.evaluate("() => document.body.append(Object.assign(document.createElement('img'), {src: '/x.png'}))");
        assertThat(axe(page)).anySatisfy(v -> assertThat(v.toString()).startsWith("image-alt"));
    }


    @Test
    void atPhoneWidthTheMainPagesDoNotScrollSideways() {
        People.Person worker = people.create("regular_user");
        projectFor("Narrow", worker);
        Page page = newPage(375, 740);
        signIn(page, worker);
        for (String path : List.of("/dashboard", "/time", "/projects", "/tasks", "/teams", "/settings", "/reports", "/my-payroll")) {
            page.navigate(path);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            page.waitForTimeout(200);
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).as(path).isLessThanOrEqualTo(375);
        }
        button(page, "Open menu").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Time Tracker")).click();
        page.waitForURL("**/time");
    }

    @Test
    void keyboardShortcutsNavigateAndShowTheirHelp() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        page.keyboard().press("Alt+KeyP");
        page.waitForURL("**/projects");
        page.keyboard().press("Shift+?");
        assertThat(dialog(page)).containsText("Keyboard shortcuts");
        assertThat(dialog(page)).containsText("Go to Time Tracker");
        page.keyboard().press("Escape");
        assertThat(dialog(page)).hasCount(0);
        page.keyboard().press("Alt+KeyT");
        page.waitForURL("**/time");
    }

    @Test
    void settingsChangeTheTimeZoneTheTimesAreShownInAndThePassword() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Zoned", worker);
        assertThat(worker.http().post("/api/time", "{\"project_id\": " + project + ", \"description\": \"Late call\","
                + " \"start_time\": \"2026-01-05T23:30:00Z\", \"end_time\": \"2026-01-06T00:15:00Z\"}").statusCode()).isEqualTo(201);
        Page page = signIn(newPage(), worker);
        page.navigate("/settings");
        page.getByLabel("Time zone").selectOption("Asia/Tokyo");
        button(page, "Save changes").click();
        assertThat(page.getByTestId("toast").first()).containsText("Profile updated");

        page.navigate("/time");
        assertThat(page.getByTestId("entry").first()).containsText("08:30–09:15");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Jan 6, 2026"))).isVisible();

        page.navigate("/settings");
        page.getByLabel("Current password").fill(People.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(false)).first().fill("Another-Valid-9-Phrase");
        page.getByLabel("Confirm new password").fill("Another-Valid-9-Phrase");
        button(page, "Change password").click();
        assertThat(page.getByTestId("toast").last()).containsText("Password changed");
        assertThat(new Http(port).post("/api/auth/login", "{\"email\": \"" + worker.email() + "\", \"password\": \"Another-Valid-9-Phrase\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminAddsAndRemovesTeamMembers() {
        People.Person admin = people.create("admin");
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), admin);
        page.navigate("/teams");
        button(page, "New team").click();
        dialog(page).getByLabel("Team name").fill("Support");
        button(dialog(page), "Create team").click();
        assertThat(page.getByTestId("team-detail")).containsText("Support");

        button(page, "Add member").click();
        dialog(page).getByLabel("Person").selectOption(new SelectOption().setLabel(worker.name() + " (" + worker.email() + ")"));
        button(dialog(page), "Add member").click();
        assertThat(page.getByTestId("members")).containsText(worker.email());
        page.getByLabel("Role of " + worker.name()).selectOption("admin");
        assertThat(page.getByTestId("toast").last()).containsText("Role changed");

        button(page, "Remove " + worker.name()).click();
        button(dialog(page), "Remove").click();
        assertThat(page.getByTestId("members")).not().containsText(worker.email());
    }

    @Test
    void aPageWhoseCodeCannotLoadSaysSoAndKeepsTheNavigation() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        page.route("**/assets/TasksPage-*.js", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(404)));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tasks")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A new version is available"))).isVisible();
        assertThat(page.getByTestId("user-menu")).isVisible();
        assertThat(storedTokens(page)).isNotNull();
    }
}
