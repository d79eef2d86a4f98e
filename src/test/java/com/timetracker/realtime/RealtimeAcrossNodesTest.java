package com.timetracker.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.timetracker.support.Http;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.TestRedis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes sharing one PostgreSQL and one Redis: a timer started through node A reaches a
 * teammate's socket on node B within a second; nobody outside the team hears of it; a signed-out
 * session's socket is closed; with Redis gone each node still serves its own clients.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeAcrossNodesTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    static RedisServer redis;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static long projectId;
    static String aliceEmail;
    static String bobEmail;
    static String eveEmail;

    /** A client socket that queues what it receives. */
    record Client(WebSocket socket, BlockingQueue<String> received, CompletableFuture<Integer> closed) {

        JsonNode next(String type, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < deadline) {
                String message = received.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (message != null && Http.json(message).path("type").asString("").equals(type)) {
                    return Http.json(message);
                }
            }
            return null;
        }
    }

    @BeforeAll
    static void twoNodes() throws Exception {
        TestRedis testRedis = TestRedis.start();
        redis = testRedis.server();
        String database = TestPostgres.createDatabase("realtime");
        String[] settings = {"DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database), "REDIS_URL=" + testRedis.url(),
                "SECRET_KEY=q8Jf2LxVw9ZrTb4NcYk7Hs1PdGm6EaU3", "BCRYPT_ROUNDS=10", "timetracker.realtime.recheck-interval=1s",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"};
        nodeA = TestApp.start(settings);
        nodeB = TestApp.start(settings);

        Http root = new Http(TestApp.port(nodeA));
        root = root.as(root.login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString());
        aliceEmail = "alice" + System.nanoTime() + "@example.com";
        bobEmail = "bob" + System.nanoTime() + "@example.com";
        eveEmail = "eve" + System.nanoTime() + "@example.com";
        long alice = create(root, aliceEmail);
        long bob = create(root, bobEmail);
        create(root, eveEmail);
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Crew', :u, now(), now()) RETURNING id")
                .param("u", alice).query(Long.class).single();
        jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :a, 'owner', now()), (:t, :b, 'member', now())")
                .param("t", team).param("a", alice).param("b", bob).update();
        projectId = jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'Ship', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).query(Long.class).single();
    }

    private static long create(Http root, String email) {
        return Http.json(root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + email.substring(0, 3) + "\"}"))
                .get("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        if (redis.isActive()) {
            redis.stop();
        }
    }

    private static String token(ConfigurableApplicationContext node, String email) {
        return new Http(TestApp.port(node)).login(email, PASSWORD).get("access_token").asString();
    }

    private static Client connect(ConfigurableApplicationContext node, String token) {
        return open(node, "token=" + token);
    }

    private static Client open(ConfigurableApplicationContext node, String query) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + TestApp.port(node) + "/api/ws/ws?" + query), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).join();
        return new Client(socket, received, closed);
    }

    @Test
    @Order(1)
    void aTimerStartedOnNodeAReachesATeammateOnNodeBAndNoOneElse() throws Exception {
        Client bob = connect(nodeB, token(nodeB, bobEmail));
        Client eve = connect(nodeB, token(nodeB, eveEmail));
        assertThat(bob.next("connected", 5000)).isNotNull();
        assertThat(eve.next("connected", 5000)).isNotNull();

        Http alice = new Http(TestApp.port(nodeA)).as(token(nodeA, aliceEmail));
        long started = System.currentTimeMillis();
        assertThat(alice.post("/api/time/start", "{\"project_id\": " + projectId + ", \"description\": \"hull\"}").statusCode()).isEqualTo(201);

        JsonNode event = bob.next("timer_started", 1000);
        assertThat(event).as("received on node B within 1 s").isNotNull();
        assertThat(System.currentTimeMillis() - started).isLessThan(1000);
        assertThat(event.get("data").get("project_name").asString()).isEqualTo("Ship");
        assertThat(event.get("data").get("description").asString()).isEqualTo("hull");
        assertThat(eve.next("timer_started", 1000)).as("not in the team").isNull();

        bob.socket().sendText("{\"type\": \"get_active_timers\"}", true);
        assertThat(bob.next("active_timers", 2000).get("timers").findValuesAsString("project_name")).containsExactly("Ship");
        eve.socket().sendText("{\"type\": \"get_active_timers\"}", true);
        assertThat(eve.next("active_timers", 2000).get("timers").size()).isZero();
        bob.socket().sendText("{\"type\": \"ping\"}", true);
        assertThat(bob.next("pong", 2000)).isNotNull();

        alice.post("/api/time/stop", "");
        assertThat(bob.next("timer_stopped", 1000)).isNotNull();
        assertThat(bob.next("time_entry_completed", 1000).get("data").get("is_running").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void aBadTokenIsRefusedAtTheHandshake() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connect(nodeB, "not-a-token")))
                .isInstanceOf(CompletionException.class);
    }

    @Test
    @Order(2)
    void aOneUseTicketOpensOneSocketOnAnyNodeInsteadOfTheTokenInTheUrl() throws Exception {
        Http bob = new Http(TestApp.port(nodeA)).as(token(nodeA, bobEmail));
        JsonNode issued = Http.json(bob.post("/api/ws/ticket", ""));
        String ticket = issued.get("ticket").asString();
        assertThat(issued.get("expires_in").asInt()).isEqualTo(30);
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}");

        Client socket = open(nodeB, "ticket=" + ticket);
        assertThat(socket.next("connected", 5000)).as("issued on node A, accepted on node B").isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> open(nodeA, "ticket=" + ticket)))
                .as("used once").isInstanceOf(CompletionException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> open(nodeA, "ticket=not-a-ticket")))
                .isInstanceOf(CompletionException.class);
        assertThat(new Http(TestApp.port(nodeA)).post("/api/ws/ticket", "").statusCode()).isEqualTo(401);
        socket.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    @Order(3)
    void aSignedOutSessionsSocketIsClosed() throws Exception {
        String token = token(nodeB, bobEmail);
        Client bob = connect(nodeB, token);
        assertThat(bob.next("connected", 5000)).isNotNull();

        new Http(TestApp.port(nodeA)).as(token).post("/api/auth/logout", "");
        assertThat(bob.closed().get(10, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    @Test
    @Order(4)
    void withRedisGoneEachNodeStillServesItsOwnClients() throws Exception {
        Client bob = connect(nodeB, token(nodeB, bobEmail));
        assertThat(bob.next("connected", 5000)).isNotNull();
        redis.stop();

        Http alice = new Http(TestApp.port(nodeB)).as(token(nodeB, aliceEmail));
        assertThat(alice.post("/api/time/start", "{\"project_id\": " + projectId + "}").statusCode()).isEqualTo(201);
        assertThat(bob.next("timer_started", 5000)).as("delivered locally without Redis").isNotNull();
        alice.post("/api/time/stop", "");
    }
}
