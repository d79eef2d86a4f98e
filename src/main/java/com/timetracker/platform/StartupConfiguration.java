package com.timetracker.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.timetracker.platform.internal.V1EnvironmentAdapter;

import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the app would make of a set of environment variables at startup, without starting it: the
 * same translation and the same refusals (for {@code preflight}, which checks a deployment's .env).
 */
public final class StartupConfiguration {

    private final StandardEnvironment environment;

    private StartupConfiguration(StandardEnvironment environment) {
        this.environment = environment;
    }

    /** @throws UnsafeConfigurationException when the app would refuse to start with these variables */
    public static StartupConfiguration of(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("variables", Map.copyOf(variables)));
        new V1EnvironmentAdapter().postProcessEnvironment(environment, null);
        return new StartupConfiguration(environment);
    }

    /** The database the app would use, empty in embedded mode. */
    public Optional<Database> database() {
        String url = environment.getProperty("spring.datasource.url");
        return url == null ? Optional.empty() : Optional.of(new Database(url,
                environment.getProperty("spring.datasource.username", ""), environment.getProperty("spring.datasource.password", "")));
    }

    /** The Redis the app would use as redis://[:password@]host:port, empty when none or embedded. */
    public Optional<String> redisUrl() {
        String url = environment.getProperty("spring.data.redis.url");
        if (url != null) {
            return Optional.of(url);
        }
        String host = environment.getProperty("spring.data.redis.host");
        if (host == null) {
            return Optional.empty();
        }
        String password = environment.getProperty("spring.data.redis.password");
        return Optional.of("redis://" + (password == null ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@") + host + ":"
                + environment.getProperty("spring.data.redis.port", "6379"));
    }

    public PlatformSettings settings() {
        return PlatformSettings.from(environment);
    }

    public record Database(String jdbcUrl, String username, String password) {

        @Override
        public String toString() {
            return "Database[" + username + " at " + jdbcUrl + "]";
        }
    }
}
