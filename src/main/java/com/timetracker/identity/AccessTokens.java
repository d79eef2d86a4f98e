package com.timetracker.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Checks an access token the way every API request is checked: genuine, unexpired, its session
 * live, its user present and active. The WebSocket uses it for its {@code ?token=} handshake and to
 * recheck open connections.
 */
public interface AccessTokens {

    /** Why a token was refused, so callers can answer 401 or 403 like the REST API. */
    enum Refusal {
        INVALID_TOKEN, UNKNOWN_USER, SESSION_REVOKED, USER_DEACTIVATED
    }

    /** Either the caller or the reason they are refused. */
    record Verdict(AuthenticatedUser user, Refusal refusal) {
        public boolean accepted() {
            return user != null;
        }
    }

    Verdict authenticate(String accessToken);

    /** Whether the session is still live and its user active (for connections held open). */
    boolean sessionStillValid(long userId, UUID sessionId);

    default Optional<AuthenticatedUser> user(String accessToken) {
        return Optional.ofNullable(authenticate(accessToken).user());
    }
}
