package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * V1's tokens: HS256 JWTs with {@code sub} (user id), {@code email}, {@code type} (access|refresh),
 * {@code jti}, {@code iat}, {@code exp}; plus {@code sid}, the session (token family) they belong to.
 */
@Component
class Tokens {

    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    record Pair(String accessToken, String refreshToken) {
    }

    /** What a verified token says; whether its session is still valid is checked separately. */
    record Claims(long userId, String type, UUID jti, UUID sessionId, Instant expiresAt) {
    }

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final TokenSettings settings;
    private final Clock clock;

    Tokens(TokenSettings settings, Clock clock) {
        SecretKey key = new SecretKeySpec(settings.signingKey(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(5));
        timestamps.setClock(clock);
        this.decoder.setJwtValidator(timestamps);
        this.settings = settings;
        this.clock = clock;
    }

    Pair issue(long userId, String email, UUID sessionId, UUID refreshJti) {
        return new Pair(
                encode(userId, email, ACCESS, UUID.randomUUID(), sessionId, settings.accessLifetime()),
                encode(userId, email, REFRESH, refreshJti, sessionId, settings.refreshLifetime()));
    }

    /** The claims of a genuine, unexpired token of the expected type; empty for anything else. */
    Optional<Claims> verify(String token, String expectedType) {
        try {
            Jwt jwt = decoder.decode(token);
            if (!expectedType.equals(jwt.getClaimAsString("type")) || jwt.getClaimAsString("sid") == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(Long.parseLong(jwt.getSubject()), expectedType,
                    UUID.fromString(jwt.getId()), UUID.fromString(jwt.getClaimAsString("sid")), jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    Instant refreshExpiry() {
        return clock.instant().plus(settings.refreshLifetime());
    }

    private String encode(long userId, String email, String type, UUID jti, UUID sessionId, Duration lifetime) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(Long.toString(userId))
                .claim("email", email)
                .claim("type", type)
                .id(jti.toString())
                .claim("sid", sessionId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims)).getTokenValue();
    }
}
