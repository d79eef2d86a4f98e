package com.timetracker.support;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Accounts for HTTP tests: created by the first super admin through {@code POST /api/users}, then
 * signed in. Expects the test to set FIRST_SUPER_ADMIN_EMAIL/PASSWORD to {@link #ROOT_EMAIL}/{@link #ROOT_PASSWORD}.
 */
public final class People {

    public static final String ROOT_EMAIL = "root@example.com";
    public static final String ROOT_PASSWORD = "Root-Harbor-7-Lamp";
    public static final String PASSWORD = "Quiet-River-4-Stone";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A signed-in account: its id, email, name and a client sending its token. */
    public record Person(long id, String email, String name, Http http) {
    }

    private final int port;
    private final Http root;

    public People(int port) {
        this.port = port;
        this.root = signIn(ROOT_EMAIL, ROOT_PASSWORD);
    }

    public Http root() {
        return root;
    }

    /** A new account with this global role (super_admin, admin, manager, regular_user), signed in. */
    public Person create(String role) {
        String name = role + " " + String.format("%05d", SEQUENCE.incrementAndGet()); // fixed width: no name contains another
        String email = role + "-" + System.nanoTime() + "@example.com";
        HttpResponse<String> response = root.post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\", \"name\": \"" + name + "\", \"role\": \"" + role + "\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a " + role + " failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode user = Http.json(response);
        return new Person(user.get("id").asLong(), email, name, signIn(email, PASSWORD));
    }

    private Http signIn(String email, String password) {
        return new Http(port).as(new Http(port).login(email, password).get("access_token").asString());
    }
}
