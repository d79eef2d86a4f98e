package com.timetracker.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret sent by email (invitation, password reset): 32 random bytes, URL-safe. Only its SHA-256
 * is stored, so whoever reads the database cannot use it; a plain hash suffices (no bcrypt) because
 * 256 random bits cannot be guessed, unlike a password.
 *
 * @param value the token itself: goes into the emailed link and nowhere else (never a log, never a response)
 */
record OneTimeToken(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Longer than any token we issue; anything longer is refused without hashing it. */
    static final int MAX_LENGTH = 256;

    static OneTimeToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OneTimeToken(value, hashOf(value));
    }

    /** The stored form of a presented token. */
    static String hashOf(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A presented token worth looking up: present and not absurdly long. */
    static boolean plausible(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH;
    }

    @Override
    public String toString() {
        return "OneTimeToken[hash=" + hash + "]"; // never print the token itself
    }
}
