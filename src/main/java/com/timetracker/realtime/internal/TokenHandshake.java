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
 * V1's WebSocket authenticates with {@code ?token=<access token>}; V2's web app sends a one-use
 * {@code ?ticket=} instead ({@link SocketTickets}), which stands for the token it was issued
 * against. Either is checked like any API request (session live, user active) before the upgrade,
 * so a refused client sees a 401/403 handshake. When Redis cannot answer, a ticket is refused.
 */
class TokenHandshake implements HandshakeInterceptor {

    static final String USER = "user";

    private final AccessTokens accessTokens;
    private final SocketTickets tickets;

    TokenHandshake(AccessTokens accessTokens, SocketTickets tickets) {
        this.accessTokens = accessTokens;
        this.tickets = tickets;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        String token = query.getFirst("ticket") != null ? redeem(query.getFirst("ticket")) : query.getFirst("token");
        AccessTokens.Verdict verdict = token == null ? new AccessTokens.Verdict(null, AccessTokens.Refusal.INVALID_TOKEN)
                : accessTokens.authenticate(token);
        if (!verdict.accepted()) {
            response.setStatusCode(verdict.refusal() == AccessTokens.Refusal.USER_DEACTIVATED ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(USER, verdict.user());
        return true;
    }

    private String redeem(String ticket) {
        try {
            return tickets.redeem(ticket).orElse(null);
        } catch (RuntimeException e) {
            return null; // Redis unavailable: the client falls back to its token
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // nothing to do
    }
}
