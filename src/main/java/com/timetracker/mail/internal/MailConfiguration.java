package com.timetracker.mail.internal;

import com.timetracker.mail.PublicLinks;
import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.UnsafeConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailSettings mailSettings(Environment env) {
        return MailSettings.from(env);
    }

    @Bean
    PublicLinks publicLinks(Environment env, PlatformSettings platform) {
        String url = env.getProperty("PUBLIC_URL");
        if (!StringUtils.hasText(url)) {
            if (platform.production()) {
                log.warn("PUBLIC_URL is not set: links in emails (invitations, password reset) point to {}. Set PUBLIC_URL to the address people open the app at.",
                        PublicLinks.DEFAULT_PUBLIC_URL);
            }
            return PublicLinks.of(PublicLinks.DEFAULT_PUBLIC_URL);
        }
        try {
            return PublicLinks.of(url);
        } catch (IllegalArgumentException e) {
            throw new UnsafeConfigurationException("PUBLIC_URL is " + e.getMessage(),
                    "Set PUBLIC_URL to the address people open the app at, e.g. https://timetracker.example.com");
        }
    }
}
