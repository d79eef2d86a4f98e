package com.timetracker.platform.internal;

import com.timetracker.platform.ErrorResponses;

import java.io.IOException;
import java.util.List;

import com.timetracker.platform.PlatformSettings;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Cross-origin access from ALLOWED_ORIGINS only; a refused origin gets the API's error body. */
@Configuration(proxyBeanMethods = false)
class CorsSetup {

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(PlatformSettings settings, ErrorResponses errors) {
        CorsConfiguration cors = new CorsConfiguration();
        if (settings.allowedOrigins().contains("*")) {
            cors.addAllowedOriginPattern("*");
        } else {
            cors.setAllowedOrigins(settings.allowedOrigins());
        }
        cors.setAllowCredentials(true);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Requested-With", "Accept", "Origin",
                "X-CSRF-Token", "X-Session-ID", "X-Request-ID"));
        cors.setExposedHeaders(List.of("X-Request-ID", "X-Process-Time", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", "Retry-After", "Content-Disposition"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                errors.write(((ServletServerHttpResponse) response).getServletResponse(), 403, "cors_rejected",
                        "This origin is not allowed to call the API. Add it to ALLOWED_ORIGINS if it should be.", null);
                response.flush();
            }
        });
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
