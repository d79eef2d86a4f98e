package com.timetracker.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.UnsafeConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Token settings under V1's names: SECRET_KEY, ALGORITHM (HS256 only), ACCESS_TOKEN_EXPIRE_MINUTES
 * (30), REFRESH_TOKEN_EXPIRE_DAYS (7). Without SECRET_KEY outside production, embedded mode keeps a
 * generated key in its data directory so tokens survive restarts (V1 made a new key per process).
 */
@Component
class TokenSettings {

    private static final Logger log = LoggerFactory.getLogger(TokenSettings.class);

    private final byte[] signingKey;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    TokenSettings(Environment env, PlatformSettings platform) {
        String algorithm = env.getProperty("ALGORITHM", "HS256").strip();
        if (!algorithm.equalsIgnoreCase("HS256")) {
            throw new UnsafeConfigurationException("ALGORITHM=" + algorithm + " is not supported; tokens are signed with HS256 as in V1.",
                    "Remove ALGORITHM or set it to HS256.");
        }
        this.accessLifetime = Duration.ofMinutes(positive(env, "ACCESS_TOKEN_EXPIRE_MINUTES", 30));
        this.refreshLifetime = Duration.ofDays(positive(env, "REFRESH_TOKEN_EXPIRE_DAYS", 7));
        this.signingKey = keyBytes(secret(env, platform));
    }

    byte[] signingKey() {
        return signingKey.clone();
    }

    Duration accessLifetime() {
        return accessLifetime;
    }

    Duration refreshLifetime() {
        return refreshLifetime;
    }

    private static String secret(Environment env, PlatformSettings platform) {
        String configured = env.getProperty("SECRET_KEY");
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        // Production never gets here: it refuses to start without a strong SECRET_KEY.
        if ("true".equals(env.getProperty("timetracker.embedded.postgres"))) {
            return persistedSecret(platform.dataDir().resolve("secret.key"));
        }
        log.warn("SECRET_KEY is not set: using a random signing key for this process only; tokens will not survive a restart.");
        return randomSecret();
    }

    private static String persistedSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            String secret = randomSecret();
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** HS256 needs 256 bits: a shorter development secret is stretched with SHA-256. */
    private static byte[] keyBytes(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        if (raw.length >= 32) {
            return raw;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long positive(Environment env, String name, long fallback) {
        String value = env.getProperty(name);
        if (!StringUtils.hasText(value)) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnsafeConfigurationException(name + " must be a positive whole number, got '" + value + "'",
                "Set " + name + " to a number such as " + fallback + " or leave it unset.");
    }
}
