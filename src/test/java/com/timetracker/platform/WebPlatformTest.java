package com.timetracker.platform;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge of the app over real HTTP: hosts, CORS, headers, the error model, body limits, the web app. */
@SpringBootTest(classes = {TimeTrackerApplication.class, WebPlatformTest.Probe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ALLOWED_HOSTS=tracker.example.com,*.corp.example",
                "ALLOWED_ORIGINS=[\"https://tracker.example.com\"]",
                "MAX_REQUEST_SIZE_MB=1",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp",
                "TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}"})
class WebPlatformTest {

    /** Endpoints that exist only in this test, to exercise the error model. */
    @TestConfiguration
    @Import(Probe.Endpoints.class)
    static class Probe {
        record Entry(@NotBlank String description, @NotNull Integer hours, @jakarta.validation.constraints.PositiveOrZero Integer breakMinutes) {
        }

        @RestController
        static class Endpoints {
            @PostMapping("/api/test/entries")
            Entry create(@Valid @RequestBody Entry entry) {
                return entry;
            }

            @GetMapping("/api/test/page")
            int page(@RequestParam int page) {
                return page;
            }

            @GetMapping("/api/test/boom")
            String boom() {
                throw new IllegalStateException("secret internal detail");
            }
        }
    }

    @LocalServerPort
    int port;

    private String token;

    /** Signed in: the probe endpoints, like every API route but the public ones, need a user. */
    private Http http() {
        if (token == null) {
            token = new Http(port).login("root@example.com", "Root-Harbor-7-Lamp").get("access_token").asString();
        }
        return new Http(port).as(token);
    }

