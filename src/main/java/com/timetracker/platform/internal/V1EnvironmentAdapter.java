package com.timetracker.platform.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.timetracker.platform.DatabaseUrl;
import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.SecretKeyRule;
import com.timetracker.platform.UnsafeConfigurationException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Translates V1's configuration variables (its .env and compose files work unchanged) into the
 * Spring properties that wire the database, Redis, logging and API docs, decides between embedded
 * and external mode, and refuses unsafe production settings before anything starts.
 */
public class V1EnvironmentAdapter implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED_POSTGRES = "timetracker.embedded.postgres";
    static final String EMBEDDED_REDIS = "timetracker.embedded.redis";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        // V1's DEBUG means "API docs and verbose errors", not Spring's condition-report debug mode.
        props.put("debug", "false");
        props.put("trace", "false");

        boolean embeddedPostgres = database(env, props);
        redis(env, props, embeddedPostgres);
        logging(env, props);
        mail(env, props);

        PlatformSettings settings = PlatformSettings.from(env);
        props.put("springdoc.api-docs.enabled", String.valueOf(settings.apiDocsEnabled()));
        props.put("springdoc.swagger-ui.enabled", String.valueOf(settings.apiDocsEnabled()));
        String size = settings.maxRequestSizeBytes() + "B";
        props.put("spring.servlet.multipart.max-file-size", size);
        props.put("spring.servlet.multipart.max-request-size", size);
        if (settings.production()) {
            refuseUnsafeProduction(env, embeddedPostgres);
        }
        env.getPropertySources().addFirst(new MapPropertySource("timetrackerV1Environment", props));
    }

    /** Returns true when no database is configured, so the app starts its own. */
    private static boolean database(ConfigurableEnvironment env, Map<String, Object> props) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return false;
        }
        String url = env.getProperty("DATABASE_URL");
        if (StringUtils.hasText(url)) {
            DatabaseUrl db;
            try {
                db = DatabaseUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw new UnsafeConfigurationException(e.getMessage(),
                        "Set DATABASE_URL to postgresql://user:password@host:5432/database (V1's postgresql+asyncpg:// form works too), or unset it and use DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD.");
            }
            props.put("spring.datasource.url", db.jdbcUrl());
            props.put("spring.datasource.username", firstText(db.username(), env.getProperty("DB_USER"), "postgres"));
            props.put("spring.datasource.password", firstText(db.password(), env.getProperty("DB_PASSWORD"), ""));
            return false;
        }
        String host = env.getProperty("DB_HOST");
        if (StringUtils.hasText(host)) {
            DatabaseUrl db = new DatabaseUrl(host.strip(), port(env, "DB_PORT", DatabaseUrl.DEFAULT_PORT),
                    env.getProperty("DB_NAME", "timetracker"), env.getProperty("DB_USER", "postgres"),
                    env.getProperty("DB_PASSWORD", ""));
            props.put("spring.datasource.url", db.jdbcUrl());
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
            return false;
        }
        props.put(EMBEDDED_POSTGRES, "true");
        return true;
    }

    private static void redis(ConfigurableEnvironment env, Map<String, Object> props, boolean embeddedPostgres) {
        if (StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"))) {
            return;
        }
        String url = env.getProperty("REDIS_URL");
        if (StringUtils.hasText(url)) {
            props.put("spring.data.redis.url", url.strip());
        } else if (StringUtils.hasText(env.getProperty("REDIS_HOST"))) {
            props.put("spring.data.redis.host", env.getProperty("REDIS_HOST").strip());
            props.put("spring.data.redis.port", String.valueOf(port(env, "REDIS_PORT", 6379)));
            if (StringUtils.hasText(env.getProperty("REDIS_PASSWORD"))) {
                props.put("spring.data.redis.password", env.getProperty("REDIS_PASSWORD"));
            }
        } else if (embeddedPostgres) {
            props.put(EMBEDDED_REDIS, "true");
        }
    }

    private static void logging(ConfigurableEnvironment env, Map<String, Object> props) {
        String level = env.getProperty("LOG_LEVEL");
        if (StringUtils.hasText(level)) {
            String normalized = level.strip().toUpperCase(Locale.ROOT);
            if (normalized.equals("WARNING")) {
                normalized = "WARN";
            } else if (normalized.equals("CRITICAL")) {
                normalized = "ERROR";
            }
            props.put("logging.level.root", normalized);
            props.put("logging.level.com.timetracker", normalized);
        }
        if ("json".equalsIgnoreCase(firstText(env.getProperty("LOG_FORMAT"), "text").strip())) {
            props.put("logging.structured.format.console", "ecs");
        }
    }

    /**
     * SMTP under V1's names. Without SMTP_SERVER no mail sender exists: mail waits in the outbox
     * and is written to the log (the mail module).
     */
    private static void mail(ConfigurableEnvironment env, Map<String, Object> props) {
        String server = env.getProperty("SMTP_SERVER");
        if (StringUtils.hasText(env.getProperty("spring.mail.host")) || !StringUtils.hasText(server)) {
            return;
        }
        int port = port(env, "SMTP_PORT", 587);
        props.put("spring.mail.host", server.strip());
        props.put("spring.mail.port", String.valueOf(port));
        if (StringUtils.hasText(env.getProperty("SMTP_USERNAME"))) {
            props.put("spring.mail.username", env.getProperty("SMTP_USERNAME").strip());
            props.put("spring.mail.password", env.getProperty("SMTP_PASSWORD", ""));
        }
        String tlsSetting = env.getProperty("SMTP_TLS");
        boolean tls = true;
        if (StringUtils.hasText(tlsSetting)) {
            String value = tlsSetting.strip().toLowerCase(Locale.ROOT);
            tls = PlatformSettings.isTrue(value);
            if (!tls && !java.util.Set.of("false", "0", "no", "off").contains(value)) {
                throw new UnsafeConfigurationException("SMTP_TLS must be true or false, got '" + tlsSetting + "'",
                        "Set SMTP_TLS=true (STARTTLS when the server offers it; TLS from the start on port 465) or SMTP_TLS=false (plain SMTP).");
            }
        }
        // Port 465 is SMTPS: TLS from the first byte; a STARTTLS client would wait there forever.
        boolean implicitTls = tls && port == 465;
        props.put("spring.mail.properties.mail.smtp.starttls.enable", String.valueOf(tls && !implicitTls));
        props.put("spring.mail.properties.mail.smtp.ssl.enable", String.valueOf(implicitTls));
        // JavaMail waits forever by default; a hung server must not hold a delivery worker.
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            props.put("spring.mail.properties.mail.smtp." + timeout, "10000");
        }
    }

    private static void refuseUnsafeProduction(ConfigurableEnvironment env, boolean embeddedPostgres) {
        SecretKeyRule.problem(env.getProperty("SECRET_KEY")).ifPresent(problem -> {
            throw new UnsafeConfigurationException(
                    "ENVIRONMENT=production refuses to start: " + problem + ". Without a stable, strong key every token breaks on restart and tokens can be forged.",
                    SecretKeyRule.FIX);
        });
        if (embeddedPostgres) {
            throw new UnsafeConfigurationException(
                    "ENVIRONMENT=production refuses to start in embedded mode: no database is configured.",
                    "Set DATABASE_URL (postgresql://user:password@host:5432/database) or DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD.");
        }
    }

    private static int port(ConfigurableEnvironment env, String name, int fallback) {
        String value = env.getProperty(name);
        if (!StringUtils.hasText(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UnsafeConfigurationException(name + " must be a port number, got '" + value + "'", "Set " + name + " to a number such as " + fallback + ".");
        }
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (StringUtils.hasText(value)) {
                return value;
            }
        }
        return null;
    }
}
