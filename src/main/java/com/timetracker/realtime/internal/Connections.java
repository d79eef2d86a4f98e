package com.timetracker.realtime.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.timetracker.identity.AuthenticatedUser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** The sockets held by this node: several per user (tabs), each with the user it authenticated as. */
@Component
class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    /** A socket and who is on it; sends are serialised by the decorator (broadcasts come from several threads). */
    record Connection(WebSocketSession socket, AuthenticatedUser user) {

        void send(String json) {
            try {
                if (socket.isOpen()) {
                    socket.sendMessage(new TextMessage(json));
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Dropping a message to a closing socket of user {}: {}", user.id(), e.getMessage());
            }
        }

        void close(CloseStatus status) {
            try {
                socket.close(status);
            } catch (IOException e) {
                log.debug("Socket of user {} already closed", user.id());
            }
        }
    }

    private final Map<String, Connection> byId = new ConcurrentHashMap<>();

    Connection add(WebSocketSession socket, AuthenticatedUser user) {
        Connection connection = new Connection(new ConcurrentWebSocketSessionDecorator(socket, 10_000, 1 << 20), user);
        byId.put(socket.getId(), connection);
        return connection;
    }

    void remove(WebSocketSession socket) {
        byId.remove(socket.getId());
    }

    Connection get(WebSocketSession socket) {
        return byId.get(socket.getId());
    }

    Collection<Connection> all() {
        return List.copyOf(byId.values());
    }

    List<Connection> matching(Predicate<Connection> audience) {
        return byId.values().stream().filter(audience).toList();
    }

    Set<Long> onlineUserIds() {
        return Set.copyOf(byId.values().stream().map(c -> c.user().id()).toList());
    }

    int size() {
        return byId.size();
    }
}
