package com.timetracker.ops.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frontend container's nginx configuration (or its envsubst template, rendered with the
 * frontend's environment as the nginx image does at start): upstreams and prefix locations.
 */
final class NginxConfig {

    record Directive(String name, List<String> args, List<Directive> block) {

        Optional<Directive> first(String directive) {
            return block.stream().filter(d -> d.name.equals(directive)).findFirst();
        }

        List<Directive> all(String directive) {
            return block.stream().filter(d -> d.name.equals(directive)).toList();
        }
    }

    /** A {@code location} block: exact ({@code =}) or prefix; regex locations are kept but never chosen. */
    record Location(String modifier, String path, Directive directive) {

        boolean matches(String uri) {
            return switch (modifier) {
                case "=" -> uri.equals(path);
                case "", "^~" -> uri.startsWith(path);
                default -> false;
            };
        }

        Optional<String> proxyPass() {
            return directive.first("proxy_pass").filter(d -> !d.args().isEmpty()).map(d -> d.args().get(0));
        }

        boolean setsHeader(String header, String valueFragment) {
            return directive.all("proxy_set_header").stream().anyMatch(d -> d.args().size() >= 2
                    && d.args().get(0).equalsIgnoreCase(header) && d.args().get(1).toLowerCase().contains(valueFragment));
        }
    }

    private static final Pattern ENVSUBST = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Z_][A-Z0-9_]*)");

    private final Path path;
    private final List<Directive> root;

    private NginxConfig(Path path, List<Directive> root) {
        this.path = path;
        this.root = root;
    }

    /** Reads the file, substituting the variables that exist in {@code environment} (envsubst as the nginx image runs it). */
    static NginxConfig read(Path path, Map<String, String> environment) throws IOException {
        String text = Files.readString(path);
        Matcher m = ENVSUBST.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(rendered, Matcher.quoteReplacement(environment.containsKey(name) ? environment.get(name) : m.group()));
        }
        m.appendTail(rendered);
        return new NginxConfig(path, new Parser(rendered.toString()).block());
    }

    String label() {
        return path.getFileName().toString();
    }

    /** {@code server} entries of the upstream block with this name. */
    List<String> upstreamServers(String name) {
        return walk(root).stream().filter(d -> d.name().equals("upstream") && d.args().equals(List.of(name)))
                .flatMap(d -> d.all("server").stream()).filter(d -> !d.args().isEmpty()).map(d -> d.args().get(0)).toList();
    }

    List<Location> locations() {
        return walk(root).stream().filter(d -> d.name().equals("location") && !d.args().isEmpty()).map(d -> {
            List<String> args = d.args();
            return args.size() >= 2 ? new Location(args.get(0), args.get(1), d) : new Location("", args.get(0), d);
        }).toList();
    }

    /** The location nginx picks for a URI (exact match first, then the longest prefix). */
    Optional<Location> locationFor(String uri) {
        List<Location> all = locations();
        return all.stream().filter(l -> l.modifier().equals("=") && l.matches(uri)).findFirst()
                .or(() -> all.stream().filter(l -> !l.modifier().equals("=") && l.matches(uri))
                        .max(Comparator.comparingInt(l -> l.path().length())));
    }

    private static List<Directive> walk(List<Directive> block) {
        List<Directive> all = new ArrayList<>();
        for (Directive d : block) {
            all.add(d);
            all.addAll(walk(d.block()));
        }
        return all;
    }

    private static final class Parser {

        private final List<String> tokens = new ArrayList<>();
        private int next;

        Parser(String text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '{' || c == '}' || c == ';') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (c == '"' || c == '\'') {
                    int end = text.indexOf(c, i + 1);
                    end = end < 0 ? text.length() : end;
                    tokens.add(text.substring(i + 1, end));
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "{};".indexOf(text.charAt(i)) < 0) {
                        // an unrendered ${VAR} is part of the word, not a block
                        i = text.startsWith("${", i) && text.indexOf('}', i) > 0 ? text.indexOf('}', i) + 1 : i + 1;
                    }
                    tokens.add(text.substring(start, i));
                }
            }
        }

        List<Directive> block() {
            List<Directive> directives = new ArrayList<>();
            while (next < tokens.size() && !tokens.get(next).equals("}")) {
                String name = tokens.get(next++);
                List<String> args = new ArrayList<>();
                while (next < tokens.size() && !tokens.get(next).equals(";") && !tokens.get(next).equals("{")) {
                    args.add(tokens.get(next++));
                }
                List<Directive> children = List.of();
                if (next < tokens.size() && tokens.get(next).equals("{")) {
                    next++;
                    children = block();
                }
                next++; // the ';' or '}'
                directives.add(new Directive(name, List.copyOf(args), children));
            }
            return directives;
        }
    }
}
