package com.timetracker.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers the app answers to: ALLOWED_HOSTS plus {@link PlatformSettings#ALWAYS_ALLOWED_HOSTS}
 * ({@code *} and {@code *.domain} patterns allowed), except health probes, which answer on any Host
 * (V1 failure #2). The request filter and {@code preflight} both ask this class.
 */
public record HostAllowList(Set<String> hosts) {

    /** Liveness: answers on any Host, from anywhere. */
    public static final String LIVENESS = "/health";
    /** Probes revealing dependency state: any Host, but only for callers on loopback (a container's own healthcheck). */
    public static final Set<String> LOOPBACK_PROBES = Set.of(
            "/api/health", "/api/monitoring/health/live", "/api/monitoring/health/ready");

    public HostAllowList {
        hosts = Set.copyOf(hosts);
    }

    /** The allow-list for an ALLOWED_HOSTS value (a JSON array or comma-separated, as V1 accepted). */
    public static HostAllowList parse(String allowedHostsSetting) {
        return of(SettingList.parse(allowedHostsSetting));
    }

    public static HostAllowList of(Collection<String> configured) {
        Set<String> hosts = new LinkedHashSet<>(PlatformSettings.ALWAYS_ALLOWED_HOSTS);
        configured.forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
        return new HostAllowList(hosts);
    }

    /** Whether a request with this Host header (null: none) to this path gets through the host filter. */
    public boolean admits(String hostHeader, String path, boolean loopbackCaller) {
        return answersAnyHost(path, loopbackCaller) || hostHeader != null && isAllowed(hostWithoutPort(hostHeader));
    }

    public static boolean answersAnyHost(String path, boolean loopbackCaller) {
        return LIVENESS.equals(path) || loopbackCaller && LOOPBACK_PROBES.contains(path);
    }

    /** {@code host} without port, lower case. */
    public boolean isAllowed(String host) {
        if (hosts.contains("*") || hosts.contains(host)) {
            return true;
        }
        return hosts.stream()
                .filter(pattern -> pattern.startsWith("*."))
                .anyMatch(pattern -> host.endsWith(pattern.substring(1)));
    }

    /** The host part of a Host header: lower case, without port, IPv6 brackets or a trailing dot. */
    public static String hostWithoutPort(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && colon == host.lastIndexOf(':')) {
            host = host.substring(0, colon);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
