package com.timetracker.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.UnsafeConfigurationException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The rate-limit rule table, read once from the environment. Rules match a request by method and
 * Spring MVC route template (so {@code /api/users/5} and {@code /api/users/6} are one route). The
 * named rules guard sign-in and recovery and are counted per client address; every other API route
 * gets {@code RATE_LIMIT_REQUESTS_PER_MINUTE} per user, or per client address when anonymous.
 * {@code docs/configuration.md} lists the variables.
 *
 * @param enabled  false only as an off switch for benchmarks (RATE_LIMIT_ENABLED)
 * @param perRoute the limit of every route no named rule covers
 * @param rules    the named rules
 */
record RateLimits(boolean enabled, Limit perRoute, List<Rule> rules) {

    static final String DEFAULT_RULE = "default";

    /** At most {@code requests} in {@code period}; tokens come back one by one, evenly over the period. */
    record Limit(long requests, Duration period) {

        Limit {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(requests + "/" + period);
            }
        }

        /** Text such as {@code 5/1m} or {@code 3/5m}, in the form the settings take. */
        String describe() {
            long seconds = period.toSeconds();
            return requests + "/" + (seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s");
        }
    }

    record Route(String method, String template) {
    }

    /**
     * @param variable      the setting that overrides the limit
     * @param perClient     counted per client address even for a signed-in caller (else per user)
     */
    record Rule(String name, String variable, Limit limit, boolean perClient, List<Route> routes) {

        boolean covers(String method, String template) {
            return routes.stream().anyMatch(route -> route.method().equalsIgnoreCase(method) && route.template().equals(template));
        }
    }

    static RateLimits from(Environment env) {
        Limit perRoute = new Limit(requestsPerMinute(env), Duration.ofMinutes(1));
        List<Rule> rules = List.of(
                named(env, "login", "RATE_LIMIT_LOGIN", 5, Duration.ofMinutes(1),
                        new Route("POST", "/api/auth/login")),
                named(env, "register", "RATE_LIMIT_REGISTER", 3, Duration.ofMinutes(1),
                        new Route("POST", "/api/auth/register")),
                named(env, "refresh", "RATE_LIMIT_REFRESH", 10, Duration.ofMinutes(1),
                        new Route("POST", "/api/auth/refresh")),
                named(env, "password", "RATE_LIMIT_PASSWORD", 3, Duration.ofMinutes(5),
                        new Route("PUT", "/api/auth/password"),
                        new Route("POST", "/api/auth/forgot-password"),
                        new Route("POST", "/api/auth/reset-password")),
                named(env, "account-requests", "RATE_LIMIT_ACCOUNT_REQUESTS", 3, Duration.ofHours(1),
                        new Route("POST", "/api/account-requests")));
        return new RateLimits(enabled(env), perRoute, rules);
    }

    /** The rule for a request; the per-route default when no named rule covers it. */
    Rule ruleFor(String method, String template) {
        for (Rule rule : rules) {
            if (rule.covers(method, template)) {
                return rule;
            }
        }
        return new Rule(DEFAULT_RULE, "RATE_LIMIT_REQUESTS_PER_MINUTE", perRoute, false, List.of());
    }

    private static boolean enabled(Environment env) {
        String value = env.getProperty("RATE_LIMIT_ENABLED");
        if (!StringUtils.hasText(value)) {
            return true;
        }
        if (PlatformSettings.isTrue(value)) {
            return true;
        }
        if (Set.of("false", "0", "no", "off").contains(value.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        throw new UnsafeConfigurationException("RATE_LIMIT_ENABLED must be true or false, got '" + value + "'",
                "Leave RATE_LIMIT_ENABLED unset (rate limits on), or set it to false only for benchmarks.");
    }

    private static long requestsPerMinute(Environment env) {
        String value = env.getProperty("RATE_LIMIT_REQUESTS_PER_MINUTE");
        if (!StringUtils.hasText(value)) {
            return 60;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnsafeConfigurationException("RATE_LIMIT_REQUESTS_PER_MINUTE must be a positive whole number, got '" + value + "'",
                "Set RATE_LIMIT_REQUESTS_PER_MINUTE to a number such as 60, or leave it unset.");
    }

    private static Rule named(Environment env, String name, String variable, long requests, Duration period, Route... routes) {
        Limit fallback = new Limit(requests, period);
        return new Rule(name, variable, parse(variable, env.getProperty(variable), fallback), true, List.of(routes));
    }

    /** {@code N} (N requests in the rule's own period) or {@code N/period}, the period as {@code 30s}, {@code 5m}, {@code 1h}. */
    static Limit parse(String variable, String value, Limit fallback) {
        if (!StringUtils.hasText(value)) {
            return fallback;
        }
        String text = value.strip();
        int slash = text.indexOf('/');
        try {
            long requests = Long.parseLong((slash < 0 ? text : text.substring(0, slash)).strip());
            Duration period = slash < 0 ? fallback.period() : DurationStyle.SIMPLE.parse(text.substring(slash + 1).strip());
            if (period.toSeconds() >= 1) {
                return new Limit(requests, period);
            }
        } catch (IllegalArgumentException e) {
            // reported below (NumberFormatException is one)
        }
        throw new UnsafeConfigurationException(variable + " must be a number of requests, optionally per period (e.g. 5/1m, 3/5m, 3/1h), got '" + value + "'",
                "Set " + variable + " to a value such as " + fallback.describe() + " or leave it unset for that default.");
    }
}
