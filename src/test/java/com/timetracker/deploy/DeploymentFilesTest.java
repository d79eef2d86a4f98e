package com.timetracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files in deploy/ agree with each other and keep V1's deployment shape
 * (PRODUCT.md §1.3, §5: V1 failures #2, #3, #5, #6, #7). Compose values are checked as Docker
 * Compose would interpolate them with no .env overrides (each ${VAR:-default} takes its default).
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private static final Map<String, String> V1_CONTAINERS = Map.of(
            "frontend", "timetracker-frontend",
            "backend", "timetracker-backend",
            "db", "timetracker-db",
            "redis", "timetracker-redis");

    @Test
    void productionKeepsV1ContainerNamesAndPorts() throws IOException {
        Map<String, Map<String, Object>> services = services("docker-compose.prod.yml");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(V1_CONTAINERS.keySet());
        V1_CONTAINERS.forEach((service, container) ->
                assertThat(services.get(service).get("container_name")).as(service).isEqualTo(container));

        assertThat(ports(services.get("frontend"))).containsExactly("127.0.0.1:3000:80");
        assertThat(ports(services.get("backend"))).containsExactly("127.0.0.1:8080:8080");
        assertThat(ports(services.get("db"))).containsExactly("127.0.0.1:5432:5432");
        assertThat(ports(services.get("redis"))).isEmpty();
        assertThat(image(services.get("db"))).isEqualTo("postgres:15");
        assertThat(image(services.get("redis"))).isEqualTo("redis:7");
    }

    @Test
    void nothingBinds80Or443AndEverythingIsOnLoopbackOnly() throws IOException {
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            for (var service : services(file).entrySet()) {
                for (String port : ports(service.getValue())) {
                    String[] parts = port.split(":");
                    assertThat(parts).as(file + " " + service.getKey() + " " + port).hasSize(3);
                    // V1 failure #7: the backend is published for the host's Caddy, on loopback only
                    assertThat(parts[0]).as(file + " " + service.getKey() + " " + port).isEqualTo("127.0.0.1");
                    // V1 failure #3: Caddy owns 80/443
                    assertThat(parts[1]).as(file + " " + service.getKey()).isNotIn("80", "443");
                }
            }
        }
    }

    @Test
    void stagingUsesOtherNamesPortsVolumesAndNetworkThanProduction() throws IOException {
        Map<String, Object> prod = compose("docker-compose.prod.yml");
        Map<String, Object> staging = compose("docker-compose.staging.yml");
        Map<String, Map<String, Object>> prodServices = services(prod);
        Map<String, Map<String, Object>> stagingServices = services(staging);
        assertThat(stagingServices.keySet()).isEqualTo(prodServices.keySet());

        Set<String> prodNames = new TreeSet<>();
        Set<String> prodHostPorts = new TreeSet<>();
        prodServices.values().forEach(s -> prodNames.add((String) s.get("container_name")));
        prodServices.values().forEach(s -> ports(s).forEach(p -> prodHostPorts.add(p.split(":")[1])));
        for (var service : stagingServices.entrySet()) {
            String name = (String) service.getValue().get("container_name");
            assertThat(name).as(service.getKey()).startsWith("timetracker-staging-").isNotIn(prodNames);
            for (String port : ports(service.getValue())) {
                assertThat(port.split(":")[1]).as(service.getKey()).isNotIn(prodHostPorts);
            }
        }
        assertThat(ports(stagingServices.get("frontend"))).containsExactly("127.0.0.1:3001:80");
        assertThat(ports(stagingServices.get("backend"))).containsExactly("127.0.0.1:8081:8080");

        assertThat(prod.get("name")).isNotEqualTo(staging.get("name"));
        assertThat(namesOf(staging, "volumes")).doesNotContainAnyElementsOf(namesOf(prod, "volumes")).hasSize(3);
        assertThat(namesOf(staging, "networks")).doesNotContainAnyElementsOf(namesOf(prod, "networks")).hasSize(1);
        assertThat(stagingServices.get("backend").get("env_file")).isNotEqualTo(prodServices.get("backend").get("env_file"));
    }

    @Test
    void startupIsHealthGatedAndDataIsOnNamedVolumes() throws IOException {
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            Map<String, Map<String, Object>> services = services(file);
            assertThat(dependsOn(services.get("backend"))).as(file)
                    .containsEntry("db", "service_healthy").containsEntry("redis", "service_healthy");
            assertThat(dependsOn(services.get("frontend"))).as(file).containsEntry("backend", "service_healthy");
            for (String service : List.of("backend", "db", "redis")) {
                assertThat(services.get(service)).as(file + " " + service).containsKey("healthcheck");
            }
            assertThat(healthcheck(services.get("db"))).as(file).contains("pg_isready");
            assertThat(healthcheck(services.get("redis"))).as(file).contains("redis-cli", "ping");
            assertThat(String.valueOf(services.get("redis").get("command"))).as(file).contains("--appendonly", "yes");
            Set<String> declared = ((Map<String, ?>) compose(file).get("volumes")).keySet();
            assertThat(volumeSources(services.get("db"))).as(file).hasSize(1).allMatch(declared::contains);
            assertThat(volumeSources(services.get("redis"))).as(file).hasSize(1).allMatch(declared::contains);
        }
    }

    @Test
    void backendHealthcheckUsesHealthWhichAnswersOnAnyHost() throws IOException {
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            String check = healthcheck(services(file).get("backend"));
            assertThat(check).as(file).contains("http://127.0.0.1:8080/health").doesNotContain("/api/health");
        }
        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\\\\\n\\s+CMD curl -fsS http://127\\.0\\.0\\.1:8080/health");
    }

    @Test
    void nginxUpstreamComesFromBackendHostWhichComposeSetsToTheBackendContainer() throws IOException {
        String template = read("nginx/default.conf.template");
        Matcher upstream = Pattern.compile("upstream\\s+(\\S+)\\s*\\{\\s*server\\s+(\\S+);").matcher(template);
        assertThat(upstream.find()).as("an upstream block").isTrue();
        assertThat(upstream.group(2)).isEqualTo("${BACKEND_HOST}:8080");
        // every proxy_pass goes to that upstream: no second, hard-coded backend name (V1 failure #5)
        Matcher proxyPass = Pattern.compile("proxy_pass\\s+([^;]+);").matcher(template);
        int count = 0;
        while (proxyPass.find()) {
            assertThat(proxyPass.group(1)).isEqualTo("http://" + upstream.group(1));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(2);
        // the only variable envsubst must fill; nginx's own $vars stay lower-case
        assertThat(variables(template)).containsExactly("BACKEND_HOST");
        assertThat(template).containsPattern("location /api/ws/ \\{[^}]*proxy_set_header Upgrade \\$http_upgrade;[^}]*proxy_set_header Connection \\$connection_upgrade;");
        assertThat(template).contains("location /api {", "try_files $uri $uri/ /index.html;");

        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            Map<String, Map<String, Object>> services = services(file);
            Object backendHost = environment(services.get("frontend")).get("BACKEND_HOST");
            assertThat(backendHost).as(file).isEqualTo(services.get("backend").get("container_name"));
        }

        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).contains("COPY deploy/nginx/default.conf.template /etc/nginx/templates/default.conf.template",
                "ENV BACKEND_HOST=timetracker-backend");
    }

    @Test
    void allowedHostsListsTheBackendContainerAndServiceNames() throws IOException {
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            Map<String, Map<String, Object>> services = services(file);
            List<String> hosts = List.of(String.valueOf(environment(services.get("backend")).get("ALLOWED_HOSTS")).split(","));
            assertThat(hosts).as(file).contains("localhost", "127.0.0.1", "backend",
                    (String) services.get("backend").get("container_name"));
        }
    }

    @Test
    void backendReachesTheComposeDatabaseAndRedisByContainerName() throws IOException {
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            Map<String, Map<String, Object>> services = services(file);
            Map<String, Object> env = environment(services.get("backend"));
            assertThat((String) env.get("DATABASE_URL")).as(file)
                    .startsWith("postgresql://" + services.get("db").get("container_name") + ":5432/");
            assertThat((String) env.get("REDIS_URL")).as(file)
                    .startsWith("redis://" + services.get("redis").get("container_name") + ":6379/");
            // the database is created with the same credentials the backend uses
            Map<String, Object> db = environment(services.get("db"));
            Map<String, Object> raw = rawEnvironment(file, "db");
            Map<String, Object> rawBackend = rawEnvironment(file, "backend");
            assertThat(raw.get("POSTGRES_PASSWORD")).isEqualTo(rawBackend.get("DB_PASSWORD"));
            assertThat(raw.get("POSTGRES_USER")).isEqualTo(rawBackend.get("DB_USER"));
            assertThat((String) env.get("DATABASE_URL")).endsWith("/" + db.get("POSTGRES_DB"));
        }
    }

    @Test
    void caddyRoutesApiAndWebSocketToTheBackendAndTheRestToTheFrontend() throws IOException {
        String caddy = read("Caddyfile.example");
        String active = caddy.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Map<String, String> routes = new LinkedHashMap<>();
        Matcher handle = Pattern.compile("handle(?:\\s+(\\S+))?\\s*\\{\\s*reverse_proxy\\s+(\\S+)\\s*}").matcher(active);
        while (handle.find()) {
            routes.put(handle.group(1) == null ? "*" : handle.group(1), handle.group(2));
        }
        Map<String, Map<String, Object>> prod = services("docker-compose.prod.yml");
        String backend = "127.0.0.1:" + ports(prod.get("backend")).get(0).split(":")[1];
        String frontend = "127.0.0.1:" + ports(prod.get("frontend")).get(0).split(":")[1];
        assertThat(backend).isEqualTo("127.0.0.1:8080");
        assertThat(frontend).isEqualTo("127.0.0.1:3000");
        assertThat(routes).containsExactly(
                Map.entry("/api/ws/*", backend), Map.entry("/api/*", backend), Map.entry("*", frontend));
        assertThat(active).doesNotContainPattern("(?m)^\\s*reverse_proxy\\s+\\S*:(80|443)\\b");
    }

    @Test
    void everyVariableTheComposeFilesUseIsDocumentedInEnvExample() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(read(".env.example"));
        while (line.find()) {
            documented.add(line.group(1));
        }
        Set<String> used = new TreeSet<>();
        used.addAll(variables(read("docker-compose.prod.yml")));
        used.addAll(variables(read("docker-compose.staging.yml")));
        assertThat(used).contains("FRONTEND_PORT", "BACKEND_PORT", "BACKEND_HOST", "DB_PASSWORD", "ALLOWED_HOSTS");
        assertThat(documented).containsAll(used);
        // and the variables a production deployment must set, under V1's names
        assertThat(documented).contains("SECRET_KEY", "ENVIRONMENT", "DB_NAME", "DB_USER", "DB_PASSWORD", "DATABASE_URL",
                "REDIS_URL", "ALLOWED_HOSTS", "ALLOWED_ORIGINS", "PUBLIC_URL", "TRUSTED_PROXIES", "SMTP_SERVER",
                "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "FIRST_SUPER_ADMIN_EMAIL", "FIRST_SUPER_ADMIN_PASSWORD");
        assertThat(read(".env.example")).contains("docs/configuration.md");
    }

    @Test
    void dockerfileBuildsWithoutNpmInMavenAndRunsAsNonRootOnAJre() throws IOException {
        String dockerfile = read("Dockerfile");
        List<String> froms = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(dockerfile);
        while (from.find()) {
            froms.add(from.group(1) + " " + from.group(2));
        }
        assertThat(froms).hasSize(4);
        assertThat(froms.get(0)).startsWith("node:20");
        assertThat(froms.get(1)).startsWith("maven:3.9-eclipse-temurin-17");
        assertThat(froms.get(3)).isEqualTo("eclipse-temurin:17-jre backend"); // last stage = default target
        assertThat(dockerfile).contains("npm ci", "npm run build", "-DskipFrontend=true", "frontend/dist/", "EXPOSE 8080");

        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
        assertThat(user.find()).as("a USER in the runtime stage").isTrue();
        assertThat(user.group(1).split(":")[0]).isNotIn("root", "0");
        assertThat(runtime).containsPattern("(?m)^HEALTHCHECK ");
        assertThat(runtime).containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"-XX:MaxRAMPercentage=75\".*\"-jar\", \"/app/timetracker.jar\"]$");

        // the compose files build the targets that exist
        for (String file : List.of("docker-compose.prod.yml", "docker-compose.staging.yml")) {
            for (String service : List.of("frontend", "backend")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> build = (Map<String, Object>) services(file).get(service).get("build");
                assertThat(build.get("dockerfile")).isEqualTo("deploy/Dockerfile");
                assertThat(build.get("context")).isEqualTo("..");
                assertThat(dockerfile).contains(" AS " + build.get("target") + "\n");
            }
        }
    }

    @Test
    void scriptsAreStrictBash() throws IOException {
        for (String script : List.of("backup.sh", "restore.sh")) {
            String text = read(script);
            assertThat(text).as(script).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail");
            assertThat(Files.isExecutable(DEPLOY.resolve(script))).as(script + " executable").isTrue();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String read(String file) throws IOException {
        return Files.readString(DEPLOY.resolve(file));
    }

    /** The compose file with every ${VAR:-default} / ${VAR:?err} / ${VAR} interpolated as with an empty environment. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose(String file) throws IOException {
        return new Yaml().loadAs(interpolate(read(file)), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawEnvironment(String file, String service) throws IOException {
        Map<String, Object> raw = new Yaml().loadAs(read(file), Map.class);
        return (Map<String, Object>) ((Map<String, Map<String, Object>>) raw.get("services")).get(service).get("environment");
    }

    static String interpolate(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, Map<String, Object>> services(String file) throws IOException {
        return services(compose(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return service.containsKey("ports") ? ((List<Object>) service.get("ports")).stream().map(String::valueOf).toList() : List.of();
    }

    private static String image(Map<String, Object> service) {
        return (String) service.get("image");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> result = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) service.get("depends_on")).forEach((k, v) -> result.put(k, (String) v.get("condition")));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String healthcheck(Map<String, Object> service) {
        Object test = ((Map<String, Object>) service.get("healthcheck")).get("test");
        return test instanceof List<?> list ? String.join(" ", (List<String>) list) : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumeSources(Map<String, Object> service) {
        return ((List<Object>) service.get("volumes")).stream().map(v -> String.valueOf(v).split(":")[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> namesOf(Map<String, Object> compose, String section) {
        Set<String> names = new TreeSet<>();
        ((Map<String, Map<String, Object>>) compose.get(section)).forEach((key, value) ->
                names.add(value != null && value.get("name") != null ? (String) value.get("name") : key));
        return names;
    }
}
