package com.timetracker.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Browser tests: the packaged web app (classpath static/) served by the whole application on a
 * random port, driven in real Chromium. All browser test classes share this Spring context.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=" + People.ROOT_EMAIL, "FIRST_SUPER_ADMIN_PASSWORD=" + People.ROOT_PASSWORD,
                "SECRET_KEY=" + Tokens.SECRET})
abstract class BrowserTest {

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    People people;
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void signInAsRoot() {
        people = new People(port);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** Root's "who's working now" sees every running timer, and the browser test classes share one app: stop them all. */
    @AfterEach
    void stopRunningTimers() {
        jdbc.sql("""
                UPDATE time_entries SET is_running = false, end_time = now(),
                       duration_seconds = extract(epoch FROM now() - start_time)::int, updated_at = now()
                WHERE is_running""").update();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Page newPage() {
        return newPage(1280, 800);
    }

    Page newPage(int width, int height) {
        return newPage(width, height, false);
    }

    Page newPage(int width, int height, boolean bypassCsp) {
        BrowserContext context = chromium.context(baseUrl(), width, height, bypassCsp);
        contexts.add(context);
        // the browser's own errors end up in the test output, where a failure is diagnosed
        context.onPage(page -> {
            page.onPageError(error -> System.out.println("[browser] page error: " + error));
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    System.out.println("[browser] console error: " + message.text());
                }
            });
        });
        return context.newPage();
    }

    /** Signs in through the login page and waits for the dashboard. */
    static Page signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        return page;
    }

    static Page signIn(Page page, People.Person person) {
        return signIn(page, person.email(), People.PASSWORD);
    }

    static String storedTokens(Page page) {
        return (String) page.evaluate("() => localStorage.getItem('tt.tokens')");
    }

    /** A team owned by root with these members, and one project in it; returns the project id. */
    long projectFor(String projectName, People.Person... members) {
        Http root = people.root();
        long team = Http.json(root.post("/api/teams", "{\"name\": \"Team " + projectName + "\"}")).get("id").asLong();
        for (People.Person member : members) {
            var added = root.post("/api/teams/" + team + "/members", "{\"user_id\": " + member.id() + ", \"role\": \"member\"}");
            if (added.statusCode() >= 300) {
                throw new AssertionError("adding a member failed: " + added.body());
            }
        }
        JsonNode project = Http.json(root.post("/api/projects", "{\"name\": \"" + projectName + "\", \"team_id\": " + team + "}"));
        return project.get("id").asLong();
    }

    /**
     * axe-core's serious and critical violations on the page ("id: first targets"). The page must
     * bypass the CSP (newPage(w, h, true)): axe is injected as an inline script.
     */
    static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeScript()));
        List<?> found = (List<?>) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))");
        return found.stream().map(String::valueOf).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static String axeScript() {
        Path script = Path.of("frontend/node_modules/axe-core/axe.min.js");
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new AssertionError("axe-core is missing at " + script + ": run `npm ci` in frontend/", e);
        }
    }
}
