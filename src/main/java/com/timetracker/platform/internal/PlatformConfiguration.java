package com.timetracker.platform.internal;

import java.time.Clock;

import com.timetracker.platform.AppVersion;
import com.timetracker.platform.BeforeMigration;
import com.timetracker.platform.PlatformSettings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    PlatformSettings platformSettings(Environment env) {
        return PlatformSettings.from(env);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI openApi(AppVersion version) {
        return new OpenAPI().info(new Info().title("TimeTracker API").version(version.value())
                .description("Time tracking and payroll for teams. V1-compatible API: JSON in snake_case, integer ids, errors as {error, message, detail, request_id}."));
    }

    /**
     * The schemas in the OpenAPI document name properties as the API sends them (snake_case).
     * springdoc reads models with its own Jackson 2 mapper, which does not see the app's Jackson 3
     * naming strategy; without this the document said {@code accessToken} where the API sends
     * {@code access_token}, and the web app's generated types would be wrong. Schema names must be
     * unique ({@link UniqueSchemaNames}).
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE), new UniqueSchemaNames());
    }

    @Bean
    FlywayMigrationStrategy v1AdoptingMigrationStrategy(JdbcConnectionDetails connection, ObjectProvider<BeforeMigration> beforeMigration) {
        return new V1AdoptingMigrationStrategy(connection, beforeMigration.orderedStream().toList());
    }
}
