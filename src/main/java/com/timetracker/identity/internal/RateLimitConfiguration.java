package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Duration;

import com.timetracker.platform.ClientAddress;
import com.timetracker.platform.ErrorResponses;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires rate limiting into Spring MVC for {@code /api/**}. Health probes are never limited (an
 * orchestrator must always get an answer), nor is the web app.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    static final String[] NEVER_LIMITED = {"/api/health", "/api/monitoring/health", "/api/monitoring/health/**"};

    private final ObjectProvider<RateLimitInterceptor> interceptor;

    RateLimitConfiguration(ObjectProvider<RateLimitInterceptor> interceptor) {
        this.interceptor = interceptor;
    }

    @Bean
    RateLimits rateLimits(Environment env) {
        RateLimits limits = RateLimits.from(env);
        if (!limits.enabled()) {
            log.warn("RATE_LIMIT_ENABLED=false: NO request is rate limited. This is an off switch for benchmarks; never run production like this.");
        }
        return limits;
    }

    /**
     * {@code timetracker.rate-limits.redis-timeout} (default 250ms) bounds each Redis call;
     * {@code timetracker.rate-limits.redis-retry-interval} (default 10s) is how long a node counts
     * locally after Redis failed before it tries Redis again.
     */
    @Bean(destroyMethod = "close")
    RateLimitBuckets rateLimitBuckets(RateLimits limits, RedisConnectionFactory redis, Environment env) {
        Binder binder = Binder.get(env);
        RateLimitBuckets buckets = new RateLimitBuckets(redis,
                binder.bind("timetracker.rate-limits.redis-timeout", Duration.class).orElse(Duration.ofMillis(250)),
                binder.bind("timetracker.rate-limits.redis-retry-interval", Duration.class).orElse(Duration.ofSeconds(10)));
        if (limits.enabled()) {
            buckets.connectInBackground();
        }
        return buckets;
    }

    @Bean
    RateLimitInterceptor rateLimitInterceptor(RateLimits limits, RateLimitBuckets buckets, ClientAddress clientAddress,
                                              ErrorResponses errors, Clock clock) {
        return new RateLimitInterceptor(limits, buckets, clientAddress, errors, clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        RateLimitInterceptor limiter = interceptor.getObject();
        if (limiter.enabled()) {
            registry.addInterceptor(limiter).addPathPatterns("/api", "/api/**").excludePathPatterns(NEVER_LIMITED);
        }
    }
}
