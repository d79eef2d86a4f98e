package com.timetracker.ops.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Docker Compose file as Compose would run it: YAML, every string interpolated with the given
 * variables ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR:+alt}}, {@code $VAR}, {@code $$}).
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\\{[^{}]*})*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    record Port(String hostIp, int hostPort, int containerPort, String text) {

        boolean published() {
            return hostPort > 0;
        }

        boolean loopbackOnly() {
            return hostIp.equals("127.0.0.1") || hostIp.equals("::1") || hostIp.equals("localhost");
        }
    }

    record Service(String name, String containerName, Map<String, String> environment, List<String> envFiles,
                   List<Port> ports, String healthcheck) {

        /** The DNS names other containers on the compose network reach it by. */
        List<String> networkNames() {
            return containerName == null ? List.of(name) : List.of(containerName, name);
        }

        String label() {
            return containerName == null ? name : name + " (" + containerName + ")";
        }

        Optional<Port> publishing(int containerPort) {
            return ports.stream().filter(p -> p.containerPort() == containerPort && p.published()).findFirst();
        }
    }

    private final Path path;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Map<String, String> variables;

    private ComposeFile(Path path, Map<String, String> variables) {
        this.path = path;
        this.variables = variables;
    }

    static ComposeFile read(Path path, Map<String, String> variables) throws IOException {
        ComposeFile compose = new ComposeFile(path, variables);
        Object root;
        try (Reader reader = Files.newBufferedReader(path)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            compose.problems.add("it has no services: section");
            return compose;
        }
        services.forEach((name, definition) -> {
            if (definition instanceof Map<?, ?> service) {
                compose.services.put(String.valueOf(name), compose.service(String.valueOf(name), service));
            }
        });
        return compose;
    }

    Path path() {
        return path;
    }

    String label() {
        return path.getFileName().toString();
    }

    Map<String, String> variables() {
        return variables;
    }

    Map<String, Service> services() {
        return services;
    }

    /** Interpolation errors (${VAR:?...}) and entries preflight could not read. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The service running the TimeTracker backend. */
    Optional<Service> backend() {
        return role("backend");
    }

    /** The nginx frontend container. */
    Optional<Service> frontend() {
        return role("frontend");
    }

    private Optional<Service> role(String role) {
        Service byName = services.get(role);
        if (byName != null) {
            return Optional.of(byName);
        }
        return services.values().stream()
                .filter(s -> s.containerName() != null && s.containerName().endsWith("-" + role)).findFirst();
    }

    /** The service reached by this name (service name or container name) on the compose network. */
    Optional<Service> reachedAs(String host) {
        return services.values().stream().filter(s -> s.networkNames().contains(host)).findFirst();
    }

    private Service service(String name, Map<?, ?> definition) {
        Object container = definition.get("container_name");
        return new Service(name, container == null ? null : text(container), environment(definition.get("environment")),
                envFiles(definition.get("env_file")), ports(name, definition.get("ports")), healthcheck(definition.get("healthcheck")));
    }

    private Map<String, String> environment(Object value) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? variables.getOrDefault(String.valueOf(k), "") : text(v)));
        } else if (value instanceof List<?> list) {
            for (Object entry : list) {
                String line = text(entry);
                int equals = line.indexOf('=');
                if (equals > 0) {
                    environment.put(line.substring(0, equals), line.substring(equals + 1));
                } else {
                    environment.put(line, variables.getOrDefault(line, ""));
                }
            }
        }
        return environment;
    }

    private List<String> envFiles(Object value) {
        List<String> files = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                files.add(entry instanceof Map<?, ?> map ? text(map.get("path")) : text(entry));
            }
        } else if (value != null) {
            files.add(text(value));
        }
        return files;
    }

    private List<Port> ports(String service, Object value) {
        List<Port> ports = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            return ports;
        }
        for (Object entry : list) {
            try {
                ports.add(entry instanceof Map<?, ?> map ? longPort(map) : shortPort(text(entry)));
            } catch (RuntimeException e) {
                problems.add("service " + service + ": cannot read port '" + entry + "' (" + e.getMessage() + ")");
            }
        }
        return ports;
    }

    private Port longPort(Map<?, ?> map) {
        String published = map.get("published") == null ? "" : text(map.get("published"));
        String ip = map.get("host_ip") == null ? "0.0.0.0" : text(map.get("host_ip"));
        return new Port(ip, published.isEmpty() ? 0 : number(published), number(text(map.get("target"))), map.toString());
    }

    private static Port shortPort(String text) {
        String spec = text.replaceFirst("/(tcp|udp|sctp)$", "");
        String ip = "0.0.0.0";
        if (spec.startsWith("[")) {
            int end = spec.indexOf("]:");
            ip = spec.substring(1, end);
            spec = spec.substring(end + 2);
        }
        String[] parts = spec.split(":", -1);
        return switch (parts.length) {
            case 1 -> new Port(ip, 0, number(parts[0]), text);
            case 2 -> new Port(ip, parts[0].isEmpty() ? 0 : number(parts[0]), number(parts[1]), text);
            case 3 -> new Port(parts[0].isEmpty() ? ip : parts[0], parts[1].isEmpty() ? 0 : number(parts[1]), number(parts[2]), text);
            default -> throw new IllegalArgumentException("not host_ip:host_port:container_port");
        };
    }

    private static int number(String text) {
        if (!text.strip().matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + text + "' is not a single port number");
        }
        return Integer.parseInt(text.strip());
    }

    /** The healthcheck command as one line; null when there is none. */
    private String healthcheck(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.get("test") == null || Boolean.TRUE.equals(map.get("disable"))) {
            return null;
        }
        Object test = map.get("test");
        if (test instanceof List<?> list && !list.isEmpty()) {
            List<String> words = list.stream().map(this::text).toList();
            return switch (words.get(0)) {
                case "NONE" -> null;
                case "CMD" -> String.join(" ", words.subList(1, words.size()));
                case "CMD-SHELL" -> String.join(" ", words.subList(1, words.size()));
                default -> String.join(" ", words);
            };
        }
        return text(test);
    }

    private String text(Object value) {
        return interpolate(String.valueOf(value));
    }

    String interpolate(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String resolve(Matcher m) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String value = variables.get(name);
        String operator = m.group(2);
        if (operator == null) {
            return value == null ? "" : value;
        }
        String argument = m.group(3) == null ? "" : m.group(3);
        boolean emptyCounts = operator.startsWith(":");
        boolean missing = value == null || emptyCounts && value.isEmpty();
        return switch (operator.substring(operator.length() - 1)) {
            case "-" -> missing ? interpolate(argument) : value;
            case "+" -> missing ? "" : interpolate(argument);
            default -> {
                if (missing) {
                    problems.add("required variable " + name + " is " + (value == null ? "not set" : "empty") + ": " + interpolate(argument));
                    yield "";
                }
                yield value;
            }
        };
    }
}
