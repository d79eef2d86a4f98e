package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.timetracker.platform.AuditEvent;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/sessions} (reference §3.18) — real now: every sign-in is a session you can end. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    record SessionView(String sessionId, Instant createdAt, Instant lastActivity, String ipAddress, String userAgent,
                       boolean isCurrent) {
    }

    record SessionList(List<SessionView> sessions, int count) {
    }

    private final UserSessions sessions;
    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionController(UserSessions sessions, Requests requests, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping
    SessionList list(@AuthenticationPrincipal AuthenticatedUser user) {
        List<SessionView> views = sessions.activeOf(user.id(), clock.instant()).stream()
                .map(s -> new SessionView(shortId(s.id().toString()), s.createdAt(), s.lastUsedAt(), s.ipAddress(),
                        s.userAgent() == null || s.userAgent().length() <= 100 ? s.userAgent() : s.userAgent().substring(0, 100),
                        s.id().equals(user.sessionId())))
                .toList();
        return new SessionList(views, views.size());
    }

    /** Ends one of the caller's sessions, named by its id or the shortened id the list shows. */
    @DeleteMapping("/{sessionId}")
    @Transactional
    Map<String, Object> revoke(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String sessionId,
                               HttpServletRequest request) {
        String prefix = sessionId.endsWith("...") ? sessionId.substring(0, sessionId.length() - 3) : sessionId;
        Instant now = clock.instant();
        List<UserSessions.Session> matching = prefix.length() < 8 ? List.of() : sessions.activeOf(user.id(), now).stream()
                .filter(s -> s.id().toString().startsWith(prefix.toLowerCase()))
                .toList();
        if (matching.size() != 1) {
            throw ApiException.notFound("Session not found");
        }
        UserSessions.Session target = matching.get(0);
        if (target.id().equals(user.sessionId())) {
            throw ApiException.badRequest("Cannot revoke current session. Use logout instead.");
        }
        sessions.revoke(target.id(), "revoked_by_user", now);
        events.publishEvent(AuditEvent.of("SESSION_REVOKE", "session", user.id(), requests.actor(request, user), "session " + shortId(target.id().toString())));
        return Map.of("message", "Session revoked successfully", "revoked_count", 1);
    }

    @DeleteMapping
    @Transactional
    Map<String, Object> revokeOthers(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        int count = sessions.revokeAllOf(user.id(), user.sessionId(), "revoked_by_user", clock.instant());
        events.publishEvent(AuditEvent.of("SESSION_REVOKE", "session", user.id(), requests.actor(request, user), count + " other session(s)"));
        return Map.of("message", "Revoked " + count + " session(s)", "revoked_count", count);
    }

    private static String shortId(String id) {
        return id.substring(0, 8) + "...";
    }
}
