package com.timetracker.realtime.internal;

import java.util.Map;

import com.timetracker.identity.AccessTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * V1's WebSocket authenticates with {@code ?token=<access token>}: checked like any API request
 * (session live, user active) before the upgrade, so a refused client sees a 401/403 handshake.
 */
class TokenHandshake implements HandshakeInterceptor {

    static final String USER = "user";

    private final AccessTokens accessTokens;

    TokenHandshake(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        AccessTokens.Verdict verdict = token == null ? new AccessTokens.Verdict(null, AccessTokens.Refusal.INVALID_TOKEN)
                : accessTokens.authenticate(token);
        if (!verdict.accepted()) {
            response.setStatusCode(verdict.refusal() == AccessTokens.Refusal.USER_DEACTIVATED ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(USER, verdict.user());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // nothing to do
    }
}
