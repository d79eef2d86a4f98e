package com.timetracker.platform.internal;

import java.util.HashMap;
import java.util.Map;

import com.timetracker.platform.UnsafeConfigurationException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V1's .env and compose variables configure V2 unchanged. */
class V1EnvironmentAdapterTest {

    private static final String STRONG_KEY = "q8Jf2LxVw9ZrTb4NcYk7Hs1PdGm6EaU3";

    private static StandardEnvironment adapt(String... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("given", values));
        new V1EnvironmentAdapter().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void v1DatabaseUrlConfiguresTheDataSource() {
        var env = adapt("DATABASE_URL", "postgresql+asyncpg://tt:pw@timetracker-db:5432/timetracker", "REDIS_URL", "redis://timetracker-redis:6379/0");

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://timetracker-db:5432/timetracker");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("tt");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("pw");
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://timetracker-redis:6379/0");
        assertThat(env.getProperty(V1EnvironmentAdapter.EMBEDDED_POSTGRES)).isNull();
        assertThat(env.getProperty(V1EnvironmentAdapter.EMBEDDED_REDIS)).isNull();
    }

    @Test
    void seedEnvVariablesConfigureDatabaseAndRedis() {
        var env = adapt("DB_HOST", "db.internal", "DB_PORT", "6543", "DB_NAME", "tracker", "DB_USER", "app",
                "DB_PASSWORD", "pw", "REDIS_HOST", "cache.internal", "REDIS_PORT", "6380");

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6543/tracker");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(env.getProperty("spring.data.redis.host")).isEqualTo("cache.internal");
        assertThat(env.getProperty("spring.data.redis.port")).isEqualTo("6380");
    }

    @Test
    void nothingConfiguredMeansEmbeddedPostgresAndRedis() {
        var env = adapt();

        assertThat(env.getProperty(V1EnvironmentAdapter.EMBEDDED_POSTGRES)).isEqualTo("true");
        assertThat(env.getProperty(V1EnvironmentAdapter.EMBEDDED_REDIS)).isEqualTo("true");
    }

    @Test
    void anExternalDatabaseWithoutRedisSettingsDoesNotStartAnEmbeddedRedis() {
        var env = adapt("DB_HOST", "db");

        assertThat(env.getProperty(V1EnvironmentAdapter.EMBEDDED_REDIS)).isNull();
    }

    @Test
    void v1LoggingNamesAreTranslated() {
        var env = adapt("LOG_LEVEL", "warning", "LOG_FORMAT", "json");

        assertThat(env.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void v1DebugDoesNotSwitchOnSpringsDebugReport() {
        var env = adapt("DEBUG", "true");

        assertThat(env.getProperty("debug")).isEqualTo("false");
        assertThat(env.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
    }

    @Test
    void productionWithoutSecretKeyRefusesAndSaysWhichVariableToSet() {
        assertThatThrownBy(() -> adapt("ENVIRONMENT", "production", "DB_HOST", "db"))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("SECRET_KEY is not set")
                .satisfies(e -> assertThat(((UnsafeConfigurationException) e).fix()).contains("Set SECRET_KEY"));
    }

    @Test
    void productionWithAPlaceholderSecretKeyRefuses() {
        assertThatThrownBy(() -> adapt("ENVIRONMENT", "production", "DB_HOST", "db",
                "SECRET_KEY", "your-super-secret-key-change-this-in-production"))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("placeholder");
    }

    @Test
    void productionRefusesEmbeddedMode() {
        assertThatThrownBy(() -> adapt("ENVIRONMENT", "production", "SECRET_KEY", STRONG_KEY))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("embedded mode");
    }

    @Test
    void productionHidesApiDocsUnlessDebug() {
        assertThat(adapt("ENVIRONMENT", "production", "SECRET_KEY", STRONG_KEY, "DB_HOST", "db")
                .getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(adapt("ENVIRONMENT", "production", "SECRET_KEY", STRONG_KEY, "DB_HOST", "db", "DEBUG", "true")
                .getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
    }

    @Test
    void aMalformedDatabaseUrlIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> adapt("DATABASE_URL", "timetracker-db:5432"))
                .isInstanceOf(UnsafeConfigurationException.class)
                .satisfies(e -> assertThat(((UnsafeConfigurationException) e).fix()).contains("postgresql://user:password@host:5432/database"));
    }

    @Test
    void smtpVariablesConfigureTheMailSenderWithStartTlsByDefault() {
        var env = adapt("SMTP_SERVER", "smtp.example.com", "SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "s3cret pw");

        assertThat(env.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
        assertThat(env.getProperty("spring.mail.port")).isEqualTo("587");
        assertThat(env.getProperty("spring.mail.username")).isEqualTo("mailer");
        assertThat(env.getProperty("spring.mail.password")).isEqualTo("s3cret pw");
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.ssl.enable")).isEqualTo("false");
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.timeout")).isEqualTo("10000");
    }

    @Test
    void smtpTlsFalseMeansPlainSmtpOnTheGivenPort() {
        var env = adapt("SMTP_SERVER", "127.0.0.1", "SMTP_PORT", "2525", "SMTP_TLS", "false");

        assertThat(env.getProperty("spring.mail.port")).isEqualTo("2525");
        assertThat(env.getProperty("spring.mail.username")).isNull();
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.starttls.enable")).isEqualTo("false");
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.ssl.enable")).isEqualTo("false");
    }

    @Test
    void smtpPort465UsesTlsFromTheFirstByte() {
        var env = adapt("SMTP_SERVER", "smtp.example.com", "SMTP_PORT", "465");

        assertThat(env.getProperty("spring.mail.properties.mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(env.getProperty("spring.mail.properties.mail.smtp.starttls.enable")).isEqualTo("false");
    }

    @Test
    void withoutSmtpServerNoMailSenderIsConfigured() {
        var env = adapt("SMTP_PORT", "2525", "SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "pw");

        assertThat(env.getProperty("spring.mail.host")).isNull();
        assertThat(env.getProperty("spring.mail.username")).isNull();
    }

    @Test
    void malformedSmtpSettingsAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> adapt("SMTP_SERVER", "smtp.example.com", "SMTP_PORT", "submission"))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> adapt("SMTP_SERVER", "smtp.example.com", "SMTP_TLS", "starttls"))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("SMTP_TLS");
    }
}
