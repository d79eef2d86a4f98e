package com.timetracker.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Re-signs a real token of the app with its exp in the past: an expired token exactly as the server would issue it. */
final class Tokens {

    static final String SECRET = "browser-tests-secret-0123456789-abcdefghijklmnop";

    private Tokens() {
    }

    static String expired(String token) {
        try {
            SignedJWT original = SignedJWT.parse(token);
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                    .issueTime(Date.from(now.minusSeconds(7200)))
                    .expirationTime(Date.from(now.minusSeconds(3600)))
                    .build();
            SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            expired.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return expired.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
