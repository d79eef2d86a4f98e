package com.timetracker.ops.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's Caddyfile: site addresses and where each site sends a request path ({@code handle},
 * {@code handle_path}, {@code route} and {@code reverse_proxy} with path matchers, named
 * {@code @matcher path ...} included). Enough of Caddy's rules to follow the routes preflight checks.
 */
final class CaddyConfig {

    record Directive(List<String> words, List<Directive> block) {

        String name() {
            return words.isEmpty() ? "" : words.get(0);
        }
    }

    /** Where a path goes: the upstreams of the reverse_proxy that serves it (empty: nothing proxies it). */
    record Route(List<String> upstreams, boolean stripsPrefix, String via) {
    }

    record Site(List<String> addresses, List<Directive> block) {

        /** The host names this site answers to (no ports, no schemes, no wildcard-only addresses). */
        List<String> hostNames() {
            List<String> hosts = new ArrayList<>();
            for (String address : addresses) {
                String host = address.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
                host = host.startsWith("[") ? host : host.replaceFirst(":\\d*$", "");
                if (!host.isEmpty() && !host.equals("*") && !host.startsWith(":")) {
                    hosts.add(host.toLowerCase());
                }
            }
            return hosts;
        }
    }

    private final Path path;
    private final List<Site> sites;

    private CaddyConfig(Path path, List<Site> sites) {
        this.path = path;
        this.sites = sites;
    }

    static CaddyConfig read(Path path) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (String raw : Files.readAllLines(path)) {
            List<String> words = new ArrayList<>();
            for (String word : raw.strip().split("\\s+")) {
                if (word.startsWith("#")) {
                    break;
                }
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                lines.add(words);
            }
        }
        int[] next = {0};
        List<Directive> top = block(lines, next);
        List<Site> sites = new ArrayList<>();
        boolean braced = top.stream().anyMatch(d -> !d.block().isEmpty());
        if (!braced && !top.isEmpty()) {
            // one site without braces: the first line is its address
            sites.add(new Site(addresses(top.get(0).words()), top.subList(1, top.size())));
        }
        for (Directive d : top) {
            if (!d.block().isEmpty() && !d.words().isEmpty() && !d.name().startsWith("(")) {
                sites.add(new Site(addresses(d.words()), d.block()));
            }
        }
        return new CaddyConfig(path, sites);
    }

    String label() {
        return path.getFileName().toString();
    }

    List<Site> sites() {
        return sites;
    }

    /** Where this site sends a request for {@code uri}. */
    static Route route(Site site, String uri) {
        return route(site.block(), uri, matchers(site.block()), "site " + String.join(", ", site.addresses()));
    }

    private static Route route(List<Directive> block, String uri, Map<String, List<String>> matchers, String via) {
        // handle / handle_path blocks are mutually exclusive: the most specific path matcher wins
        Optional<Directive> handle = block.stream()
                .filter(d -> d.name().equals("handle") || d.name().equals("handle_path") || d.name().equals("route"))
                .filter(d -> matches(d, uri, matchers))
                .max(Comparator.comparingInt(d -> specificity(d, matchers)));
        if (handle.isPresent()) {
            Directive d = handle.get();
            String label = via + " > " + String.join(" ", d.words());
            Route inner = route(d.block(), uri, matchers, label);
            boolean strips = d.name().equals("handle_path") || d.block().stream().anyMatch(x -> x.name().equals("uri") && x.words().contains("strip_prefix"));
            if (!inner.upstreams().isEmpty() || strips) {
                return new Route(inner.upstreams(), strips || inner.stripsPrefix(), inner.via());
            }
        }
        for (Directive d : block) {
            if (d.name().equals("reverse_proxy") && matches(d, uri, matchers)) {
                List<String> upstreams = d.words().subList(1, d.words().size()).stream()
                        .filter(w -> !isMatcherToken(w)).toList();
                List<String> inBlock = d.block().stream().filter(x -> x.name().equals("to"))
                        .flatMap(x -> x.words().subList(1, x.words().size()).stream()).toList();
                List<String> all = new ArrayList<>(upstreams);
                all.addAll(inBlock);
                return new Route(all, false, via + " > " + String.join(" ", d.words()));
            }
        }
        return new Route(List.of(), false, via);
    }

    private static boolean isMatcherToken(String word) {
        return word.startsWith("/") || word.startsWith("@") || word.equals("*");
    }

    /** The matcher's path patterns; none = matches everything. */
    private static List<String> patterns(Directive d, Map<String, List<String>> matchers) {
        if (d.words().size() < 2) {
            return List.of();
        }
        String token = d.words().get(1);
        if (token.startsWith("@")) {
            return matchers.getOrDefault(token, List.of("\u0000unknown matcher"));
        }
        return token.startsWith("/") || token.equals("*") ? List.of(token) : List.of();
    }

    private static boolean matches(Directive d, String uri, Map<String, List<String>> matchers) {
        List<String> patterns = patterns(d, matchers);
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> pathMatches(p, uri));
    }

    private static int specificity(Directive d, Map<String, List<String>> matchers) {
        return patterns(d, matchers).stream().mapToInt(String::length).max().orElse(-1);
    }

    static boolean pathMatches(String pattern, String uri) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return uri.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return uri.equals(pattern);
    }

    /** {@code @name path /a/* /b/*} definitions (single-line or block form with a path line). */
    private static Map<String, List<String>> matchers(List<Directive> block) {
        Map<String, List<String>> matchers = new HashMap<>();
        for (Directive d : block) {
            if (d.name().startsWith("@")) {
                List<String> paths = new ArrayList<>();
                if (d.words().size() > 2 && d.words().get(1).equals("path")) {
                    paths.addAll(d.words().subList(2, d.words().size()));
                }
                d.block().stream().filter(x -> x.name().equals("path"))
                        .forEach(x -> paths.addAll(x.words().subList(1, x.words().size())));
                matchers.put(d.name(), paths.isEmpty() ? List.of("\u0000not a path matcher") : paths);
            }
        }
        return matchers;
    }

    private static List<String> addresses(List<String> words) {
        List<String> addresses = new ArrayList<>();
        for (String word : words) {
            for (String part : word.split(",")) {
                if (!part.isBlank()) {
                    addresses.add(part.strip());
                }
            }
        }
        return addresses;
    }

    private static List<Directive> block(List<List<String>> lines, int[] next) {
        List<Directive> directives = new ArrayList<>();
        while (next[0] < lines.size()) {
            List<String> words = lines.get(next[0]++);
            if (words.equals(List.of("}"))) {
                return directives;
            }
            if (words.get(words.size() - 1).equals("{")) {
                List<String> head = words.subList(0, words.size() - 1);
                directives.add(new Directive(List.copyOf(head), block(lines, next)));
            } else {
                directives.add(new Directive(List.copyOf(words), List.of()));
            }
        }
        return directives;
    }
}
