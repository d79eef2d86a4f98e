package com.timetracker.realtime.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.tracking.ActiveTimers;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** V1's message protocol (reference §5), answered with data scoped to what the user may see. */
class RealtimeSocket extends TextWebSocketHandler {

    private final Connections connections;
    private final ActiveTimers activeTimers;
    private final OnlineUsers onlineUsers;
    private final JsonMapper json;

    RealtimeSocket(Connections connections, ActiveTimers activeTimers, OnlineUsers onlineUsers, JsonMapper json) {
        this.connections = connections;
        this.activeTimers = activeTimers;
        this.onlineUsers = onlineUsers;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        AuthenticatedUser user = (AuthenticatedUser) socket.getAttributes().get(TokenHandshake.USER);
        Connections.Connection connection = connections.add(socket, user);
        onlineUsers.connected(user.id());
        connection.send(write(Map.of("type", "connected", "user_id", user.id(),
                "message", "Connected to Time Tracker real-time service")));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        Connections.Connection connection = connections.get(socket);
        if (connection == null) {
            return;
        }
        String type;
        try {
            JsonNode node = json.readTree(message.getPayload());
            type = node.path("type").asString("");
        } catch (JacksonException e) {
            connection.send(error("Messages must be JSON objects with a \"type\""));
            return;
        }
        AuthenticatedUser user = connection.user();
        switch (type) {
            case "ping" -> connection.send(write(Map.of("type", "pong")));
            case "pong" -> { }
            case "get_active_timers" -> {
                List<ActiveTimers.ActiveTimer> timers = activeTimers.visibleTo(user);
                connection.send(write(Map.of("type", "active_timers", "timers", timers)));
            }
            case "get_online_users" -> connection.send(write(Map.of("type", "online_users", "users", onlineUsers.visibleTo(user))));
            // V1 rebroadcast whatever a client claimed about its timer; timers change only through the REST API now.
            case "timer_start", "timer_stop", "timer_update" ->
                    connection.send(error(type + " is not accepted over the socket: use POST /api/time/start or /api/time/stop"));
            default -> connection.send(error("Unknown message type: " + type));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Connections.Connection connection = connections.get(socket);
        connections.remove(socket);
        if (connection != null) {
            onlineUsers.disconnected(connection.user().id());
        }
    }

    private String error(String message) {
        return write(Map.of("type", "error", "message", message));
    }

    private String write(Map<String, Object> message) {
        return json.writeValueAsString(new LinkedHashMap<>(message));
    }
}
