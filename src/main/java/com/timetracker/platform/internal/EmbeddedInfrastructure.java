package com.timetracker.platform.internal;

import com.timetracker.platform.PlatformSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: with no database configured the app starts its own PostgreSQL (and Redis, when
 * none is configured either) and points Spring's connection details at them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = V1EnvironmentAdapter.EMBEDDED_POSTGRES, havingValue = "true")
    static class Postgres {

        @Bean(destroyMethod = "close")
        DataDirectoryLock dataDirectoryLock(PlatformSettings settings) {
            return new DataDirectoryLock(settings.dataDir());
        }

        @Bean(destroyMethod = "close")
        EmbeddedPostgresServer embeddedPostgresServer(PlatformSettings settings, DataDirectoryLock lock) {
            log.warn("""

                    ************************************************************************
                      TimeTracker is running in EMBEDDED MODE — for trying out and development,
                      not production. Data lives in {}
                      For production set DATABASE_URL (or DB_HOST, DB_NAME, DB_USER, DB_PASSWORD)
                      and REDIS_URL; see docs/configuration.md.
                    ************************************************************************""", settings.dataDir());
            return new EmbeddedPostgresServer(settings.dataDir());
        }

        @Bean
        JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return EmbeddedPostgresServer.USER;
                }

                @Override
                public String getPassword() {
                    return "";
                }

                @Override
                public String getJdbcUrl() {
                    return server.jdbcUrl();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = V1EnvironmentAdapter.EMBEDDED_REDIS, havingValue = "true")
    static class Redis {

        @Bean(destroyMethod = "close")
        EmbeddedRedisServer embeddedRedisServer(PlatformSettings settings, DataDirectoryLock lock) {
            return new EmbeddedRedisServer(settings.dataDir());
        }

        @Bean
        DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedisServer server) {
            return new DataRedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return Standalone.of("127.0.0.1", server.port());
                }
            };
        }
    }
}
