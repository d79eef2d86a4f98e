package timetracker.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Setup calls to the public API (plain JDK HTTP client, outside the measured load). */
final class BenchApi {

    static final String ADMIN_EMAIL = System.getProperty("adminEmail", "bench-admin@example.com");
    static final String ADMIN_PASSWORD = System.getProperty("adminPassword", "Bench-Harbor-7-Lamp");
    /** Password of every person a bench creates. */
    static final String PASSWORD = "Quiet-River-4-Stone";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    BenchApi(String base) {
        this.base = base;
    }

    /** The response body; anything but 2xx stops the bench with the server's answer. */
    String call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The access token of a sign-in. */
    String login(String email, String password) {
        return field(call("POST", "/api/auth/login", null, "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"),
                "access_token");
    }

    String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** The first value of a JSON field (string or number), by pattern: enough for the API's flat answers. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** task(0..count-1) on a few threads, results in index order (setup is bcrypt-bound: parallel halves it). */
    static <T> List<T> parallel(int count, int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
