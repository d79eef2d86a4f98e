package com.timetracker.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.timetracker.platform.ApiException;
import com.timetracker.platform.AppVersion;
import com.timetracker.platform.InfrastructureHealth;
import com.timetracker.platform.PlatformSettings;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** V1's public monitoring endpoints (reference §3.15): liveness, readiness, database health, info. */
@RestController
@RequestMapping("/api/monitoring")
class MonitoringController {

    private final InfrastructureHealth health;
    private final PlatformSettings settings;
    private final AppVersion version;
    private final Clock clock;

    MonitoringController(InfrastructureHealth health, PlatformSettings settings, AppVersion version, Clock clock) {
        this.health = health;
        this.settings = settings;
        this.version = version;
        this.clock = clock;
    }

    @GetMapping("/health/live")
    Map<String, String> live() {
        return Map.of("status", "alive");
    }

    /** 503 while PostgreSQL does not answer, so an orchestrator holds traffic back. */
    @GetMapping("/health/ready")
    Map<String, String> ready() {
        health.databaseProblem().ifPresent(problem -> {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "not_ready", "Not ready: " + problem);
        });
        return Map.of("status", "ready");
    }

    @GetMapping("/health")
    Map<String, Object> databaseHealth() {
        Optional<String> problem = health.databaseProblem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.isPresent() ? "unhealthy" : "healthy");
        body.put("timestamp", Instant.now(clock).toString());
        body.put("checks", Map.of("database", Map.of(
                "status", problem.isPresent() ? "unhealthy" : "healthy",
                "message", problem.orElse("Database connection successful"))));
        return body;
    }

    @GetMapping("/info")
    Map<String, Object> info() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Time Tracker API");
        body.put("version", version.value());
        body.put("environment", settings.environment());
        body.put("java_version", System.getProperty("java.version"));
        body.put("timestamp", Instant.now(clock).toString());
        return body;
    }
}
