package com.timetracker.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocket;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime promises of issue #7 in real Chromium: the socket reconnects with backoff and after a
 * token refresh, the pages poll while it is down, tabs share one token refresh; and the team report.
 */
class RealtimeBrowserTest extends BrowserTest {

    static final String LIVE = "Live";
    static final String POLLING = "Updating every 5 s";
    /** ActiveTimersCard's refetchInterval while the socket is down, and useEntries'. */
    static final long ACTIVE_POLL_MS = 5_000;
    static final long ENTRIES_POLL_MS = 15_000;

    /**
     * Stands between the page and the server's socket (/api/ws/ws): passes connections through,
     * refuses the next ones when told (closed before they open, as a refused handshake), breaks
     * the open ones, and records when each connection was attempted.
     */
    static final class SocketGate {
        final List<Long> attempts = new CopyOnWriteArrayList<>();
        /** The access tokens the page asked for tickets with. */
        final List<String> tokens;
        final AtomicInteger refuseNext = new AtomicInteger();
        final List<WebSocketRoute> open = new CopyOnWriteArrayList<>();

        SocketGate(Page page) {
            tokens = ticketTokens(page);
            page.routeWebSocket(Pattern.compile(".*/api/ws/ws.*"), ws -> {
                attempts.add(System.nanoTime());
                if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ws.close();
                    return;
                }
                ws.connectToServer();
                open.add(ws);
            });
        }

