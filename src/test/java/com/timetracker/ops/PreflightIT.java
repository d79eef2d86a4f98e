package com.timetracker.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.timetracker.ops.PreflightFixture.edit;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar target/timetracker.jar preflight ...} as an operator runs it: exit code, checklist, no app started. */
class PreflightIT {

    private static final Path JAR = Path.of(System.getProperty("timetracker.jar", "target/timetracker.jar"));

    @TempDir
    Path dir;

    @Test
    void thePackagedJarChecksADeploymentWithoutStartingTheApp() throws Exception {
        PreflightFixture deployment = new PreflightFixture(dir);

        Run passing = preflight(deployment);

        assertThat(passing.exit).as(passing.output).isZero();
        assertThat(passing.output).startsWith("TimeTracker preflight - env: " + deployment.env)
                .contains("PASS [1] default.conf.template: upstream timetracker-backend:8080 is the backend container of docker-compose.prod.yml")
                .contains("PASS [6] PostgreSQL 15")
                .contains("preflight: 0 FAIL,")
                // no Spring context, no web server, no Flyway/driver DEBUG chatter
                .doesNotContain("Tomcat").doesNotContain("Started TimeTrackerApplication").doesNotContain("DEBUG");
        System.out.printf("preflight from the packaged jar took %d ms%n", passing.millis);

        edit(deployment.prod, "    ports:\n      - \"127.0.0.1:${BACKEND_PORT:-8080}:8080\"\n", "");
        Run failing = preflight(deployment);

        assertThat(failing.exit).as(failing.output).isEqualTo(1);
        assertThat(failing.output).contains("FAIL [5] Caddyfile.example timetracker.example.com: /api/* goes to 127.0.0.1:" + deployment.backendPort
                        + " but no service publishes host port " + deployment.backendPort)
                .contains("          fix: Publish the backend to the host: ports: [\"127.0.0.1:" + deployment.backendPort + ":8080\"]")
                .contains("preflight: 1 FAIL,");
    }

    private Run preflight(PreflightFixture deployment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "preflight", "--env", deployment.env.toString(),
                "--compose", deployment.prod.toString(), deployment.staging.toString(),
                "--nginx", deployment.nginx.toString(), "--caddyfile", deployment.caddyfile.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output, (System.nanoTime() - start) / 1_000_000);
    }

    private record Run(int exit, String output, long millis) {
    }
}
