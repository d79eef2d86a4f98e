package com.timetracker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.timetracker.support.Http;
import com.timetracker.support.TestPostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator runs it, as a separate process (V1 failure #8: an error that only
 * showed once the real artifact ran): embedded mode survives a hard kill, unsafe production
 * settings and refused database credentials stop it with one clear message.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("timetracker.jar", "target/timetracker.jar"));

    @TempDir
    Path temp;

    @Test
    void embeddedModeStartsServesTheWebAppAndSurvivesAHardKill() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        Running first = start(Map.of("TIMETRACKER_DATA_DIR", data.toString(), "SERVER_PORT", String.valueOf(port)));
        first.awaitHealthy(port);
        Http http = new Http(port);
        assertThat(http.get("/").body()).contains("<title>TimeTracker</title>");
        first.awaitOutput("First super admin created"); // startup runners finish just after the port opens
        assertThat(first.output()).contains("EMBEDDED MODE");

        first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: its PostgreSQL and Redis stay behind

        Running second = start(Map.of("TIMETRACKER_DATA_DIR", data.toString(), "SERVER_PORT", String.valueOf(port)));
        second.awaitHealthy(port);
        assertThat(second.output()).contains("left running by a previous run").doesNotContain("First super admin created");

        second.process.destroy(); // SIGTERM: a clean stop takes its servers with it
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false)))
                .as("no server left running on the data directory").isEmpty();
    }

    @Test
    void productionWithoutASecretKeyRefusesToStartNamingTheVariable() throws Exception {
        Running app = start(Map.of("ENVIRONMENT", "production", "DATABASE_URL", "postgresql://tt:pw@127.0.0.1:1/tt",
                "SERVER_PORT", String.valueOf(freePort())));

        assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process.exitValue()).isNotZero();
        assertThat(app.output()).contains("APPLICATION FAILED TO START").contains("SECRET_KEY is not set")
                .contains("Set SECRET_KEY").doesNotContain("\tat ");
    }

    @Test
    void refusedDatabaseCredentialsStopTheAppWithTheCauseAndTheFix() throws Exception {
        try (EmbeddedPostgres postgres = passwordProtectedPostgres()) {
            Map<String, String> base = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(postgres.getPort()),
                    "DB_NAME", "timetracker", "DB_USER", "timetracker");
            Map<String, String> wrong = new java.util.HashMap<>(base);
            wrong.put("DB_PASSWORD", "not-the-password");
            wrong.put("SERVER_PORT", String.valueOf(freePort()));
            Running refused = start(wrong);

            assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.process.exitValue()).isNotZero();
            assertThat(refused.output())
                    .contains("PostgreSQL refused the credentials of user 'timetracker' at postgresql://127.0.0.1:" + postgres.getPort() + "/timetracker")
                    .contains("keeps the user and password it was first created with")
                    .contains("back up the database, recreate the volume")
                    .doesNotContain("\tat ");

            // External mode with the right credentials: healthy database, and no Redis configured -> degraded, still serving.
            Map<String, String> right = new java.util.HashMap<>(base);
            right.put("DB_PASSWORD", "Right-Passw0rd");
            right.put("REDIS_HOST", "127.0.0.1");
            right.put("REDIS_PORT", String.valueOf(freePort()));
            int port = freePort();
            right.put("SERVER_PORT", String.valueOf(port));
            Running app = start(right);
            app.awaitHealthy(port);
            var health = Http.json(new Http(port).get("/api/health"));
            assertThat(health.get("status").asString()).isEqualTo("degraded");
            assertThat(health.get("checks").get("database").asString()).isEqualTo("healthy");
            app.process.destroy();
            app.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private EmbeddedPostgres passwordProtectedPostgres() throws Exception {
        return TestPostgres.passwordProtected(temp.resolve("pg"));
    }

    private Running start(Map<String, String> env) throws IOException {
        Path log = Files.createTempFile(temp, "app", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("REDIS_")
                || name.equals("DATABASE_URL") || name.equals("ENVIRONMENT") || name.equals("SECRET_KEY"));
        builder.environment().putIfAbsent("TIMETRACKER_DATA_DIR", temp.resolve("data-" + log.getFileName()).toString());
        builder.environment().putAll(env);
        return new Running(builder.start(), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Running(Process process, Path log) {

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        void awaitOutput(String text) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!output().contains(text)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No '" + text + "' in the output within 30 s:\n" + output());
                }
                Thread.sleep(100);
            }
        }

        void awaitHealthy(int port) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("The app exited with " + process.exitValue() + ":\n" + output());
                }
                try {
                    if (new Http(port).get("/api/health").statusCode() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new AssertionError("Not healthy within 90 s:\n" + output());
        }
    }
}
