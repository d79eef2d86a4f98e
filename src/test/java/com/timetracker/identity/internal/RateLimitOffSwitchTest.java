package com.timetracker.identity.internal;

import java.net.http.HttpResponse;

import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** RATE_LIMIT_ENABLED=false (for benchmarks) turns limiting off, and says so loudly at startup. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "RATE_LIMIT_ENABLED=false", "RATE_LIMIT_LOGIN=", "RATE_LIMIT_REQUESTS_PER_MINUTE=2"})
class RateLimitOffSwitchTest {

    @LocalServerPort
    int port;

    @Test
    void nothingIsLimitedAndTheStartupLogWarns(CapturedOutput output) {
        for (int i = 1; i <= 8; i++) {
            HttpResponse<String> login = new Http(port).post("/api/auth/login",
                    "{\"email\": \"nobody-" + i + "@example.com\", \"password\": \"nope\"}");
            assertThat(login.statusCode()).as("attempt " + i).isEqualTo(401);
            assertThat(login.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            assertThat(new Http(port).get("/api/version").statusCode()).isEqualTo(200);
        }
        assertThat(output.getAll()).contains("RATE_LIMIT_ENABLED=false: NO request is rate limited");
    }
}
