package com.timetracker.identity.internal;

import com.timetracker.identity.AccessTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security. Public: health, version, docs, sign-in and recovery endpoints,
 * account requests and the web app. Everything else under /api needs a signed-in user; finer
 * rules are each module's policy. CORS and security headers are the platform's filters.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_API = {
            "/api", "/api/health", "/api/version", "/api/monitoring/health", "/api/monitoring/health/**",
            "/api/monitoring/info", "/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**",
            "/api/swagger-ui/**",
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/accept-invite",
            "/api/auth/forgot-password", "/api/auth/reset-password", "/api/auth/verify-reset-token/**",
            "/api/auth/verify-invite-token/**",
            // V1's WebSocket and its two helpers authenticate with a ?token= parameter themselves
            "/api/ws/ws", "/api/ws/active-timers", "/api/ws/online-users"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessTokens accessTokens, SecurityErrors errors) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .headers(headers -> headers.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accessTokens, errors), AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.unauthorized(response, "Not authenticated"))
                        .accessDeniedHandler((request, response, e) -> errors.forbidden(response, "Not enough permissions")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/account-requests").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }
}
