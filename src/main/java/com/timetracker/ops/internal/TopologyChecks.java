package com.timetracker.ops.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.timetracker.ops.internal.ComposeFile.Port;
import com.timetracker.ops.internal.ComposeFile.Service;
import com.timetracker.platform.HostAllowList;
import com.timetracker.platform.SettingList;

/**
 * Checks 1-5 and 9: names and upstreams agree, ALLOWED_HOSTS, healthchecks against the host
 * allow-list, ports, the backend published for the host proxy, the SPA's routes through the proxies.
 */
final class TopologyChecks {

    /** The SPA calls the API same-origin under this prefix (frontend/src: fetch('/api/...')). */
    static final String SPA_API_PATH = "/api/auth/login";
    /** The SPA's WebSocket (realtime module). */
    static final String SPA_WEBSOCKET_PATH = "/api/ws/ws";
    static final int BACKEND_CONTAINER_PORT = 8080;

    private static final Pattern URL = Pattern.compile("https?://(\\[[^]]+]|[^/\\s\"':]+)(?::(\\d+))?(/[^\\s\"'?]*)?");
    private static final Pattern HOST_HEADER = Pattern.compile("(?i)(?:-H|--header)\\s*['\"]?Host:\\s*([^'\"\\s]+)");

    private final PreflightInputs in;
    private final Checklist list;

    TopologyChecks(PreflightInputs in, Checklist list) {
        this.in = in;
        this.list = list;
    }

    void run() {
        namesAgree();
        allowedHosts();
        healthchecks();
        ports();
        hostProxy();
        spaRoutes();
    }

    // ---- 1 ---------------------------------------------------------------------------------

    private void namesAgree() {
        if (in.composes.isEmpty()) {
            list.warn(1, "no --compose file: container names, nginx and Caddy upstreams not cross-checked", "Pass the deployment's compose file: --compose deploy/docker-compose.prod.yml");
            return;
        }
        Map<String, String> owners = new LinkedHashMap<>();
        for (ComposeFile compose : in.composes) {
            for (Service service : compose.services().values()) {
                if (service.containerName() == null) {
                    continue;
                }
                String other = owners.putIfAbsent(service.containerName(), compose.label() + " " + service.name());
                if (other != null) {
                    list.fail(1, "container name " + service.containerName() + " is used by " + other + " and " + compose.label() + " " + service.name() + ": starting one replaces the other",
                            "Give each deployment its own container names (staging: timetracker-staging-*).");
                }
            }
        }
        for (ComposeFile compose : in.composes) {
            if (compose.backend().isEmpty()) {
                list.fail(1, compose.label() + " has no backend service (a service 'backend' or a container named *-backend)", "Name the TimeTracker service 'backend', as in deploy/docker-compose.prod.yml.");
            }
        }
        if (in.nginx == null) {
            list.warn(1, "no --nginx file: the frontend's upstream not checked", "Pass the frontend's nginx config: --nginx deploy/nginx/default.conf.template");
            return;
        }
        for (ComposeFile compose : in.composes) {
            if (compose.frontend().isPresent()) {
                try {
                    upstreamIsTheBackend(compose, in.nginxFor(compose));
                } catch (java.io.IOException e) {
                    return; // reported when the inputs were read
                }
            }
        }
    }

