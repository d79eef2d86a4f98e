package timetracker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens SOCKETS WebSockets ({@code /api/ws/ws?token=…}) to one node for USERS people (SOCKETS/USERS
 * each, like that many tabs), half of them in team A and half in team B, holds them HOLD seconds,
 * then has the first person of team A start and stop a timer on a team-A project through the REST
 * API and times how long {@code timer_started} / {@code timer_stopped} take to reach every socket
 * of team A; team B's sockets must receive neither (the realtime rule: the user, the project's team
 * and admins). Prints connections established/failed/held, the server's heap after a full GC
 * (jcmd, given SERVER_PID) and the broadcast latencies. Plain JDK: java.net.http.WebSocket.
 *
 * <p>Run: {@code java -Xmx1g -cp bench/target/test-classes timetracker.bench.WebSocketLoad} with
 * -DbaseUrl, -Dsockets (5000), -Dusers (50), -Dhold (60), -DserverPid.
 */
public final class WebSocketLoad {

    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int SOCKETS = Integer.getInteger("sockets", 5000);
    static final int USERS = Integer.getInteger("users", 50);
    static final int HOLD = Integer.getInteger("hold", 60);
    static final String SERVER_PID = System.getProperty("serverPid", "");
    /** Handshakes in flight at once. */
    static final int OPENING = Integer.getInteger("opening", 64);

    /** One client socket: what arrived and when. */
    static final class Tab implements WebSocket.Listener {
        final int user;
        final boolean teamA;
        volatile WebSocket socket;
        volatile boolean connectedMessage;
        volatile boolean closed;
        volatile String closeReason;
        final AtomicInteger pings = new AtomicInteger();
        final AtomicLong timerStartedAt = new AtomicLong();
        final AtomicLong timerStoppedAt = new AtomicLong();
        final AtomicInteger otherMessages = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();

        Tab(int user, boolean teamA) {
            this.user = user;
            this.teamA = teamA;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                String type = type(text);
                switch (type) {
                    case "connected" -> connectedMessage = true;
                    case "ping" -> pings.incrementAndGet();
                    case "timer_started" -> timerStartedAt.compareAndSet(0, now);
                    case "timer_stopped" -> timerStoppedAt.compareAndSet(0, now);
                    default -> otherMessages.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            closeReason = statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            closeReason = error.toString();
        }
    }

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    static String type(String json) {
        Matcher m = TYPE.matcher(json);
        return m.find() ? m.group(1) : "";
    }

