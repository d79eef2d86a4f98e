package com.timetracker.mail.internal;

import java.time.Duration;

import com.timetracker.platform.UnsafeConfigurationException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The mail module's settings. SMTP itself (SMTP_SERVER, SMTP_PORT, ...) becomes Spring's
 * {@code spring.mail.*} in the platform's V1EnvironmentAdapter; the rest is read here, defaults included.
 *
 * @param from      the From of every mail (SMTP_FROM)
 * @param batchSize at most this many messages per delivery run
 */
record MailSettings(InternetAddress from, int batchSize, RetrySchedule retry) {

    static final String DEFAULT_FROM = "TimeTracker <no-reply@localhost>";

    static MailSettings from(Environment env) {
        String from = env.getProperty("SMTP_FROM", DEFAULT_FROM).strip();
        InternetAddress address;
        try {
            address = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new UnsafeConfigurationException("SMTP_FROM is not an email address: '" + from + "' (" + e.getMessage() + ")",
                    "Set SMTP_FROM to an address, optionally with a name, e.g. TimeTracker <no-reply@example.com>.");
        }
        Binder binder = Binder.get(env);
        RetrySchedule retry = new RetrySchedule(
                binder.bind("timetracker.mail.retry-backoff", Duration.class).orElse(RetrySchedule.DEFAULT.base()),
                binder.bind("timetracker.mail.retry-backoff-max", Duration.class).orElse(RetrySchedule.DEFAULT.max()),
                binder.bind("timetracker.mail.max-attempts", Integer.class).orElse(RetrySchedule.DEFAULT.maxAttempts()));
        return new MailSettings(address, binder.bind("timetracker.mail.batch-size", Integer.class).orElse(50), retry);
    }
}
