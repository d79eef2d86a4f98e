package com.timetracker.realtime.internal;

import java.util.HashMap;
import java.util.Map;

import com.timetracker.identity.AccessTokens;
import com.timetracker.identity.AuthenticatedUser;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Every 30 s: closes sockets whose session was revoked or whose user was deactivated (V1 kept
 * them open forever), pings the rest (V1's keep-alive), and refreshes this node's presence.
 */
@Component
class ConnectionUpkeep {

    static final CloseStatus SESSION_ENDED = new CloseStatus(4001, "Authentication failed");

    private final Connections connections;
    private final AccessTokens accessTokens;
    private final OnlineUsers onlineUsers;

    ConnectionUpkeep(Connections connections, AccessTokens accessTokens, OnlineUsers onlineUsers) {
        this.connections = connections;
        this.accessTokens = accessTokens;
        this.onlineUsers = onlineUsers;
    }

    @Scheduled(fixedDelayString = "${timetracker.realtime.recheck-interval:30s}")
    void recheck() {
        // one check per session, however many sockets (tabs) it has open
        Map<String, Boolean> valid = new HashMap<>();
        for (Connections.Connection connection : connections.all()) {
            AuthenticatedUser user = connection.user();
            if (valid.computeIfAbsent(user.id() + "/" + user.sessionId(), key -> accessTokens.sessionStillValid(user.id(), user.sessionId()))) {
                connection.send("{\"type\":\"ping\"}");
            } else {
                connection.close(SESSION_ENDED);
            }
        }
        onlineUsers.refresh(connections.onlineUserIds());
    }
}