    private void upstreamIsTheBackend(ComposeFile compose, NginxConfig nginx) {
        Optional<Service> backend = compose.backend();
        Optional<String> proxyPass = nginx.locationFor(SPA_API_PATH).flatMap(NginxConfig.Location::proxyPass);
        if (backend.isEmpty() || proxyPass.isEmpty()) {
            return; // reported above / by check 9
        }
        for (String server : upstreamServers(nginx, proxyPass.get())) {
            String host = server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
            String port = server.contains(":") ? server.substring(server.lastIndexOf(':') + 1) : "80";
            String names = String.join(" or ", backend.get().networkNames());
            if (host.contains("$")) {
                list.fail(1, nginx.label() + ": the upstream " + server + " needs " + host + ", which the frontend service of " + compose.label() + " does not set",
                        "Set it in the frontend's environment in " + compose.label() + ".");
            } else if (!backend.get().networkNames().contains(host)) {
                list.fail(1, nginx.label() + ": the upstream host '" + host + "' is not the backend of " + compose.label() + " (" + names + "): nginx cannot reach the API (V1 failure #5)",
                        "Make the upstream ${BACKEND_HOST}:" + BACKEND_CONTAINER_PORT + " and set BACKEND_HOST: " + backend.get().networkNames().get(0) + " for the frontend in " + compose.label() + ".");
            } else if (!port.equals(String.valueOf(backendPort(compose)))) {
                list.fail(1, nginx.label() + ": the upstream " + server + " uses port " + port + " but the backend listens on " + backendPort(compose),
                        "Use " + host + ":" + backendPort(compose) + " as the upstream.");
            } else {
                list.pass(1, nginx.label() + ": upstream " + server + " is the backend container of " + compose.label());
            }
        }
    }

    private static List<String> upstreamServers(NginxConfig nginx, String proxyPass) {
        String target = proxyPass.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        List<String> servers = nginx.upstreamServers(target);
        return servers.isEmpty() ? List.of(target) : servers;
    }

    private int backendPort(ComposeFile compose) {
        String port = in.backendEnvironment(compose).get("SERVER_PORT");
        return port != null && port.strip().matches("\\d+") ? Integer.parseInt(port.strip()) : BACKEND_CONTAINER_PORT;
    }

    // ---- 2 ---------------------------------------------------------------------------------

    private void allowedHosts() {
        if (in.composes.isEmpty()) {
            allowedHosts(null, in.env, publicHosts(null));
            return;
        }
        for (ComposeFile compose : in.composes) {
            allowedHosts(compose, in.backendEnvironment(compose), publicHosts(compose));
        }
    }

    private void allowedHosts(ComposeFile compose, Map<String, String> environment, Set<String> publicHosts) {
        String where = compose == null ? in.envLabel : compose.label();
        String value = environment.getOrDefault("ALLOWED_HOSTS", "");
        List<String> items = SettingList.parse(value);
        if (items.stream().anyMatch(item -> item.contains("[") || item.contains("]") || item.contains("\""))) {
            list.fail(2, where + ": ALLOWED_HOSTS is not a clean list (" + value + "): a JSON list in .env breaks when the compose file appends names to it",
                    "Write ALLOWED_HOSTS comma-separated, e.g. ALLOWED_HOSTS=timetracker.example.com");
        }
        HostAllowList allowList = HostAllowList.parse(value);
        Set<String> required = new LinkedHashSet<>(publicHosts);
        required.add("localhost");
        required.add("127.0.0.1");
        if (compose != null) {
            compose.backend().ifPresent(backend -> required.addAll(backend.networkNames()));
        }
        List<String> missing = required.stream().filter(host -> !allowList.isAllowed(host)).toList();
        if (missing.isEmpty()) {
            list.pass(2, where + ": ALLOWED_HOSTS allows " + String.join(", ", required));
        } else {
            list.fail(2, where + ": ALLOWED_HOSTS does not allow " + String.join(", ", missing) + ": requests with that Host get 400 (V1 failure #6)",
                    "Add " + String.join(",", missing) + " to ALLOWED_HOSTS (comma-separated) in " + (compose == null ? in.envLabel : "the backend's environment in " + compose.label() + " or its env file") + ".");
        }
        if (publicHosts.isEmpty() && compose == in.deployment()) {
            list.warn(2, where + ": no public domain known (no Caddy site routes to this deployment, no PUBLIC_URL)", "Pass the host's Caddyfile with --caddyfile and set PUBLIC_URL, so preflight can check the domain is in ALLOWED_HOSTS.");
        }
    }