        void breakOpenSockets() {
            open.forEach(WebSocketRoute::close);
            open.clear();
        }
    }

    static Locator liveStatus(Page page) {
        return page.getByTestId("live-status");
    }

    static LocatorAssertions.HasTextOptions within(long millis) {
        return new LocatorAssertions.HasTextOptions().setTimeout(millis);
    }

    static LocatorAssertions.ContainsTextOptions containsWithin(long millis) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(millis);
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    Page signInAsRoot(Page page) {
        return signIn(page, People.ROOT_EMAIL, People.ROOT_PASSWORD);
    }

    @Test
    void aBrokenSocketIsShownNotLiveReconnectsWithBackoffAndIsLiveAgain() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Reconnect", worker);
        Page admin = newPage();
        SocketGate gate = new SocketGate(admin);
        signInAsRoot(admin);
        assertThat(liveStatus(admin)).hasText(LIVE);
        assertThat(gate.open).hasSize(1);

        // the connection drops; the next two attempts are refused, the third gets through
        gate.refuseNext.set(2);
        long broken = System.nanoTime();
        gate.breakOpenSockets();
        assertThat(liveStatus(admin)).hasText(POLLING, within(1000));
        assertThat(liveStatus(admin)).hasText(LIVE, within(12_000));

        List<Long> gaps = new ArrayList<>();
        long previous = broken;
        for (long attempt : gate.attempts.subList(1, gate.attempts.size())) {
            gaps.add((attempt - previous) / 1_000_000);
            previous = attempt;
        }
        // backoffDelay: 1 s, 2 s, 4 s, each ±25 % (plus slack: the times are taken in this JVM)
        System.out.println("[realtime] ms between reconnection attempts: " + gaps);
        assertThat(gaps).as("ms between reconnection attempts").hasSize(3).isSorted();
        assertThat(gaps.get(0)).isBetween(650L, 1_650L);
        assertThat(gaps.get(1)).isBetween(1_350L, 2_900L);
        assertThat(gaps.get(2)).isBetween(2_800L, 5_400L);
        assertThat(gate.open).hasSize(1);

        // live again: a timer started in another browser shows within 1.5 s
        Page workerPage = signIn(newPage(), worker);
        TrackingBrowserTest.startTimer(workerPage, project, "After the reconnection");
        long started = System.nanoTime();
        assertThat(admin.getByTestId("active-timers")).containsText(worker.name(), containsWithin(1500));
        assertThat(millisSince(started)).isLessThan(1500);
    }

    @Test
    void whileTheSocketIsRefusedWhoIsWorkingAndTheEntryListsAreKeptUpByPolling() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Polling", worker);
        Page admin = newPage();
        SocketGate gate = new SocketGate(admin);
        gate.refuseNext.set(Integer.MAX_VALUE);
        signInAsRoot(admin);
        // root sees every running timer (other tests' too): the card has loaded, without this worker
        assertThat(admin.getByTestId("active-timers").or(admin.getByText("No one is tracking time right now"))).isVisible();
        admin.waitForTimeout(1500);
        assertThat(admin.getByText(worker.name())).hasCount(0);
        assertThat(gate.attempts).isNotEmpty();
        assertThat(gate.open).isEmpty();
        assertThat(liveStatus(admin)).hasText(POLLING);

        // another person starts a timer (another device): the card polls it within its interval
        assertThat(worker.http().post("/api/time/start", "{\"project_id\": " + project + ", \"description\": \"Polled\"}").statusCode())
                .isEqualTo(201);
        long started = System.nanoTime();
        assertThat(admin.getByTestId("active-timers")).containsText(worker.name(), containsWithin(ACTIVE_POLL_MS + 2000));
        assertThat(millisSince(started)).isLessThan(ACTIVE_POLL_MS + 2000);

        // the admin's own entry added from another device: "My recent entries" polls it within its interval
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String description = "From the phone " + System.nanoTime();
        assertThat(people.root().post("/api/time", "{\"project_id\": " + project + ", \"description\": \"" + description
                + "\", \"start_time\": \"" + yesterday + "T22:00:00Z\", \"end_time\": \"" + yesterday + "T22:30:00Z\"}").statusCode())
                .isEqualTo(201);
        long added = System.nanoTime();
        assertThat(admin.getByText(description)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(ENTRIES_POLL_MS + 2000));
        assertThat(millisSince(added)).isLessThan(ENTRIES_POLL_MS + 2000);
        assertThat(gate.open).isEmpty();
        assertThat(liveStatus(admin)).hasText(POLLING);
    }

    /**
     * The access tokens the page asked for socket tickets with (POST /api/ws/ticket), in order:
     * which token each socket stands for, now that the token is no longer in its URL.
     */
    static List<String> ticketTokens(Page page) {
        List<String> tokens = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/api/ws/ticket")) {
                tokens.add(String.valueOf(request.headers().get("authorization")).replaceFirst("^Bearer ", ""));
            }
        });
        return tokens;
    }

    @Test
    void afterATokenRefreshTheSocketReconnectsWithTheNewToken() {
        People.Person worker = people.create("regular_user");
        Page page = newPage();
        List<String> ticketTokens = ticketTokens(page);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> {
            if (socket.url().contains("/api/ws/ws")) {
                sockets.add(socket);
            }
        });
        signIn(page, worker);
        assertThat(liveStatus(page)).hasText(LIVE);
        assertThat(sockets).hasSize(1);
        JsonNode signedIn = Http.json(storedTokens(page));
        String first = signedIn.get("access").asString();
        assertThat(ticketTokens).containsExactly(first);
        assertThat(sockets.get(0).url()).contains("ticket=").doesNotContain("token=");

        // the access token expires; the next request (the timer re-read on focus) refreshes it
        String expired = Tokens.expired(first);
        page.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))",
                Map.of("access", expired, "refresh", signedIn.get("refresh").asString()));
        page.waitForResponse("**/api/auth/refresh", () -> page.evaluate("() => window.dispatchEvent(new Event('focus'))"));
        page.waitForCondition(() -> sockets.size() >= 2);

        String refreshed = Http.json(storedTokens(page)).get("access").asString();
        assertThat(refreshed).isNotEqualTo(first).isNotEqualTo(expired);
        assertThat(ticketTokens).containsExactly(first, refreshed);
        assertThat(sockets.get(1).url()).contains("ticket=").doesNotContain(refreshed);
        page.waitForCondition(() -> sockets.get(0).isClosed());
        assertThat(liveStatus(page)).hasText(LIVE);
        page.waitForTimeout(1000);
        assertThat(sockets).hasSize(2);
        assertThat(sockets.get(1).isClosed()).isFalse();
        assertThat(liveStatus(page)).hasText(LIVE);
    }

    @Test
    void aSocketThatDropsAfterTheAccessTokenExpiredRefreshesTheTokenAndReconnects() {
        // A tab left open: the socket is live, so nothing polls, and the access token expires
        // meanwhile. Then the connection drops (a deploy). On a page that makes no requests of its
        // own, nothing but the socket can notice that the token must be refreshed first.
        People.Person worker = people.create("regular_user");
        Page page = newPage();
        SocketGate gate = new SocketGate(page);
        signIn(page, worker);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")).click();
        page.waitForURL("**/settings");
        page.waitForCondition(() -> gate.open.size() == 1);
        JsonNode signedIn = Http.json(storedTokens(page));
        String original = signedIn.get("access").asString();
        String expired = Tokens.expired(original);
        page.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))",
                Map.of("access", expired, "refresh", signedIn.get("refresh").asString()));
        List<String> refreshes = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/api/auth/refresh")) {
                refreshes.add(request.method());
            }
        });

        gate.breakOpenSockets();
        // the first reconnection attempt comes after about 1 s (backoff); it must carry a new token
        page.waitForCondition(() -> gate.tokens.stream().anyMatch(t -> !t.equals(original) && !t.equals(expired)),
                new Page.WaitForConditionOptions().setTimeout(4000));

        String refreshed = Http.json(storedTokens(page)).get("access").asString();
        assertThat(refreshed).isNotEqualTo(expired);
        assertThat(refreshes).containsExactly("POST");
        assertThat(gate.tokens).as("tokens the socket was opened with").doesNotContain(expired).endsWith(refreshed);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dashboard")).click();
        assertThat(liveStatus(page)).hasText(LIVE);
    }

    @Test
    void twoTabsWithAnExpiredAccessTokenShareOneRefreshAndStaySignedIn() {
        People.Person worker = people.create("regular_user");
        Page first = signIn(newPage(), worker);
        BrowserContext context = first.context();
        Page second = context.newPage();
        second.navigate("/dashboard");
        assertThat(second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();

        String before = storedTokens(first);
        JsonNode tokens = Http.json(before);
        first.evaluate("t => localStorage.setItem('tt.tokens', JSON.stringify(t))",
                Map.of("access", Tokens.expired(tokens.get("access").asString()), "refresh", tokens.get("refresh").asString()));
        List<String> refreshes = new CopyOnWriteArrayList<>();
        List<String> unauthorized = new CopyOnWriteArrayList<>();
        context.onRequest(request -> {
            if (request.url().endsWith("/api/auth/refresh")) {
                refreshes.add(request.method());
            }
        });
        context.onResponse(response -> {
            if (response.status() == 401) {
                unauthorized.add(response.url());
            }
        });
        // a slow refresh, so that the other tab's requests fail while it runs
        context.route("**/api/auth/refresh", route -> {
            SignInBrowserTest.sleep(1000);
            route.resume();
        });

        // both tabs reload at the same moment: each starts with the expired token
        first.evaluate("() => setTimeout(() => location.reload(), 100)");
        second.evaluate("() => setTimeout(() => location.reload(), 100)");
        for (Page page : List.of(first, second)) {
            page.waitForLoadState();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
            assertThat(page.getByTestId("user-menu")).containsText(worker.name());
            assertThat(liveStatus(page)).hasText(LIVE);
        }
        first.waitForTimeout(1500);
        for (Page page : List.of(first, second)) {
            assertThat(page.getByTestId("user-menu")).containsText(worker.name());
        }

        assertThat(unauthorized.stream().filter(url -> url.contains("/api/auth/me")).count()).isEqualTo(2);
        assertThat(refreshes).containsExactly("POST");
        assertThat(storedTokens(first)).isNotNull().isNotEqualTo(before);
        for (Page page : List.of(first, second)) {
            assertThat(page.url()).endsWith("/dashboard");
        }
    }

    static void entry(People.Person who, long project, LocalDate day, String from, String to) {
        ReportsBrowserTest.entry(who, project, day + "T" + from + ":00Z", day + "T" + to + ":00Z", "Seeded");
    }

    @Test
    void aNewEntryFromAnotherDeviceShowsInTheReportWithinASecond() {
        People.Person worker = people.create("regular_user");
        long project = projectFor("Figures", worker);
        ReportsBrowserTest.entry(worker, project, "2026-03-03T09:00:00Z", "2026-03-03T11:30:00Z", "Before");
        Page page = newPage();
        List<String> received = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> received.add(frame.text())));
        signIn(page, worker);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reports")).click();
        ReportsBrowserTest.chooseRange(page, "2026-03-02", "2026-03-08");
        assertThat(page.getByTestId("weekly-total")).containsText("2.50 h");
        page.waitForCondition(() -> received.stream().anyMatch(text -> text.contains("active_timers"))); // the socket is open

        ReportsBrowserTest.entry(worker, project, "2026-03-04T13:00:00Z", "2026-03-04T14:15:00Z", "After");
        long added = System.nanoTime();
        assertThat(page.getByTestId("weekly-total")).containsText("3.75 h", containsWithin(1500));
        assertThat(millisSince(added)).isLessThan(1500);
        assertThat(page.getByTestId("day-2026-03-04")).containsText("1.25 h");
    }

    @Test
    void aTeamOwnerSeesExactHoursByPersonAndAPlainMemberIsRefused() {
        People.Person owner = people.create("regular_user");
        People.Person member = people.create("regular_user");
        String teamName = "Harbour " + System.nanoTime();
        long team = Http.json(owner.http().post("/api/teams", "{\"name\": \"" + teamName + "\"}")).get("id").asLong();
        assertThat(people.root().post("/api/teams/" + team + "/members", "{\"user_id\": " + member.id() + ", \"role\": \"member\"}").statusCode())
                .isEqualTo(201);
        long project = Http.json(people.root().post("/api/projects", "{\"name\": \"Docks\", \"team_id\": " + team + "}")).get("id").asLong();
        long elsewhere = projectFor("Elsewhere", member);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        entry(owner, project, today.minusDays(3), "09:00", "10:30");
        entry(owner, project, today.minusDays(2), "13:00", "13:45");
        entry(member, project, today.minusDays(2), "09:00", "11:00");
        entry(member, elsewhere, today.minusDays(3), "14:00", "15:00"); // another team's project
        entry(owner, project, today.minusDays(12), "09:00", "10:00"); // before the range

        Page page = newPage(1280, 800, true); // axe is injected as an inline script, which the app's CSP forbids
        signIn(page, owner);
        page.navigate("/teams");
        page.getByTestId("team-list").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(teamName)).click();
        page.getByTestId("team-detail").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Team report")).click();
        page.waitForURL("**/teams/" + team + "/report");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Team report: " + teamName);
        ReportsBrowserTest.chooseRange(page, today.minusDays(6).toString(), today.toString());

        assertThat(page.getByTestId("team-total")).containsText("4.25 h");
        Locator byUser = page.getByTestId("team-by-user").locator("tbody tr");
        assertThat(byUser).hasCount(2);
        assertThat(byUser.filter(new Locator.FilterOptions().setHasText(owner.name()))).hasText(owner.name() + "2.25 h2");
        assertThat(byUser.filter(new Locator.FilterOptions().setHasText(member.name()))).hasText(member.name() + "2.00 h1");
        Locator byProject = page.getByTestId("team-by-project").locator("tbody tr");
        assertThat(byProject).hasCount(1);
        assertThat(byProject).hasText("Docks4.25 h3");
        Locator byDay = page.getByTestId("team-by-day").locator("tbody tr");
        assertThat(byDay).hasCount(7);
        assertThat(byDay.filter(new Locator.FilterOptions().setHasText("1.50 h1"))).hasCount(1);
        assertThat(byDay.filter(new Locator.FilterOptions().setHasText("2.75 h2"))).hasCount(1);
        assertThat(byDay.filter(new Locator.FilterOptions().setHasText("0.00 h0"))).hasCount(5);
        page.waitForTimeout(300);
        assertThat(axe(page)).as("serious or critical axe-core violations").isEmpty();

        Page memberPage = signIn(newPage(), member);
        memberPage.navigate("/teams");
        memberPage.getByTestId("team-list").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(teamName)).click();
        assertThat(memberPage.getByTestId("members")).containsText(owner.name());
        assertThat(memberPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team report"))).hasCount(0);
        memberPage.navigate("/teams/" + team + "/report");
        assertThat(memberPage.getByRole(AriaRole.ALERT).first()).containsText("Team admin access required");
        assertThat(memberPage.getByTestId("team-by-user")).hasCount(0);
        assertThat(memberPage.url()).endsWith("/teams/" + team + "/report");
    }

}
