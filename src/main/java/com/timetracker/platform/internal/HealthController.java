package com.timetracker.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.timetracker.platform.AppVersion;
import com.timetracker.platform.InfrastructureHealth;
import com.timetracker.platform.PlatformSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** V1's root endpoints: liveness, health with dependency checks, version, and the API root. */
@RestController
class HealthController {

    private final InfrastructureHealth health;
    private final PlatformSettings settings;
    private final AppVersion version;

    HealthController(InfrastructureHealth health, PlatformSettings settings, AppVersion version) {
        this.health = health;
        this.settings = settings;
        this.version = version;
    }

    /** The process is up. Never checks dependencies, answers on any Host, never rate limited. */
    @GetMapping("/health")
    Map<String, Object> live() {
        return Map.of("status", "healthy", "version", version.value(), "environment", settings.environment());
    }

    /** 503 when PostgreSQL is down (so a proxy stops routing here); 200 "degraded" when only Redis is. */
    @GetMapping("/api/health")
    ResponseEntity<Map<String, Object>> health() {
        Optional<String> database = health.databaseProblem();
        Optional<String> redis = health.redisProblem();
        String status = database.isPresent() ? "unhealthy" : redis.isPresent() ? "degraded" : "healthy";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("version", version.value());
        body.put("environment", settings.environment());
        body.put("checks", Map.of("database", describe(database), "redis", describe(redis)));
        return ResponseEntity.status(database.isPresent() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
    }

    @GetMapping("/api/version")
    Map<String, Object> version() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_name", "TimeTracker");
        body.put("version", version.value());
        body.put("environment", settings.environment());
        body.put("java_version", System.getProperty("java.version"));
        body.put("platform", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        body.put("debug_mode", settings.debug());
        return body;
    }

    /** V1 served this at "/", which now belongs to the web app. */
    @GetMapping("/api")
    Map<String, Object> root() {
        return Map.of("message", "TimeTracker API", "version", version.value(),
                "docs", settings.apiDocsEnabled() ? "/api/docs" : "Documentation disabled in production");
    }

    private static String describe(Optional<String> problem) {
        return problem.map(p -> "unhealthy: " + p).orElse("healthy");
    }
}
