package com.timetracker.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.timetracker.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment for preflight to check: copies of the shipped deploy/ files in a temp directory, a
 * .env made from .env.example with real values, its database on the test PostgreSQL (published port =
 * the test server's port) and free host ports for the frontend and backend (the Caddyfile follows
 * them). Tests break one thing with {@link #edit} and read the checklist.
 */
final class PreflightFixture {

    static final String SECRET_KEY = "Qm9Kx7pL2vR8wT4yN6zB3cF5hJ1dG0sA9eU7iO2kM4nP8qW";
    static final String DB_PASSWORD = "9f2c7a41be08d35e6c1f04a7b2d9e8c3";

    final Path dir;
    final Path env;
    final Path prod;
    final Path staging;
    final Path nginx;
    final Path caddyfile;
    final int frontendPort;
    final int backendPort;
    final String database;

    PreflightFixture(Path dir) throws IOException {
        this.dir = dir;
        this.env = dir.resolve(".env");
        this.prod = copy("docker-compose.prod.yml");
        this.staging = copy("docker-compose.staging.yml");
        this.nginx = copy("nginx/default.conf.template");
        this.caddyfile = copy("Caddyfile.example");
        this.frontendPort = freePort();
        this.backendPort = freePort();
        this.database = TestPostgres.createDatabase("preflight");
        edit(caddyfile, "reverse_proxy 127.0.0.1:8080", "reverse_proxy 127.0.0.1:" + backendPort);
        edit(caddyfile, "reverse_proxy 127.0.0.1:3000", "reverse_proxy 127.0.0.1:" + frontendPort);
        Files.copy(Path.of("deploy/.env.example"), env);
        set("DB_PASSWORD", DB_PASSWORD);
        set("SECRET_KEY", SECRET_KEY);
        set("FRONTEND_PORT", String.valueOf(frontendPort));
        set("BACKEND_PORT", String.valueOf(backendPort));
        set("DB_PUBLISH_PORT", String.valueOf(TestPostgres.port()));
        set("DB_NAME", database);
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        return Files.copy(Path.of("deploy").resolve(name), target);
    }

    /** Replaces text that must be there (a fixture edit can never silently do nothing). */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).as(file + " contains the text to replace").contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a variable in the .env (replacing its line, commented or not). */
    PreflightFixture set(String name, String value) {
        return set(env, name, value);
    }

    PreflightFixture set(Path file, String name, String value) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            Matcher line = Pattern.compile("(?m)^#?" + name + "=.*$").matcher(text);
            String entry = name + "=" + value;
            text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(entry)) : text + "\n" + entry + "\n";
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** preflight over the whole fixture: .env, prod + staging compose, nginx template, Caddyfile. */
    Result run() {
        return run("--env", env.toString(), "--compose", prod.toString(), staging.toString(),
                "--nginx", nginx.toString(), "--caddyfile", caddyfile.toString());
    }

    static Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Preflight.run(List.of(args), Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean freePortAvailable(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    record Item(String verdict, int check, String what, String fix) {
    }

    /** The printed checklist, parsed back into items. */
    record Result(int exit, String output) {

        private static final Pattern ITEM = Pattern.compile("^(PASS|WARN|FAIL) \\[(\\d)] (.*)$");

        List<Item> items() {
            List<Item> items = new ArrayList<>();
            for (String line : output.lines().toList()) {
                Matcher m = ITEM.matcher(line);
                if (m.matches()) {
                    items.add(new Item(m.group(1), Integer.parseInt(m.group(2)), m.group(3), null));
                } else if (line.startsWith("          fix: ") && !items.isEmpty()) {
                    Item last = items.remove(items.size() - 1);
                    items.add(new Item(last.verdict(), last.check(), last.what(), line.substring("          fix: ".length())));
                }
            }
            return items;
        }

        List<Item> with(String verdict) {
            return items().stream().filter(i -> i.verdict().equals(verdict)).toList();
        }

        /** The one item with this verdict and check whose text contains {@code text}. */
        Item item(String verdict, int check, String text) {
            List<Item> found = items().stream()
                    .filter(i -> i.verdict().equals(verdict) && i.check() == check && i.what().contains(text)).toList();
            assertThat(found).as("one %s [%d] containing '%s' in:%n%s", verdict, check, text, output).hasSize(1);
            return found.get(0);
        }
    }
}
