package com.timetracker.identity.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.timetracker.platform.internal.EmbeddedRedisSwitch;
import com.timetracker.support.Http;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits hold when Redis goes away (each node counts locally, never unlimited) without slowing
 * requests down, and go back to Redis when it returns. Loopback is not a trusted proxy here, so a
 * forged X-Forwarded-For from this test's own address is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "TRUSTED_PROXIES=192.0.2.1",
                "RATE_LIMIT_REQUESTS_PER_MINUTE=3",
                "timetracker.rate-limits.redis-retry-interval=1s"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitOutageTest {

    /** Spring's own Redis command timeout: a request that waited for it would have waited on a dead Redis. */
    static final Duration SPRING_REDIS_TIMEOUT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RateLimitBuckets buckets;

    private Http http() {
        return new Http(port);
    }

    @Test
    @Order(1)
    void forwardedForFromAnUntrustedPeerIsIgnored() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!buckets.shared() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(http().get("/api/version", "X-Forwarded-For", "203.0.113." + i).statusCode()).isEqualTo(200);
        }
        assertThat(http().get("/api/version", "X-Forwarded-For", "203.0.113.99").statusCode())
                .as("a new forged address each time is still 127.0.0.1").isEqualTo(429);
        assertThat(redis.hasKey("rate_limit:v2:default:3/1m:/api/version:ip:127.0.0.1")).isTrue();
    }

    @Test
    @Order(2)
    void withRedisDownLimitsHoldPerNodeWithoutSlowingRequestsAndRedisIsUsedAgainWhenItReturns() throws Exception {
        EmbeddedRedisSwitch.stop(context);
        try {
            Duration slowest = Duration.ZERO;
            int refused = 0;
            for (int i = 1; i <= 12; i++) {
                Instant start = Instant.now();
                HttpResponse<String> response = http().get("/api/monitoring/info");
                Duration took = Duration.between(start, Instant.now());
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
                if (i <= 3) {
                    assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
                } else {
                    assertThat(response.statusCode()).as("request " + i + ": still limited, by this node").isEqualTo(429);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(9);
            assertThat(slowest).as("no request waits for the dead Redis").isLessThan(SPRING_REDIS_TIMEOUT);
        } finally {
            EmbeddedRedisSwitch.start(context);
        }

        String key = "rate_limit:v2:default:3/1m:/api:ip:127.0.0.1";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        boolean shared = false;
        while (!shared && Instant.now().isBefore(deadline)) {
            http().get("/api");
            try {
                shared = Boolean.TRUE.equals(redis.hasKey(key));
            } catch (RuntimeException stillReconnecting) {
                shared = false;
            }
            Thread.sleep(200);
        }
        assertThat(shared).as("buckets are back in Redis once it answers").isTrue();
    }
}
