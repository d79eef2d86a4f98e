package com.timetracker.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, sign-out and V1's infinite-refresh-loop failure (PRODUCT.md §5 #1), in real Chromium. */
class SignInBrowserTest extends BrowserTest {

    /** Paths of the API requests a page makes, recorded in order. */
    static List<String> apiRequests(Page page) {
        List<String> paths = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            String url = request.url();
            int api = url.indexOf("/api/");
            if (api >= 0 && !url.contains("/api/ws/ws")) {
                paths.add(request.method() + " " + url.substring(api).replaceFirst("\\?.*", ""));
            }
        });
        return paths;
    }

    /** How many times the page arrived at /login (full loads and in-app navigations alike). */
    static List<String> arrivalsAtLogin(Page page) {
        List<String> arrivals = new CopyOnWriteArrayList<>();
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame() && frame.url().endsWith("/login")) {
                arrivals.add(frame.url());
            }
        });
        return arrivals;
    }

    static long count(List<String> requests, String request) {
        return requests.stream().filter(request::equals).count();
    }

    @Test
    void signsInAndOutAndProtectedPagesNeedASessionAfterwards() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        assertThat(page.getByTestId("user-menu")).containsText(worker.name());

        page.getByTestId("user-menu").click();
        page.getByTestId("sign-out").click();
        page.waitForURL("**/login");
        assertThat(storedTokens(page)).isNull();

        page.navigate("/time");
        page.waitForURL("**/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome back"))).isVisible();
    }

    @Test
    void aFailedSignInShowsTheServersMessageWithoutReloading() {
        People.Person worker = people.create("regular_user");
        Page page = newPage();
        page.navigate("/login");
        page.evaluate("() => { window.__sameDocument = true; }");
        page.getByLabel("Email address").fill(worker.email());
        page.getByLabel("Password").fill("Wrong-Password-42!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Incorrect email or password");
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        assertThat(page.url()).endsWith("/login");
    }

    @Test
    void anExpiredAccessTokenWithAValidRefreshTokenIsRefreshedSilently() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        String before = storedTokens(page);
        JsonNode tokens = Http.json(before);
        page.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))",
                java.util.Map.of("access", Tokens.expired(tokens.get("access").asString()), "refresh", tokens.get("refresh").asString()));
        List<String> requests = apiRequests(page);

        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        page.waitForTimeout(1000);

        assertThat(count(requests, "POST /api/auth/refresh")).isEqualTo(1);
        assertThat(page.url()).endsWith("/dashboard");
        assertThat(storedTokens(page)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void withBothTokensExpiredThePageGoesToLoginOnceAndStays() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        JsonNode tokens = Http.json(storedTokens(page));
        page.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))", java.util.Map.of(
                "access", Tokens.expired(tokens.get("access").asString()),
                "refresh", Tokens.expired(tokens.get("refresh").asString())));
        List<String> requests = apiRequests(page);
        List<String> arrivals = arrivalsAtLogin(page);

        page.reload();
        page.waitForURL("**/login");
        assertThat(page.getByTestId("signout-reason")).hasText("Your session has expired. Please sign in again.");
        page.waitForTimeout(3000);

        assertThat(arrivals).hasSize(1);
        assertThat(count(requests, "POST /api/auth/refresh")).isEqualTo(1);
        assertThat(count(requests, "GET /api/auth/me")).isEqualTo(1);
        assertThat(storedTokens(page)).isNull();
    }

    @Test
    void deletingTheTokenThenReloadingLandsOnLoginWithoutCallingTheApi() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        page.evaluate("() => localStorage.removeItem('tt.tokens')");
        List<String> requests = apiRequests(page);
        List<String> arrivals = arrivalsAtLogin(page);

        page.reload();
        page.waitForURL("**/login");
        page.waitForTimeout(1500);

        assertThat(arrivals).hasSize(1);
        assertThat(requests).isEmpty();
    }

    @Test
    void stalePersistedStateWithoutATokenIsIgnoredAndCleared() {
        People.Person worker = people.create("regular_user");
        Page page = newPage();
        page.navigate("/login");
        page.evaluate("() => {"
                + " localStorage.setItem('auth-storage', JSON.stringify({state: {isAuthenticated: true, user: {id: 1, role: 'super_admin'}}, version: 0}));"
                + " localStorage.setItem('access_token', 'stale');"
                + " localStorage.setItem('tt.timer', JSON.stringify({state: {owner: 1, entry: {id: 5, project_id: 1, project_name: 'Old', start_time: '2026-01-01T00:00:00Z'}}, version: 0}));"
                + "}");
        List<String> arrivals = arrivalsAtLogin(page);

        page.navigate("/dashboard");
        page.waitForURL("**/login");
        page.waitForTimeout(1000);
        assertThat(arrivals).hasSize(1);
        assertThat(page.evaluate("() => localStorage.getItem('auth-storage')")).isNull();

        signIn(page, worker);
        assertThat(page.getByTestId("timer-elapsed")).hasText("00:00:00");
        assertThat(page.getByTestId("timer-start")).isVisible();
    }

    @Test
    void manyParallel401sShareOneRefresh() {
        People.Person worker = people.create("regular_user");
        projectFor("Parallel", worker);
        Page page = signIn(newPage(), worker);
        JsonNode tokens = Http.json(storedTokens(page));
        String valid = tokens.get("access").asString();
        // The access token expires just after start: /auth/me still passes, then the dashboard's
        // requests all leave at once with the expired token.
        page.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))",
                java.util.Map.of("access", Tokens.expired(valid), "refresh", tokens.get("refresh").asString()));
        page.route("**/api/auth/me", route -> {
            java.util.Map<String, String> headers = new java.util.HashMap<>(route.request().headers());
            headers.put("authorization", "Bearer " + valid);
            route.resume(new Route.ResumeOptions().setHeaders(headers));
        });
        // a slow refresh: the page's other requests fail meanwhile and must wait for this one
        page.route("**/api/auth/refresh", route -> {
            sleep(1500);
            route.resume();
        });
        List<String> requests = apiRequests(page);
        List<String> unauthorized = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() == 401) {
                unauthorized.add(response.url());
            }
        });

        page.reload();
        assertThat(page.getByTestId("total-My time today")).hasText("0m");
        assertThat(page.getByText("No one is tracking time right now")).isVisible();
        page.waitForTimeout(1000);

        assertThat(unauthorized).hasSizeGreaterThanOrEqualTo(3);
        assertThat(count(requests, "POST /api/auth/refresh")).isEqualTo(1);
        assertThat(page.url()).endsWith("/dashboard");
        assertThat(storedTokens(page)).doesNotContain(valid);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aForbiddenAnswerShowsNoPermissionAndKeepsTheSession() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        String tokens = storedTokens(page);
        page.route(java.util.regex.Pattern.compile(".*/api/time\\?.*"), route -> route.fulfill(new Route.FulfillOptions().setStatus(403)
                .setContentType("application/json")
                .setBody("{\"error\": \"authorization_error\", \"message\": \"You don't have permission to see these entries\"}")));

        page.reload();
        assertThat(page.getByTestId("toast").first()).containsText("You don't have permission to see these entries");
        page.waitForTimeout(1000);

        assertThat(page.url()).endsWith("/dashboard");
        assertThat(storedTokens(page)).isEqualTo(tokens);
        assertThat(page.getByTestId("user-menu")).containsText(worker.name());
    }

    @Test
    void signingOutInOneTabSignsOutTheOther() {
        People.Person worker = people.create("regular_user");
        Page first = signIn(newPage(), worker);
        Page second = first.context().newPage();
        second.navigate("/time");
        assertThat(second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Time Tracker"))).isVisible();

        first.getByTestId("user-menu").click();
        first.getByTestId("sign-out").click();

        second.waitForURL("**/login");
        assertThat(second.getByTestId("signout-reason")).hasText("You signed out in another tab.");
    }

    @Test
    void workersDoNotSeeAdminPagesAndGetAPermissionMessage() {
        People.Person worker = people.create("regular_user");
        Page page = signIn(newPage(), worker);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))).hasCount(0);
        page.navigate("/admin");
        assertThat(page.getByText("You don't have permission to see this page")).isVisible();
        assertThat(page.url()).endsWith("/admin");
    }

    @Test
    void unknownPathsShowNotFound() {
        Page page = newPage();
        page.navigate("/no/such/page");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
    }
}
