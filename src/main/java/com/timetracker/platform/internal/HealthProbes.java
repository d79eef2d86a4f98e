package com.timetracker.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Health probes answer whatever the Host header says (V1 failure #2: its container healthcheck got
 * 400 from the host filter): {@code /health} from anywhere, the probes that reveal dependency state
 * only to callers on loopback (a container's own healthcheck).
 */
final class HealthProbes {

    static final String LIVENESS = "/health";
    static final Set<String> LOOPBACK_PROBES = Set.of(
            "/api/health", "/api/monitoring/health/live", "/api/monitoring/health/ready");

    private HealthProbes() {
    }

    static boolean answersAnyHost(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(LIVENESS) || LOOPBACK_PROBES.contains(path) && isLoopback(request.getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
