package com.timetracker.platform.internal;

import java.util.Set;

/** Paths that container healthchecks and proxies probe: they answer on any Host header. */
final class HealthProbes {

    static final Set<String> PATHS = Set.of(
            "/health", "/api/health", "/api/monitoring/health/live", "/api/monitoring/health/ready");

    private HealthProbes() {
    }

    static boolean isProbe(String path) {
        return PATHS.contains(path);
    }
}
