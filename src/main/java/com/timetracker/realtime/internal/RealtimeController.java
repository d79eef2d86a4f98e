package com.timetracker.realtime.internal;

import java.util.List;
import java.util.Map;

import com.timetracker.identity.AccessTokens;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.tracking.ActiveTimers;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's two HTTP helpers of the WebSocket router. V1 required {@code ?token=} but never checked it;
 * V2 checks it (or the Authorization header) and scopes the answers.
 */
@RestController
@RequestMapping("/api/ws")
class RealtimeController {

    private final AccessTokens accessTokens;
    private final ActiveTimers activeTimers;
    private final OnlineUsers onlineUsers;
    private final SocketTickets tickets;

    RealtimeController(AccessTokens accessTokens, ActiveTimers activeTimers, OnlineUsers onlineUsers, SocketTickets tickets) {
        this.accessTokens = accessTokens;
        this.activeTimers = activeTimers;
        this.onlineUsers = onlineUsers;
        this.tickets = tickets;
    }

    /** A one-use ticket to open the WebSocket with ({@code /api/ws/ws?ticket=}), for the caller's bearer token. */
    @PostMapping("/ticket")
    Map<String, Object> ticket(@AuthenticationPrincipal AuthenticatedUser principal,
                               @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (principal == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Could not validate credentials");
        }
        return Map.of("ticket", tickets.issue(authorization.substring(7).strip()), "expires_in", SocketTickets.LIFETIME.toSeconds());
    }

    @GetMapping("/active-timers")
    Map<String, Object> activeTimers(@AuthenticationPrincipal AuthenticatedUser principal, @RequestParam(required = false) String token,
                                     @RequestParam(name = "team_id", required = false) Long teamId) {
        List<ActiveTimers.ActiveTimer> timers = activeTimers.visibleTo(caller(principal, token)).stream()
                .filter(t -> teamId == null || t.teamId() == teamId).toList();
        return Map.of("timers", timers, "count", timers.size());
    }

    @GetMapping("/online-users")
    Map<String, Object> onlineUsers(@AuthenticationPrincipal AuthenticatedUser principal, @RequestParam(required = false) String token) {
        List<Long> users = onlineUsers.visibleTo(caller(principal, token));
        return Map.of("users", users, "count", users.size());
    }

    private AuthenticatedUser caller(AuthenticatedUser principal, String token) {
        if (principal != null) {
            return principal;
        }
        AccessTokens.Verdict verdict = token == null ? null : accessTokens.authenticate(token);
        if (verdict == null || !verdict.accepted()) {
            throw verdict != null && verdict.refusal() == AccessTokens.Refusal.USER_DEACTIVATED
                    ? ApiException.forbidden("User account is deactivated")
                    : ApiException.unauthorized("Could not validate credentials");
        }
        return verdict.user();
    }
}
