package com.timetracker.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ClientAddress;
import com.timetracker.platform.ErrorResponses;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Applies {@link RateLimits} to API requests once Spring MVC has chosen the handler, when both the
 * route template and the signed-in user are known. The bucket is the rule + the route template +
 * the user (or the client address). Every limited response carries {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch second at which the bucket is
 * full again); a refused one is 429 {@code rate_limit_exceeded} with {@code Retry-After} (seconds
 * until the next request is allowed).
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RateLimitInterceptor.class);

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";

    /** The key for a request no handler mapping claimed a pattern for (it still counts). */
    static final String UNMATCHED = "(unmatched)";

    private final RateLimits limits;
    private final RateLimitBuckets buckets;
    private final ClientAddress clientAddress;
    private final ErrorResponses errors;
    private final Clock clock;

    RateLimitInterceptor(RateLimits limits, RateLimitBuckets buckets, ClientAddress clientAddress, ErrorResponses errors, Clock clock) {
        this.limits = limits;
        this.buckets = buckets;
        this.clientAddress = clientAddress;
        this.errors = errors;
        this.clock = clock;
    }

    boolean enabled() {
        return limits.enabled();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        // Error pages, async re-dispatches and CORS pre-flights were counted (or never count) as requests already.
        if (request.getDispatcherType() != DispatcherType.REQUEST || "OPTIONS".equalsIgnoreCase(request.getMethod())) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String template = pattern == null ? UNMATCHED : pattern.toString();
        RateLimits.Rule rule = limits.ruleFor(request.getMethod(), template);
        String key = "rate_limit:v2:" + rule.name() + ":" + rule.limit().describe() + ":" + template + ":" + subject(rule, request);

        ConsumptionProbe probe = buckets.tryConsume(key, rule.limit());
        long nowMillis = clock.millis();
        response.setHeader(LIMIT, String.valueOf(rule.limit().requests()));
        response.setHeader(REMAINING, String.valueOf(Math.max(0, probe.getRemainingTokens())));
        response.setHeader(RESET, String.valueOf(ceilDiv(nowMillis + TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForReset()), 1000)));
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
        response.setHeader(RETRY_AFTER, String.valueOf(retryAfter));
        log.debug("Rate limit {} ({}) reached for {} {}", rule.name(), rule.limit().describe(), request.getMethod(), template);
        errors.write(response, 429, "rate_limit_exceeded",
                "Rate limit exceeded. Please try again in " + retryAfter + (retryAfter == 1 ? " second." : " seconds."), null);
        return false;
    }

    /** Named rules count per client address; the rest per signed-in user, else per address. */
    private String subject(RateLimits.Rule rule, HttpServletRequest request) {
        if (!rule.perClient()) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
                return "user:" + user.id();
            }
        }
        return "ip:" + clientAddress.of(request);
    }

    private static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }
}
