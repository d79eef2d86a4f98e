package com.timetracker.identity.internal;

import com.timetracker.platform.AuditEvent;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Who and where a request comes from, for sessions, lockout and the audit trail. */
@Component
class Requests {

    private final ClientAddress clientAddress;

    Requests(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    String ip(HttpServletRequest request) {
        return clientAddress.of(request);
    }

    String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? null : agent.length() > 500 ? agent.substring(0, 500) : agent;
    }

    AuditEvent.Actor actor(HttpServletRequest request, AuthenticatedUser user) {
        return clientAddress.actor(request, user == null ? null : user.id(), user == null ? null : user.email());
    }

    AuditEvent.Actor anonymous(HttpServletRequest request, String claimedEmail) {
        return clientAddress.actor(request, null, claimedEmail);
    }
}