    /** The public names this deployment is reached by: Caddy sites routing to it, and PUBLIC_URL's host. */
    private Set<String> publicHosts(ComposeFile compose) {
        Set<String> hosts = new LinkedHashSet<>();
        if (in.caddy != null) {
            for (CaddyConfig.Site site : in.caddy.sites()) {
                if (compose == null || routesTo(site, compose)) {
                    hosts.addAll(site.hostNames());
                }
            }
        }
        if (compose == null || compose == in.deployment()) {
            String publicUrl = in.env.get("PUBLIC_URL");
            if (publicUrl != null && !publicUrl.isBlank()) {
                try {
                    String host = URI.create(publicUrl.strip()).getHost();
                    if (host != null) {
                        hosts.add(host.toLowerCase());
                    }
                } catch (IllegalArgumentException e) {
                    list.warn(2, "PUBLIC_URL is not a URL: " + publicUrl, "Set PUBLIC_URL to the address people open, e.g. https://timetracker.example.com");
                }
            }
        }
        return hosts;
    }

    private boolean routesTo(CaddyConfig.Site site, ComposeFile compose) {
        for (String path : List.of(SPA_API_PATH, "/")) {
            for (String upstream : CaddyConfig.route(site, path).upstreams()) {
                Optional<Integer> port = upstreamPort(upstream);
                if (port.isPresent() && compose.services().values().stream().anyMatch(s -> s.ports().stream().anyMatch(p -> p.hostPort() == port.get()))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- 3 ---------------------------------------------------------------------------------

    private void healthchecks() {
        for (ComposeFile compose : in.composes) {
            Optional<Service> backend = compose.backend();
            if (backend.isEmpty()) {
                continue;
            }
            String check = backend.get().healthcheck();
            String label = compose.label() + " " + backend.get().name();
            if (check == null) {
                list.warn(3, label + " has no healthcheck: nothing waits for it to be ready", "Add healthcheck: test: [\"CMD\", \"curl\", \"-fsS\", \"http://127.0.0.1:8080/health\"]");
                continue;
            }
            Matcher url = URL.matcher(check);
            if (!url.find()) {
                list.warn(3, label + " healthcheck does not call the app over HTTP: " + check, "Use curl -fsS http://127.0.0.1:8080/health");
                continue;
            }
            String host = url.group(1).replaceAll("[\\[\\]]", "");
            int port = url.group(2) == null ? 80 : Integer.parseInt(url.group(2));
            String path = url.group(3) == null ? "/" : url.group(3);
            Matcher header = HOST_HEADER.matcher(check);
            String hostHeader = header.find() ? header.group(1) : host;
            boolean loopback = Set.of("127.0.0.1", "localhost", "::1").contains(host);
            HostAllowList allowList = HostAllowList.parse(in.backendEnvironment(compose).getOrDefault("ALLOWED_HOSTS", ""));
            if (port != backendPort(compose)) {
                list.fail(3, label + " healthcheck calls port " + port + " but the backend listens on " + backendPort(compose) + ": it never turns healthy",
                        "Call http://127.0.0.1:" + backendPort(compose) + "/health");
            } else if (!allowList.admits(hostHeader, path, loopback)) {
                list.fail(3, label + " healthcheck " + check + " gets 400 from the host allow-list: Host '" + HostAllowList.hostWithoutPort(hostHeader)
                                + "' is not in ALLOWED_HOSTS and " + path + " is not a probe that answers on any Host (V1 failure #2)",
                        "Call http://127.0.0.1:" + port + "/health (answers on any Host), or add " + HostAllowList.hostWithoutPort(hostHeader) + " to ALLOWED_HOSTS.");
            } else if (check.contains("curl") && !check.matches(".*(\\s-[a-zA-Z]*f[a-zA-Z]*|\\s--fail)(\\s.*|$)")) {
                list.warn(3, label + " healthcheck runs curl without -f: an error page still counts as healthy", "Use curl -fsS " + url.group());
            } else {
                list.pass(3, label + " healthcheck " + path + " passes the host allow-list (Host '" + HostAllowList.hostWithoutPort(hostHeader) + "')");
            }
        }
    }

    // ---- 4 ---------------------------------------------------------------------------------

    private void ports() {
        Map<Integer, List<String>> publishers = new LinkedHashMap<>();
        for (ComposeFile compose : in.composes) {
            for (Service service : compose.services().values()) {
                for (Port port : service.ports()) {
                    if (!port.published()) {
                        continue;
                    }
                    String label = compose.label() + " " + service.name() + " \"" + port.text() + "\"";
                    publishers.computeIfAbsent(port.hostPort(), p -> new ArrayList<>()).add(label);
                    if (port.hostPort() == 80 || port.hostPort() == 443) {
                        list.fail(4, label + " binds host port " + port.hostPort() + ", which the host's Caddy owns (V1 failure #3)",
                                "Publish on another loopback port, e.g. \"127.0.0.1:" + (service == compose.frontend().orElse(null) ? 3000 : 8080) + ":" + port.containerPort()
                                        + "\" (FRONTEND_PORT / BACKEND_PORT in the env file), and let Caddy route to it.");
                    } else if (!port.loopbackOnly()) {
                        list.warn(4, label + " is published on all interfaces: reachable from outside, past Caddy",
                                "Publish on loopback only: \"127.0.0.1:" + port.hostPort() + ":" + port.containerPort() + "\"");
                    }
                }
            }
        }
        publishers.forEach((port, users) -> {
            if (users.size() > 1) {
                list.fail(4, "host port " + port + " is published by " + String.join(" and ", users) + ": the second to start fails",
                        "Give each its own port: staging uses 3001/8081/5433 (leave FRONTEND_PORT, BACKEND_PORT, DB_PUBLISH_PORT unset in .env.staging).");
            }
        });
        ComposeFile deployment = in.deployment();
        if (deployment == null) {
            return;
        }
        for (Service service : deployment.services().values()) {
            for (Port port : service.ports()) {
                if (port.published() && port.hostPort() != 80 && port.hostPort() != 443) {
                    livePort(deployment, service, port);
                }
            }
        }
    }

    private void livePort(ComposeFile compose, Service service, Port port) {
        String host = port.hostIp().equals("0.0.0.0") || port.hostIp().equals("::") ? "127.0.0.1" : port.hostIp();
        String label = "host port " + port.hostPort() + " (" + compose.label() + " " + service.name() + ")";
        if (!PortProbe.listening(host, port.hostPort())) {
            list.pass(4, label + " is free");
            return;
        }
        Optional<String> expected = expectedService(compose, service, host, port.hostPort());
        if (expected.isPresent()) {
            list.pass(4, label + " is in use by " + expected.get() + ": this deployment running now (an update replaces it)");
        } else {
            String owner = PortProbe.owner(port.hostPort()).orElse("a program preflight cannot identify");
            list.fail(4, label + " is already in use by " + owner + ", which is not " + service.label() + ": the container cannot start (V1 failures #3, #7)",
                    "Stop that program, or publish " + service.name() + " on a free port (FRONTEND_PORT / BACKEND_PORT / DB_PUBLISH_PORT in " + in.envLabel + ") and route Caddy to it.");
        }
    }

    private static Optional<String> expectedService(ComposeFile compose, Service service, String host, int port) {
        if (compose.backend().orElse(null) == service) {
            return PortProbe.httpGet(host, port, "/health").filter(r -> r.statusCode() == 200 && r.body().contains("status"))
                    .map(r -> "a backend answering /health");
        }
        if (compose.frontend().orElse(null) == service) {
            return PortProbe.httpGet(host, port, "/nginx-health").filter(r -> r.statusCode() == 200).map(r -> "the frontend's nginx (answers /nginx-health)")
                    .or(() -> PortProbe.httpGet(host, port, "/health").filter(r -> r.statusCode() == 200).map(r -> "a frontend answering /health (V1's frontend answers so too)"));
        }
        String name = service.name().toLowerCase();
        if (name.contains("db") || name.contains("postgres")) {
            return PortProbe.speaksPostgres(host, port) ? Optional.of("PostgreSQL") : Optional.empty();
        }
        if (name.contains("redis")) {
            return PortProbe.redisPing(host, port, null).filter(r -> r.startsWith("+PONG") || r.startsWith("-NOAUTH")).map(r -> "Redis");
        }
        return Optional.empty();
    }

    // ---- 5 ---------------------------------------------------------------------------------

    private void hostProxy() {
        if (in.caddy == null) {
            list.warn(5, "no --caddyfile: the host proxy's routes not checked", "Pass the host's Caddyfile: --caddyfile /etc/caddy/Caddyfile");
            return;
        }
        if (in.caddy.sites().isEmpty()) {
            list.fail(5, in.caddy.label() + " has no site block", "Add a site block for your domain, as in deploy/Caddyfile.example.");
            return;
        }
        for (CaddyConfig.Site site : in.caddy.sites()) {
            for (String path : List.of(SPA_API_PATH, "/")) {
                CaddyConfig.Route route = CaddyConfig.route(site, path);
                String label = in.caddy.label() + " " + String.join(", ", site.addresses()) + ": " + (path.equals("/") ? "the web app (/)" : "/api/*");
                if (route.upstreams().isEmpty()) {
                    list.fail(path.equals("/") ? 5 : 9, label + " is not proxied anywhere", "Add reverse_proxy for it, as in deploy/Caddyfile.example.");
                    continue;
                }
                for (String upstream : route.upstreams()) {
                    upstream(label, upstream, path.equals("/"));
                }
            }
        }
    }

    private void upstream(String label, String upstream, boolean webApp) {
        String host = upstream.replaceFirst("^[a-z]+://", "").replaceFirst(":\\d+$", "").replaceAll("[\\[\\]]", "");
        Optional<Integer> port = upstreamPort(upstream);
        if (!Set.of("127.0.0.1", "localhost", "::1").contains(host)) {
            list.fail(5, label + " goes to " + upstream + ": Caddy on the host cannot resolve container names or reach unpublished ports",
                    "Use reverse_proxy 127.0.0.1:<published port> (" + (webApp ? "FRONTEND_PORT, 3000" : "BACKEND_PORT, 8080") + ").");
            return;
        }
        if (in.composes.isEmpty()) {
            list.warn(5, label + " goes to " + upstream + "; no --compose file, so not checked that anything publishes it", "Pass the compose file with --compose.");
            return;
        }
        for (ComposeFile compose : in.composes) {
            for (Service service : compose.services().values()) {
                for (Port published : service.ports()) {
                    if (port.isPresent() && published.hostPort() == port.get()) {
                        boolean app = compose.backend().orElse(null) == service || compose.frontend().orElse(null) == service;
                        if (app) {
                            list.pass(5, label + " goes to " + upstream + ", published by " + compose.label() + " " + service.label());
                        } else {
                            list.fail(5, label + " goes to " + upstream + ", which is " + compose.label() + " " + service.label() + ", not the app",
                                    "Route it to the backend's (" + (webApp ? "or frontend's " : "") + "published port.");
                        }
                        return;
                    }
                }
            }
        }
        String backendPublish = in.deployment().backend().map(b -> "\"127.0.0.1:" + port.orElse(8080) + ":" + BACKEND_CONTAINER_PORT + "\"").orElse("");
        list.fail(5, label + " goes to " + upstream + " but no service publishes host port " + port.map(String::valueOf).orElse("?") + ": Caddy gets connection refused (V1 failure #7)",
                webApp ? "Publish the frontend: ports: [\"127.0.0.1:" + port.orElse(3000) + ":80\"] (FRONTEND_PORT), or point Caddy at the port it publishes."
                        : "Publish the backend to the host: ports: [" + backendPublish + "] (BACKEND_PORT), or point Caddy at the port it publishes.");
    }

    private static Optional<Integer> upstreamPort(String upstream) {
        Matcher m = Pattern.compile(":(\\d+)$").matcher(upstream);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        return Optional.of(upstream.startsWith("https://") ? 443 : 80);
    }

    // ---- 9 ---------------------------------------------------------------------------------

    private void spaRoutes() {
        list.pass(9, "the web app calls the API same-origin at /api/... and its WebSocket at " + SPA_WEBSOCKET_PATH + " (no build-time API URL)");
        if (in.nginx != null) {
            nginxRoute(SPA_API_PATH, false);
            nginxRoute(SPA_WEBSOCKET_PATH, true);
        }
        if (in.caddy != null) {
            for (CaddyConfig.Site site : in.caddy.sites()) {
                for (String path : List.of(SPA_API_PATH, SPA_WEBSOCKET_PATH)) {
                    CaddyConfig.Route route = CaddyConfig.route(site, path);
                    String label = in.caddy.label() + " " + String.join(", ", site.addresses()) + ": " + path;
                    if (route.stripsPrefix()) {
                        list.fail(9, label + " is routed by " + route.via() + ", which strips the path prefix: the backend gets the wrong path and answers 404",
                                "Use handle " + (path.equals(SPA_WEBSOCKET_PATH) ? "/api/ws/*" : "/api/*") + " (not handle_path) and reverse_proxy 127.0.0.1:8080.");
                    } else if (!route.upstreams().isEmpty()) {
                        list.pass(9, label + " is proxied to " + String.join(", ", route.upstreams()) + " (" + route.via() + ")");
                    } else if (path.equals(SPA_WEBSOCKET_PATH)) {
                        list.fail(9, label + " is not proxied: the web app's live updates fail", "Add handle /api/ws/* { reverse_proxy 127.0.0.1:8080 }");
                    }
                }
            }
        }
    }

    private void nginxRoute(String path, boolean websocket) {
        Optional<NginxConfig.Location> location = in.nginx.locationFor(path);
        String label = in.nginx.label() + ": " + path;
        Optional<String> proxyPass = location.flatMap(NginxConfig.Location::proxyPass);
        if (proxyPass.isEmpty()) {
            list.fail(9, label + " is answered by " + location.map(l -> "location " + l.path()).orElse("no location") + " without proxy_pass: the web app gets index.html instead of the API",
                    "Add location " + (websocket ? "/api/ws/" : "/api") + " { proxy_pass http://timetracker_backend; ... } as in deploy/nginx/default.conf.template.");
            return;
        }
        String uriPart = proxyPass.get().replaceFirst("^https?://[^/]+", "");
        if (!uriPart.isEmpty() && !uriPart.equals(location.get().path())) {
            list.fail(9, label + " goes to proxy_pass " + proxyPass.get() + ", which replaces the prefix " + location.get().path() + " with " + uriPart + ": the backend gets the wrong path",
                    "Write proxy_pass without a path: proxy_pass " + proxyPass.get().replaceFirst("(^https?://[^/]+).*", "$1") + ";");
            return;
        }
        if (websocket) {
            NginxConfig.Location l = location.get();
            boolean upgrade = l.setsHeader("Upgrade", "$http_upgrade") && l.setsHeader("Connection", "upgrade")
                    && l.directive().first("proxy_http_version").map(d -> d.args().equals(List.of("1.1"))).orElse(false);
            if (!upgrade) {
                list.fail(9, label + " goes through location " + l.path() + " without the WebSocket upgrade: the live connection fails",
                        "In location /api/ws/: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;");
                return;
            }
        }
        list.pass(9, label + " is proxied by location " + location.get().path() + " to " + proxyPass.get() + (websocket ? " with the WebSocket upgrade" : ""));
    }
}