    private String rawGet(String path, String host) {
        return http().raw("GET " + path + " HTTP/1.0\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "\r\n");
    }

    @Test
    void healthAnswersOnAnyHostOrNone() {
        assertThat(rawGet("/health", "attacker.example")).startsWith("HTTP/1.1 200").contains("\"status\":\"healthy\"");
        assertThat(rawGet("/health", null)).startsWith("HTTP/1.1 200");
        assertThat(rawGet("/api/health", "10.0.0.7:8080")).startsWith("HTTP/1.1 200");
    }

    @Test
    void anUnknownHostIsRefusedWithTheSettingToChange() {
        String response = rawGet("/api/version", "attacker.example:8080");

        assertThat(response).startsWith("HTTP/1.1 400");
        var body = Http.json(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("error").asString()).isEqualTo("invalid_host");
        assertThat(body.get("message").asString()).contains("attacker.example").contains("ALLOWED_HOSTS");
        assertThat(body.get("request_id").asString()).isNotBlank();
        assertThat(response).contains("X-Content-Type-Options: nosniff").contains("X-Request-ID:");
    }

    @Test
    void configuredAndAlwaysAllowedHostsAreServedWithPortsStripped() {
        for (String host : new String[] {"tracker.example.com:8443", "TRACKER.example.com", "app.corp.example",
                "timetracker-backend:8080", "backend", "localhost:8080", "127.0.0.1", "[::1]:8080"}) {
            assertThat(rawGet("/api/version", host)).as(host).startsWith("HTTP/1.1 200");
        }
        assertThat(rawGet("/api/version", "corp.example.evil")).startsWith("HTTP/1.1 400");
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        var allowed = http().send(http().request("/api/version", "Origin", "https://tracker.example.com",
                "Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tracker.example.com");

        var refused = http().send(http().request("/api/version", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("error").asString()).isEqualTo("cors_rejected");
    }

    @Test
    void everyResponseCarriesSecurityHeadersRequestIdAndTiming() {
        for (HttpResponse<String> response : new HttpResponse[] {
                http().get("/api/version"), http().get("/api/nothing-here"), http().post("/api/test/entries", "{")}) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(response.headers().firstValue("Permissions-Policy")).isPresent();
            assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
            assertThat(response.headers().firstValue("X-Process-Time")).hasValueSatisfying(v -> assertThat(Double.parseDouble(v)).isGreaterThanOrEqualTo(0));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS only in production").isEmpty();
        }
    }

    @Test
    void aSaneRequestIdIsKeptAndAnUnsafeOneReplaced() {
        assertThat(http().get("/api/version", "X-Request-ID", "trace-42").headers().firstValue("X-Request-ID")).hasValue("trace-42");
        assertThat(http().get("/api/version", "X-Request-ID", "<script>").headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void anUnknownApiRouteIsAJson404NeverTheWebApp() {
        var response = http().get("/api/projects/unknown/route");

        assertThat(response.statusCode()).isEqualTo(404);
        var body = Http.json(response);
        assertThat(body.get("error").asString()).isEqualTo("not_found");
        assertThat(body.get("detail").asString()).isEqualTo(body.get("message").asString());
        assertThat(body.get("request_id").asString()).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void deepLinksOfTheWebAppFallBackToIndexHtml() {
        for (String path : new String[] {"/", "/projects/42", "/team/7/settings"}) {
            var response = http().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("<title>TimeTracker");
        }
        assertThat(http().get("/assets/missing-chunk.js").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsA422NotA500() {
        var response = http().post("/api/test/entries", "{\"description\": ");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("validation_error");
        assertThat(Http.json(response).get("detail").get(0).get("type").asString()).isEqualTo("json_invalid");
    }

    @Test
    void aWrongTypeNamesTheField() {
        var response = http().post("/api/test/entries", "{\"description\": \"x\", \"hours\": \"many\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        var detail = Http.json(response).get("detail").get(0);
        assertThat(detail.get("loc").toString()).isEqualTo("[\"body\",\"hours\"]");
        assertThat(Http.json(response).get("message").asString()).contains("hours");
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        var response = http().post("/api/test/entries", "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).get("detail").findValuesAsString("field")).containsExactlyInAnyOrder("description", "hours");
    }

    @Test
    void fieldsAreNamedAsTheJsonSpellsThem() {
        var response = http().post("/api/test/entries", "{\"description\": \"x\", \"hours\": 1, \"break_minutes\": -5}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"break_minutes\"]");
        assertThat(Http.json(response).get("message").asString()).startsWith("break_minutes: ");
    }

    @Test
    void badQueryParametersAre422WithTheParameterName() {
        var wrong = http().get("/api/test/page?page=abc");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Http.json(wrong).get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"page\"]");
        assertThat(http().get("/api/test/page").statusCode()).isEqualTo(422);
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        var response = http().get("/api/test/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException").doesNotContain("at com.");
    }

    @Test
    void aBodyOverTheLimitIs413ByContentLength() {
        String big = "{\"description\": \"" + "x".repeat(1024 * 1024) + "\", \"hours\": 1}";
        var response = http().post("/api/test/entries", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("request_too_large");
        assertThat(Http.json(response).get("detail").get("max_size_bytes").asLong()).isEqualTo(1024 * 1024);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] big = ("{\"description\": \"" + "x".repeat(1024 * 1024) + "\", \"hours\": 1}").getBytes();
        var response = http().send(http().request("/api/test/entries", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("request_too_large");
    }

    @Test
    void wrongMethodIs405InTheSameShape() {
        var response = http().post("/api/version", "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("method_not_allowed");
    }

    @Test
    void apiRootVersionAndProbesAnswer() {
        assertThat(Http.json(http().get("/api")).get("docs").asString()).isEqualTo("/api/docs");
        var version = Http.json(http().get("/api/version"));
        assertThat(version.get("app_name").asString()).isEqualTo("TimeTracker");
        assertThat(version.get("environment").asString()).isEqualTo("development");
        assertThat(Http.json(http().get("/api/monitoring/health/live")).get("status").asString()).isEqualTo("alive");
        assertThat(Http.json(http().get("/api/monitoring/health/ready")).get("status").asString()).isEqualTo("ready");
        assertThat(Http.json(http().get("/api/monitoring/info")).get("name").asString()).isEqualTo("Time Tracker API");
    }

    @Test
    void openApiAndSwaggerUiAreServedUnderApi() {
        var openapi = http().get("/api/openapi.json");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(Http.json(openapi).get("info").get("title").asString()).isEqualTo("TimeTracker API");
        assertThat(Http.json(openapi).get("paths").has("/api/health")).isTrue();
        var docs = http().get("/api/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        var ui = http().get(docs.headers().firstValue("Location").orElseThrow());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
