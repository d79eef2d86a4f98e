package com.timetracker.realtime.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One-use tickets that open a WebSocket instead of the access token in its URL (URLs end up in proxy
 * logs and browser history). A ticket stands for the access token it was issued against, lives
 * {@link #LIFETIME} and opens one socket; Redis keeps it, so any node accepts it.
 */
@Component
class SocketTickets {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;

    SocketTickets(StringRedisTemplate redis) {
        this.redis = redis;
    }

    String issue(String accessToken) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        redis.opsForValue().set(key(ticket), accessToken, LIFETIME);
        return ticket;
    }

    /** The access token of a ticket, which is used up by this call; empty when unknown, used or expired. */
    Optional<String> redeem(String ticket) {
        if (ticket.length() != 43) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().getAndDelete(key(ticket)));
    }

    private static String key(String ticket) {
        return "ws:ticket:" + ticket;
    }
}
