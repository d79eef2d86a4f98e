package com.timetracker.identity;

import com.timetracker.platform.UnsafeConfigurationException;

import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;
import org.springframework.stereotype.Component;

/**
 * bcrypt, as V1: new hashes are {@code $2b$} at BCRYPT_ROUNDS (default 12, 10–15); V1's existing
 * {@code $2b$} hashes verify unchanged, so V1 users keep their passwords.
 */
@Component
public class PasswordHashing {

    public static final int DEFAULT_ROUNDS = 12;

    private final BCryptPasswordEncoder encoder;

    public PasswordHashing(Environment env) {
        this.encoder = new BCryptPasswordEncoder(BCryptVersion.$2B, rounds(env.getProperty("BCRYPT_ROUNDS")));
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    static int rounds(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_ROUNDS;
        }
        try {
            int rounds = Integer.parseInt(value.strip());
            if (rounds >= 10 && rounds <= 15) {
                return rounds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnsafeConfigurationException("BCRYPT_ROUNDS must be a whole number from 10 to 15, got '" + value + "'",
                "Set BCRYPT_ROUNDS to 12 (the default) or leave it unset.");
    }
}
