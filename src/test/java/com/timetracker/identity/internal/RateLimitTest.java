package com.timetracker.identity.internal;

import java.net.http.HttpResponse;
import java.time.Instant;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP with the embedded Redis. The named rules run with their production
 * defaults (an empty value undoes the test suite's raised limits); the per-route default is 5 a
 * minute here, so tests stay fast. Each test uses its own addresses (X-Forwarded-For from the
 * loopback proxy is believed) and users, so they share no bucket.
 */
@SpringBootTest(classes = {TimeTrackerApplication.class, RateLimitTest.AccountRequestsStandIn.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp",
                "BCRYPT_ROUNDS=10",
                "RATE_LIMIT_LOGIN=", "RATE_LIMIT_REGISTER=", "RATE_LIMIT_ACCOUNT_REQUESTS=",
                "RATE_LIMIT_REQUESTS_PER_MINUTE=5",
                // a machine busy with other builds must not make a Redis call miss the 250ms default and switch buckets mid-test
                "timetracker.rate-limits.redis-timeout=5s"})
class RateLimitTest {

    static final String PASSWORD = "Quiet-River-4-Stone";

    /**
     * POST /api/account-requests belongs to the account-requests feature. Until its controller
     * exists, this handler answers there, consulted after the annotated controllers (order 1): once
     * the real endpoint lands it takes precedence and this test exercises it instead.
     */
    @TestConfiguration
    static class AccountRequestsStandIn {
        @Bean
        SimpleUrlHandlerMapping accountRequestsStandIn(RateLimitInterceptor limiter) {
            HttpRequestHandler created = (HttpServletRequest request, HttpServletResponse response) -> {
                if (!"POST".equals(request.getMethod())) {
                    response.sendError(405);
                    return;
                }
                response.setStatus(201);
                response.setContentType("application/json");
                response.getWriter().write("{\"status\": \"pending\"}");
            };
            SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(java.util.Map.of("/api/account-requests", created), 1);
            mapping.setInterceptors(limiter);
            return mapping;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RateLimitBuckets buckets;

    @BeforeEach
    void bucketsAreInRedis() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!buckets.shared() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(buckets.shared()).as("connected to the embedded Redis").isTrue();
    }

    private Http http() {
        return new Http(port);
    }

    private static String from(HttpResponse<String> response, String header) {
        return response.headers().firstValue(header).orElse(null);
    }

    private HttpResponse<String> failedLogin(String address) {
        // an unknown email each time: 401, and no account gets locked
        return http().post("/api/auth/login", "{\"email\": \"nobody-" + System.nanoTime() + "@example.com\", \"password\": \"nope\"}",
                "X-Forwarded-For", address);
    }

    private HttpResponse<String> register(String name, String address) {
        return http().post("/api/auth/register", "{\"email\": \"" + name + "-" + System.nanoTime() + "@example.com\", \"password\": \""
                + PASSWORD + "\", \"name\": \"" + name + "\"}", "X-Forwarded-For", address);
    }

    private Http signedIn(String name, String address) {
        HttpResponse<String> registered = register(name, address);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String email = Http.json(registered).get("email").asString();
        return http().as(http().login(email, PASSWORD, "X-Forwarded-For", address).get("access_token").asString());
    }

    private static void assertRefused(HttpResponse<String> response, long limit) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        long now = Instant.now().getEpochSecond();
        assertThat(Long.parseLong(from(response, "Retry-After"))).isPositive();
        assertThat(from(response, "X-RateLimit-Limit")).isEqualTo(String.valueOf(limit));
        assertThat(from(response, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(from(response, "X-RateLimit-Reset"))).isGreaterThan(now);
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(body.get("message").asString()).startsWith("Rate limit exceeded. Please try again in ");
        assertThat(body.get("detail").asString()).isEqualTo(body.get("message").asString());
        assertThat(body.get("request_id").asString()).isEqualTo(from(response, "X-Request-ID")).isNotBlank();
    }

    @Test
    void theSixthLoginInAMinuteFromOneAddressIsRefusedWhileAnotherAddressGetsThrough() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> attempt = failedLogin("198.51.100.1");
            assertThat(attempt.statusCode()).as("attempt " + i).isEqualTo(401);
            assertThat(from(attempt, "X-RateLimit-Limit")).isEqualTo("5");
            assertThat(from(attempt, "X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
        }
        HttpResponse<String> sixth = failedLogin("198.51.100.1");
        assertRefused(sixth, 5);
        long now = Instant.now().getEpochSecond();
        assertThat(Long.parseLong(from(sixth, "Retry-After"))).as("5 a minute: one comes back every 12 s").isBetween(1L, 12L);
        assertThat(Long.parseLong(from(sixth, "X-RateLimit-Reset"))).as("full again within the minute").isBetween(now + 1, now + 61);
        assertThat(from(sixth, "X-Process-Time")).isNotNull();

        assertThat(failedLogin("198.51.100.2").statusCode()).as("another address has its own bucket").isEqualTo(401);
        assertThat(redis.hasKey("rate_limit:v2:login:5/1m:/api/auth/login:ip:198.51.100.1"))
                .as("the bucket lives in Redis, shared by every node").isTrue();
    }

    @Test
    void theFourthRegistrationInAMinuteIsRefused() {
        for (int i = 1; i <= 3; i++) {
            assertThat(register("reg" + i, "198.51.100.3").statusCode()).isEqualTo(201);
        }
        assertRefused(register("reg4", "198.51.100.3"), 3);
    }

    @Test
    void pathsOfOneRouteTemplateShareABucket() {
        Http admin = http().as(http().login("root@example.com", "Root-Harbor-7-Lamp", "X-Forwarded-For", "198.51.100.4")
                .get("access_token").asString());
        for (int id = 1; id <= 5; id++) {
            HttpResponse<String> response = admin.get("/api/users/" + id);
            assertThat(response.statusCode()).as("/api/users/" + id).isIn(200, 404);
            assertThat(from(response, "X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - id));
        }
        assertRefused(admin.get("/api/users/6"), 5);
        assertRefused(admin.get("/api/users/1"), 5);
        assertThat(admin.get("/api/users").statusCode()).as("another template, another bucket").isEqualTo(200);
    }

    @Test
    void eachUserHasTheirOwnBucketEvenFromTheSameAddress() {
        Http ann = signedIn("ann", "198.51.100.5");
        Http bob = signedIn("bob", "198.51.100.6");
        for (int i = 1; i <= 5; i++) {
            assertThat(ann.get("/api/auth/me").statusCode()).isEqualTo(200);
        }
        assertRefused(ann.get("/api/auth/me"), 5);

        // both call from 127.0.0.1 now: the bucket is the user's, not the address's
        assertThat(bob.get("/api/auth/me").statusCode()).isEqualTo(200);
        assertThat(ann.get("/api/sessions").statusCode()).as("Ann's other routes are not affected").isEqualTo(200);
    }

    @Test
    void anonymousCallersAreCountedPerAddress() {
        for (int i = 1; i <= 5; i++) {
            assertThat(http().get("/api/version", "X-Forwarded-For", "203.0.113.10").statusCode()).isEqualTo(200);
        }
        assertRefused(http().get("/api/version", "X-Forwarded-For", "203.0.113.10"), 5);
        assertThat(http().get("/api/version", "X-Forwarded-For", "203.0.113.11").statusCode()).isEqualTo(200);
    }

    @Test
    void accountRequestsAreThreeAnHourPerAddress() {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> submitted = submitAccountRequest("198.51.100.7");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        }
        HttpResponse<String> fourth = submitAccountRequest("198.51.100.7");
        assertRefused(fourth, 3);
        assertThat(Long.parseLong(from(fourth, "Retry-After"))).as("3 an hour: one comes back every 20 min").isBetween(1140L, 1200L);

        assertThat(submitAccountRequest("198.51.100.8").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> submitAccountRequest(String address) {
        return http().post("/api/account-requests", "{\"email\": \"applicant-" + System.nanoTime() + "@example.com\", \"name\": \"Applicant\"}",
                "X-Forwarded-For", address);
    }

    @Test
    void healthProbesAndTheWebAppAreNeverLimited() {
        for (int i = 0; i < 12; i++) {
            for (String path : new String[] {"/health", "/api/health", "/api/monitoring/health", "/api/monitoring/health/live",
                    "/api/monitoring/health/ready"}) {
                HttpResponse<String> response = http().get(path, "X-Forwarded-For", "203.0.113.20");
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(from(response, "X-RateLimit-Limit")).as(path).isNull();
            }
            assertThat(from(http().get("/", "X-Forwarded-For", "203.0.113.20"), "X-RateLimit-Limit")).isNull();
        }
    }

    @Test
    void aPublicApiPathWithoutAnEndpointIsCountedToo() {
        for (int i = 1; i <= 5; i++) {
            assertThat(http().get("/api/auth/verify-invite-token/guess-" + i, "X-Forwarded-For", "203.0.113.30").statusCode()).isNotEqualTo(429);
        }
        assertRefused(http().get("/api/auth/verify-invite-token/guess-6", "X-Forwarded-For", "203.0.113.30"), 5);
    }
}
