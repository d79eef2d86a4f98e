package com.timetracker.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * The platform's settings, read once from V1's variable names. Defaults live here and only here;
 * {@code docs/configuration.md} lists them.
 */
public record PlatformSettings(
        String environment,
        boolean debug,
        Set<String> allowedHosts,
        List<String> allowedOrigins,
        long maxRequestSizeBytes,
        Path dataDir) {

    /** Hosts every deployment answers to, whatever ALLOWED_HOSTS says (V1 failure #6). */
    public static final List<String> ALWAYS_ALLOWED_HOSTS =
            List.of("localhost", "127.0.0.1", "::1", "timetracker-backend", "backend");

    public static final List<String> DEFAULT_ALLOWED_ORIGINS =
            List.of("http://localhost:5173", "http://localhost:3000");

    public static final int DEFAULT_MAX_REQUEST_SIZE_MB = 10;

    public static PlatformSettings from(Environment env) {
        String environment = env.getProperty("ENVIRONMENT", "development").strip().toLowerCase(Locale.ROOT);
        List<String> origins = SettingList.parse(env.getProperty("ALLOWED_ORIGINS"));
        return new PlatformSettings(
                environment,
                isTrue(env.getProperty("DEBUG")),
                HostAllowList.parse(env.getProperty("ALLOWED_HOSTS")).hosts(),
                origins.isEmpty() ? DEFAULT_ALLOWED_ORIGINS : origins,
                megabytes(env.getProperty("MAX_REQUEST_SIZE_MB", env.getProperty("MAX_UPLOAD_SIZE_MB"))),
                Path.of(env.getProperty("TIMETRACKER_DATA_DIR", "./data")).toAbsolutePath().normalize());
    }

    public boolean production() {
        return environment.equals("production");
    }

    /** Swagger UI and the OpenAPI document: always outside production, in production only with DEBUG=true. */
    public boolean apiDocsEnabled() {
        return !production() || debug;
    }

    public static boolean isTrue(String value) {
        return value != null && Set.of("true", "1", "yes", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static long megabytes(String value) {
        int mb = DEFAULT_MAX_REQUEST_SIZE_MB;
        if (value != null && !value.isBlank()) {
            try {
                mb = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new UnsafeConfigurationException("MAX_REQUEST_SIZE_MB (or V1's MAX_UPLOAD_SIZE_MB) must be a whole number of megabytes, got '" + value + "'",
                        "Set MAX_REQUEST_SIZE_MB to a number such as 10.");
            }
        }
        return mb * 1024L * 1024L;
    }
}
