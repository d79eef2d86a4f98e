package com.timetracker.identity.internal;

import java.time.Instant;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's invitation endpoints under {@code /api/auth} (reference §3.3, #12–14 and #18). The invite
 * response no longer carries the token or a link containing it: the invitee gets it by email.
 */
@RestController
@RequestMapping("/api/auth")
class InvitationController {

    record InviteRequest(@NotBlank @Email @Size(max = 255) String email,
                         @Pattern(regexp = UserController.ROLES, message = "must be one of " + UserController.ROLES) String role) {
    }

    /** V1's {@code {email, role, token, invite_url, expires_at}} without the two fields that held the secret. */
    record InviteResponse(String email, String role, Instant expiresAt) {
    }

    record AcceptRequest(@NotBlank @Size(max = OneTimeToken.MAX_LENGTH) String token, @NotBlank @Size(max = 255) String name,
                         @NotNull @Size(max = 1024) String password) {
    }

    record AcceptedUser(long id, String email, String name, String role) {
    }

    record AcceptResponse(String message, AcceptedUser user, String accessToken, String refreshToken, String tokenType) {
    }

    record InvitationCheck(boolean valid, String email, String role) {
    }

    private final Invitations invitations;
    private final Requests requests;

    InvitationController(Invitations invitations, Requests requests) {
        this.invitations = invitations;
        this.requests = requests;
    }

    @PostMapping("/invite")
    InviteResponse invite(@AuthenticationPrincipal AuthenticatedUser actor, @Valid @RequestBody InviteRequest body,
                          HttpServletRequest request) {
        Role role = body.role() == null ? Role.REGULAR_USER : Role.parse(body.role()).orElseThrow();
        PendingInvitations.Invitation sent = invitations.invite(actor, body.email(), role, requests.actor(request, actor));
        return new InviteResponse(sent.email(), sent.role(), sent.expiresAt());
    }

    @DeleteMapping("/invite/{email}")
    Map<String, String> cancel(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String email, HttpServletRequest request) {
        invitations.cancel(actor, email, requests.actor(request, actor));
        return Map.of("message", "Invitation cancelled");
    }

    @PostMapping("/accept-invite")
    AcceptResponse accept(@Valid @RequestBody AcceptRequest body, HttpServletRequest request) {
        Invitations.Accepted accepted = invitations.accept(body.token(), body.name(), body.password(), requests.anonymous(request, null));
        UserAccount user = accepted.user();
        return new AcceptResponse("Invitation accepted. Welcome to TimeTracker!",
                new AcceptedUser(user.id(), user.email(), user.name(), user.role()),
                accepted.tokens().accessToken(), accepted.tokens().refreshToken(), "bearer");
    }

    @GetMapping("/verify-invite-token/{token}")
    InvitationCheck verify(@PathVariable String token) {
        PendingInvitations.Invitation invitation = invitations.verify(token);
        return new InvitationCheck(true, invitation.email(), invitation.role());
    }
}