    public static void main(String[] args) throws Exception {
        BenchApi api = new BenchApi(BASE);
        long setupStarted = System.nanoTime();
        String admin = api.adminToken();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String teamA = BenchApi.field(api.call("POST", "/api/teams", admin, "{\"name\": \"Sockets " + run + " A\"}"), "id");
        String teamB = BenchApi.field(api.call("POST", "/api/teams", admin, "{\"name\": \"Sockets " + run + " B\"}"), "id");
        String project = BenchApi.field(api.call("POST", "/api/projects", admin, "{\"name\": \"Sockets " + run + "\", \"team_id\": " + teamA + "}"), "id");
        List<String> tokens = BenchApi.parallel(USERS, 4, i -> {
            String email = "sockets-" + run + "-" + i + "@example.com";
            api.call("POST", "/api/users", admin, "{\"email\": \"" + email + "\", \"password\": \"" + BenchApi.PASSWORD
                    + "\", \"name\": \"Sockets " + i + "\", \"team_ids\": [" + (i % 2 == 0 ? teamA : teamB) + "]}");
            return api.login(email, BenchApi.PASSWORD);
        });
        System.out.printf("Setup: %d people (even: team A, odd: team B) in %.1f s%n", USERS, (System.nanoTime() - setupStarted) / 1e9);
        System.out.println("Server before: " + serverMemory(true));

        HttpClient client = HttpClient.newHttpClient();
        String wsBase = BASE.replaceFirst("^http", "ws") + "/api/ws/ws?token=";
        List<Tab> tabs = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Semaphore inFlight = new Semaphore(OPENING);
        CountDownLatch done = new CountDownLatch(SOCKETS);
        long openStarted = System.nanoTime();
        for (int s = 0; s < SOCKETS; s++) {
            int user = s % USERS;
            Tab tab = new Tab(user, user % 2 == 0);
            tabs.add(tab);
            inFlight.acquire();
            client.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30))
                    .buildAsync(URI.create(wsBase + tokens.get(user)), tab)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                            synchronized (failures) {
                                if (failures.size() < 5) {
                                    failures.add(error.toString());
                                }
                            }
                            tab.closed = true;
                        } else {
                            tab.socket = socket;
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        done.await(5, TimeUnit.MINUTES);
        double openSeconds = (System.nanoTime() - openStarted) / 1e9;
        Thread.sleep(2000); // the "connected" greetings of the last handshakes
        long established = tabs.stream().filter(t -> t.socket != null).count();
        long greeted = tabs.stream().filter(t -> t.connectedMessage).count();
        System.out.printf("Opened: %d of %d established (%d greeted with \"connected\"), %d failed, in %.1f s (%.0f handshakes/s)%n",
                established, SOCKETS, greeted, failed.get(), openSeconds, established / openSeconds);
        failures.forEach(f -> System.out.println("  failure: " + f));
        System.out.println("Server with sockets open: " + serverMemory(true));

        System.out.printf("Holding %d s...%n", HOLD);
        double cpuBefore = serverCpuSeconds();
        Thread.sleep(HOLD * 1000L);
        double cpuHold = serverCpuSeconds() - cpuBefore;
        long held = tabs.stream().filter(t -> t.socket != null && !t.closed && !t.socket.isInputClosed()).count();
        long pinged = tabs.stream().filter(t -> t.pings.get() > 0).count();
        System.out.printf("Held: %d of %d still open after %d s; %d received the server's keep-alive ping; closed meanwhile: %d; "
                        + "server CPU while holding: %.1f s%n",
                held, established, HOLD, pinged, tabs.stream().filter(t -> t.socket != null && t.closed).count(), cpuHold);
        tabs.stream().filter(t -> t.closeReason != null).limit(3).forEach(t -> System.out.println("  closed: " + t.closeReason));
        System.out.println("Server after holding: " + serverMemory(true));

        String starterToken = tokens.get(0);
        long startSent = System.nanoTime();
        api.call("POST", "/api/time/start", starterToken, "{\"project_id\": " + project + ", \"description\": \"broadcast\"}");
        report("timer_started", tabs, startSent, t -> t.timerStartedAt.get());
        long stopSent = System.nanoTime();
        api.call("POST", "/api/time/stop", starterToken, null);
        report("timer_stopped", tabs, stopSent, t -> t.timerStoppedAt.get());

        for (Tab tab : tabs) {
            if (tab.socket != null) {
                tab.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
            }
        }
        Thread.sleep(2000);
        System.out.println("Server after closing: " + serverMemory(false));
        System.exit(held == SOCKETS ? 0 : 1);
    }

    /** Waits up to 15 s for the message to reach team A's open sockets, then prints its latency spread. */
    private static void report(String type, List<Tab> tabs, long sentAt, java.util.function.ToLongFunction<Tab> arrival)
            throws InterruptedException {
        List<Tab> audience = tabs.stream().filter(t -> t.teamA && t.socket != null && !t.closed).toList();
        List<Tab> outsiders = tabs.stream().filter(t -> !t.teamA && t.socket != null && !t.closed).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && audience.stream().anyMatch(t -> arrival.applyAsLong(t) == 0)) {
            Thread.sleep(5);
        }
        Thread.sleep(500); // anything misdirected to team B has had time to arrive too
        long[] millis = audience.stream().mapToLong(arrival).filter(at -> at != 0).map(at -> (at - sentAt) / 1_000_000).sorted().toArray();
        long wrong = outsiders.stream().filter(t -> arrival.applyAsLong(t) != 0).count();
        System.out.printf("Broadcast %s: reached %d of %d team-A sockets (%d wrongly reached team B's %d); after the REST call was sent: "
                        + "first %d ms, p50 %d ms, p95 %d ms, last %d ms%n", type, millis.length, audience.size(), wrong, outsiders.size(),
                at(millis, 0), at(millis, 0.5), at(millis, 0.95), at(millis, 1));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
    }

    /** Heap used after a full GC (jcmd), resident memory and threads of the server process. */
    private static String serverMemory(boolean collect) throws IOException, InterruptedException {
        if (SERVER_PID.isEmpty()) {
            return "(no -DserverPid)";
        }
        if (collect) {
            jcmd("GC.run");
        }
        String heap = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        String usedMb = used.find() ? (Long.parseLong(used.group(1)) / 1024) + " MB heap used" + (collect ? " after a full GC" : "") : heap;
        List<String> status = Files.readAllLines(Path.of("/proc", SERVER_PID, "status"));
        String rss = status.stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        String threads = status.stream().filter(l -> l.startsWith("Threads:")).findFirst().orElse("Threads: ?").replaceAll("\\s+", " ");
        return usedMb + ", " + rss + ", " + threads;
    }

    /** User + system CPU time of the server process so far (Linux clock ticks of 10 ms), or 0 without a pid. */
    private static double serverCpuSeconds() throws IOException {
        if (SERVER_PID.isEmpty()) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", SERVER_PID, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("jcmd", SERVER_PID, command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private WebSocketLoad() {
    }
}
