package com.timetracker.identity.internal;

import java.time.Duration;

import com.timetracker.platform.UnsafeConfigurationException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule table: production defaults, overrides, and settings that must stop startup. */
class RateLimitsTest {

    private static RateLimits defaults() {
        return RateLimits.from(new MockEnvironment());
    }

    private static String describe(RateLimits limits, String method, String template) {
        RateLimits.Rule rule = limits.ruleFor(method, template);
        return rule.name() + " " + rule.limit().describe() + (rule.perClient() ? " per address" : " per user");
    }

    @Test
    void theDefaultsAreTheIssuesTable() {
        RateLimits limits = defaults();

        assertThat(limits.enabled()).isTrue();
        assertThat(describe(limits, "POST", "/api/auth/login")).isEqualTo("login 5/1m per address");
        assertThat(describe(limits, "POST", "/api/auth/register")).isEqualTo("register 3/1m per address");
        assertThat(describe(limits, "POST", "/api/auth/refresh")).isEqualTo("refresh 10/1m per address");
        assertThat(describe(limits, "PUT", "/api/auth/password")).isEqualTo("password 3/5m per address");
        assertThat(describe(limits, "POST", "/api/auth/forgot-password")).isEqualTo("password 3/5m per address");
        assertThat(describe(limits, "POST", "/api/auth/reset-password")).isEqualTo("password 3/5m per address");
        assertThat(describe(limits, "POST", "/api/account-requests")).isEqualTo("account-requests 3/1h per address");
        assertThat(describe(limits, "GET", "/api/users/{id}")).isEqualTo("default 60/1m per user");
    }

    @Test
    void namedRulesMatchMethodAndTemplateExactly() {
        RateLimits limits = defaults();

        assertThat(limits.ruleFor("GET", "/api/account-requests").name()).as("listing is an admin's, not a submission").isEqualTo("default");
        assertThat(limits.ruleFor("GET", "/api/auth/login").name()).isEqualTo("default");
        assertThat(limits.ruleFor("post", "/api/auth/login").name()).isEqualTo("login");
        assertThat(limits.ruleFor("POST", "/api/auth/login/{x}").name()).isEqualTo("default");
        assertThat(limits.ruleFor("POST", RateLimitInterceptor.UNMATCHED).name()).isEqualTo("default");
    }

    @Test
    void everyLimitIsConfigurable() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("RATE_LIMIT_REQUESTS_PER_MINUTE", "120")
                .withProperty("RATE_LIMIT_LOGIN", "20")
                .withProperty("RATE_LIMIT_REGISTER", "10/1h")
                .withProperty("RATE_LIMIT_REFRESH", " 30 / 30s ")
                .withProperty("RATE_LIMIT_PASSWORD", "5/10m")
                .withProperty("RATE_LIMIT_ACCOUNT_REQUESTS", "1/1d")
                .withProperty("RATE_LIMIT_ENABLED", "false");
        RateLimits limits = RateLimits.from(env);

        assertThat(limits.enabled()).isFalse();
        assertThat(limits.ruleFor("GET", "/api/time/{id}").limit()).isEqualTo(new RateLimits.Limit(120, Duration.ofMinutes(1)));
        assertThat(limits.ruleFor("POST", "/api/auth/login").limit()).as("a bare number keeps the rule's period")
                .isEqualTo(new RateLimits.Limit(20, Duration.ofMinutes(1)));
        assertThat(limits.ruleFor("POST", "/api/auth/register").limit()).isEqualTo(new RateLimits.Limit(10, Duration.ofHours(1)));
        assertThat(limits.ruleFor("POST", "/api/auth/refresh").limit()).isEqualTo(new RateLimits.Limit(30, Duration.ofSeconds(30)));
        assertThat(limits.ruleFor("PUT", "/api/auth/password").limit()).isEqualTo(new RateLimits.Limit(5, Duration.ofMinutes(10)));
        assertThat(limits.ruleFor("POST", "/api/account-requests").limit()).isEqualTo(new RateLimits.Limit(1, Duration.ofDays(1)));
    }

    @Test
    void anEmptyValueMeansTheDefault() {
        RateLimits limits = RateLimits.from(new MockEnvironment().withProperty("RATE_LIMIT_LOGIN", "").withProperty("RATE_LIMIT_ENABLED", " "));

        assertThat(limits.enabled()).isTrue();
        assertThat(limits.ruleFor("POST", "/api/auth/login").limit()).isEqualTo(new RateLimits.Limit(5, Duration.ofMinutes(1)));
    }

    @Test
    void nonsenseStopsStartupNamingTheVariable() {
        for (String[] bad : new String[][] {
                {"RATE_LIMIT_REQUESTS_PER_MINUTE", "0"}, {"RATE_LIMIT_REQUESTS_PER_MINUTE", "lots"},
                {"RATE_LIMIT_LOGIN", "0/1m"}, {"RATE_LIMIT_LOGIN", "5/often"}, {"RATE_LIMIT_PASSWORD", "3/500ms"},
                {"RATE_LIMIT_ACCOUNT_REQUESTS", "-1"}, {"RATE_LIMIT_ENABLED", "maybe"}}) {
            assertThatThrownBy(() -> RateLimits.from(new MockEnvironment().withProperty(bad[0], bad[1])))
                    .as(bad[0] + "=" + bad[1])
                    .isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageContaining(bad[0]);
        }
    }
}
