package com.timetracker.platform.internal;

import java.time.Duration;
import java.time.Instant;

import com.timetracker.support.Http;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis going away degrades the app but never stops it; PostgreSQL going away takes it out of rotation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedRedisServer redis;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    @Order(1)
    void redisDownMeansDegradedAndServingThenHealthyWhenItReturns() throws Exception {
        Http http = new Http(port);
        assertThat(Http.json(http.get("/api/health")).get("status").asString()).isEqualTo("healthy");

        redis.stop();
        var degraded = http.get("/api/health");
        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(Http.json(degraded).get("status").asString()).isEqualTo("degraded");
        assertThat(Http.json(degraded).get("checks").get("redis").asString()).startsWith("unhealthy: ");
        assertThat(Http.json(degraded).get("checks").get("database").asString()).isEqualTo("healthy");
        assertThat(http.get("/api/version").statusCode()).isEqualTo(200);

        redis.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String status;
        do {
            Thread.sleep(200);
            status = Http.json(http.get("/api/health")).get("status").asString();
        } while (!status.equals("healthy") && Instant.now().isBefore(deadline));
        assertThat(status).as("reconnects when Redis returns").isEqualTo("healthy");
    }

    @Test
    @Order(2)
    void databaseDownMeans503SoAProxyStopsRouting() throws Exception {
        Http http = new Http(port);
        postgres.close();

        var health = http.get("/api/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(Http.json(health).get("status").asString()).isEqualTo("unhealthy");
        assertThat(Http.json(health).get("checks").get("database").asString()).startsWith("unhealthy: ");
        var ready = http.get("/api/monitoring/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(Http.json(ready).get("message").asString()).startsWith("Not ready: ");
        // liveness says only that the process is up
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/monitoring/health/live").statusCode()).isEqualTo(200);
    }
}
