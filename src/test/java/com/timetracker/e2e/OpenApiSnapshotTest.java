package com.timetracker.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.timetracker.TimeTrackerApplication;
import com.timetracker.support.Http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's API types are generated from {@code frontend/openapi.json}. This test fails when the
 * running app's contract differs from that snapshot, so a backend change breaks the build instead of a page.
 */
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}", "BCRYPT_ROUNDS=10",
                "FIRST_SUPER_ADMIN_EMAIL=root@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Root-Harbor-7-Lamp"})
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("frontend/openapi.json");
    static final Path CURRENT = Path.of("target/openapi.json");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @LocalServerPort
    int port;

    @Test
    void theContractMatchesTheSnapshotTheWebAppWasGeneratedFrom() throws IOException {
        var response = new Http(port).get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        String current = canonical(Http.json(response));
        Files.createDirectories(CURRENT.getParent());
        Files.writeString(CURRENT, current, StandardCharsets.UTF_8);

        String snapshot = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        assertThat(current)
                .as("The API contract changed: the web app's types are stale. Regenerate them with%n"
                        + "  cp target/openapi.json frontend/openapi.json && (cd frontend && npm run gen:api)%n"
                        + "then fix the compile errors `npm run build` shows, and commit both files.")
                .isEqualTo(snapshot);
    }

    /** Sorted keys, no server address (the port is random), two-space indentation, trailing newline. */
    static String canonical(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        Object tree = JSON.treeToValue(copy, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }
}
