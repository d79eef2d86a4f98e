package com.timetracker.ops.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of preflight that read files as Compose, Caddy and the disk rule see them. */
class PreflightParsingTest {

    @TempDir
    Path dir;

    @Test
    void composeInterpolatesLikeDockerCompose() throws Exception {
        Path file = dir.resolve("compose.yml");
        Files.writeString(file, """
                services:
                  backend:
                    environment:
                      A: ${SET:-default}
                      B: ${EMPTY:-default}
                      C: ${EMPTY-default}
                      D: ${UNSET:-${SET}-nested}
                      E: $$literal
                      F: ${SET:+alternative}
                      G: ${UNSET:+alternative}
                      H: $SET
                      I: ${EMPTY:?set EMPTY please}
                    ports:
                      - "127.0.0.1:${PORT:-3000}:80"
                      - 8080
                      - target: 5432
                        published: "5433"
                        host_ip: 127.0.0.1
                      - "[::1]:6380:6379/tcp"
                """);

        ComposeFile compose = ComposeFile.read(file, Map.of("SET", "value", "EMPTY", ""));

        assertThat(compose.backend().orElseThrow().environment()).containsExactly(
                Map.entry("A", "value"), Map.entry("B", "default"), Map.entry("C", ""), Map.entry("D", "value-nested"),
                Map.entry("E", "$literal"), Map.entry("F", "alternative"), Map.entry("G", ""), Map.entry("H", "value"), Map.entry("I", ""));
        assertThat(compose.problems()).containsExactly("required variable EMPTY is empty: set EMPTY please");
        assertThat(compose.backend().orElseThrow().ports()).extracting(p -> p.hostIp() + " " + p.hostPort() + " " + p.containerPort())
                .containsExactly("127.0.0.1 3000 80", "0.0.0.0 0 8080", "127.0.0.1 5433 5432", "::1 6380 6379");
    }

    @Test
    void anUnreadablePortIsAProblemNotACrash() throws Exception {
        Path file = dir.resolve("compose.yml");
        Files.writeString(file, "services:\n  frontend:\n    ports:\n      - \"3000-3005:80\"\n");

        assertThat(ComposeFile.read(file, Map.of()).problems()).singleElement().asString()
                .startsWith("service frontend: cannot read port '3000-3005:80'");
    }

    @Test
    void caddyPicksTheMostSpecificHandleAndFollowsNamedMatchers() throws Exception {
        Path file = dir.resolve("Caddyfile");
        Files.writeString(file, """
                {
                	email ops@example.com
                }
                (common) {
                	encode gzip
                }
                app.example.com, www.example.com:443 {
                	import common
                	@api path /api/* /health
                	handle {
                		reverse_proxy 127.0.0.1:3000
                	}
                	handle @api {
                		reverse_proxy http://127.0.0.1:8080 # the backend
                	}
                	handle_path /api/ws/* {
                		reverse_proxy 127.0.0.1:8080
                	}
                }
                """);

        CaddyConfig caddy = CaddyConfig.read(file);

        assertThat(caddy.sites()).singleElement().satisfies(site -> {
            assertThat(site.hostNames()).containsExactly("app.example.com", "www.example.com");
            assertThat(CaddyConfig.route(site, "/").upstreams()).containsExactly("127.0.0.1:3000");
            assertThat(CaddyConfig.route(site, "/api/auth/login").upstreams()).containsExactly("http://127.0.0.1:8080");
            assertThat(CaddyConfig.route(site, "/health").upstreams()).containsExactly("http://127.0.0.1:8080");
            CaddyConfig.Route ws = CaddyConfig.route(site, "/api/ws/ws");
            assertThat(ws.stripsPrefix()).isTrue();
            assertThat(ws.via()).contains("handle_path /api/ws/*");
        });
    }

    @Test
    void nginxPicksExactThenLongestPrefixLocation() throws Exception {
        Path file = dir.resolve("default.conf.template");
        Files.writeString(file, """
                upstream api { server ${BACKEND_HOST}:8080; }
                server {
                    location / { try_files $uri /index.html; }
                    location /api { proxy_pass http://api; }
                    location /api/ws/ { proxy_pass http://api; proxy_set_header Upgrade $http_upgrade; }
                    location = /api/health { return 200 "ok"; } # exact wins
                }
                """);

        NginxConfig nginx = NginxConfig.read(file, Map.of("BACKEND_HOST", "timetracker-backend"));

        assertThat(nginx.upstreamServers("api")).containsExactly("timetracker-backend:8080");
        assertThat(nginx.locationFor("/api/ws/ws").orElseThrow().path()).isEqualTo("/api/ws/");
        assertThat(nginx.locationFor("/api/users").orElseThrow().path()).isEqualTo("/api");
        assertThat(nginx.locationFor("/api/health").orElseThrow().modifier()).isEqualTo("=");
        assertThat(nginx.locationFor("/dashboard").orElseThrow().proxyPass()).isEmpty();
        // variables the environment does not define stay for nginx ($uri, and an unset ${X})
        assertThat(NginxConfig.read(file, Map.of()).upstreamServers("api")).containsExactly("${BACKEND_HOST}:8080");
    }

    @Test
    void diskUnder5GbWarnsAndUnder1GbFails() {
        Checklist list = new Checklist();
        ServiceChecks.diskVerdict(list, "/var/lib/docker", 6 * ServiceChecks.GB);
        ServiceChecks.diskVerdict(list, "/var/lib/docker", 5 * ServiceChecks.GB - 1);
        ServiceChecks.diskVerdict(list, "/var/lib/docker", ServiceChecks.GB);
        ServiceChecks.diskVerdict(list, "/var/lib/docker", ServiceChecks.GB - 1);

        assertThat(list.items()).extracting(Checklist.Item::verdict).containsExactly(
                Checklist.Verdict.PASS, Checklist.Verdict.WARN, Checklist.Verdict.WARN, Checklist.Verdict.FAIL);
        assertThat(list.items().get(3).what()).isEqualTo("1.0 GB free on /var/lib/docker (under 1 GB): PostgreSQL stops accepting writes when the disk fills");
        assertThat(list.items().get(3).fix()).startsWith("Free space: docker system prune");
    }

    @Test
    void envFilesReadLikeCompose() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "# comment\nA=1\nexport B=two words\nC=\"quoted # not a comment\"\nD=value # comment\n#E=unset\nbroken line\n");

        assertThat(EnvFile.read(file)).containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"),
                Map.entry("C", "quoted # not a comment"), Map.entry("D", "value"));
    }
}
