package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.PasswordHashing;
import com.timetracker.identity.Role;
import com.timetracker.identity.UserPolicy;
import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting people by email: an admin invites, the invitee receives a one-time link, opens it,
 * chooses a name and password and is signed in. V1 kept this in Redis, returned the token to the
 * admin instead of mailing it, and failed every acceptance with a 500.
 */
@Service
class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    record Accepted(UserAccount user, Tokens.Pair tokens) {
    }

    private final PendingInvitations invitations;
    private final UserAccounts users;
    private final PasswordHashing hashing;
    private final SignIn signIn;
    private final AccountEmails emails;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invitations(PendingInvitations invitations, UserAccounts users, PasswordHashing hashing, SignIn signIn, AccountEmails emails,
                MailOutbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.hashing = hashing;
        this.signIn = signIn;
        this.emails = emails;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Sends an invitation, replacing a pending one for the same email (whose link then stops working). */
    @Transactional
    PendingInvitations.Invitation invite(AuthenticatedUser actor, String email, Role role, AuditEvent.Actor audit) {
        UserAdministration.requireManager(actor);
        if (!UserPolicy.canGrant(actor.role(), role)) {
            throw ApiException.forbidden("Only a super admin can invite a super admin");
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (users.emailTaken(address, -1)) {
            throw ApiException.badRequest("User with this email already exists");
        }
        Instant now = clock.instant();
        invitations.deleteExpired(now);
        boolean replacing = invitations.findByEmail(address).map(previous -> {
            if (!UserPolicy.canWithdrawInvitation(actor.role(), roleOf(previous))) {
                throw ApiException.forbidden("A super admin invited this person; only a super admin can replace that invitation");
            }
            return true;
        }).orElse(false);
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = now.plus(VALIDITY);
        OutgoingMail mail;
        try {
            mail = emails.invitation(address, role, actor.name(), token, expiresAt);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("email: '" + email + "' cannot receive mail");
        }
        PendingInvitations.Invitation saved = invitations.save(address, role.value(), token.hash(), actor.id(), now, expiresAt);
        outbox.enqueue(mail);
        events.publishEvent(new AuditEvent("INVITE", "invitation", saved.id(), audit, null,
                Map.of("email", address, "role", role.value(), "expires_at", expiresAt.toString()),
                replacing ? "invitation emailed; it replaces the pending one, whose link no longer works" : "invitation emailed"));
        return saved;
    }

    @Transactional
    void cancel(AuthenticatedUser actor, String email, AuditEvent.Actor audit) {
        UserAdministration.requireManager(actor);
        PendingInvitations.Invitation invitation = invitations.findByEmail(email.strip())
                .filter(found -> !found.expired(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("No pending invitation found for this email"));
        if (!UserPolicy.canWithdrawInvitation(actor.role(), roleOf(invitation))) {
            throw ApiException.forbidden("A super admin invited this person; only a super admin can cancel that invitation");
        }
        invitations.delete(invitation.id());
        events.publishEvent(new AuditEvent("INVITE_CANCEL", "invitation", invitation.id(), audit,
                Map.of("email", invitation.email(), "role", invitation.role()), null, "invitation cancelled; its link no longer works"));
    }

    /** The invitation a link stands for, while it can still be accepted. */
    PendingInvitations.Invitation verify(String token) {
        if (!OneTimeToken.plausible(token)) {
            throw invalidToken();
        }
        return invitations.findByTokenHash(OneTimeToken.hashOf(token))
                .filter(found -> !found.expired(clock.instant()))
                .orElseThrow(Invitations::invalidToken);
    }

    /**
     * Creates the invited account and signs it in. The invitation is used up in the same
     * transaction: a refused password or a taken email rolls back and leaves the link usable.
     */
    @Transactional
    Accepted accept(String token, String name, String password, AuditEvent.Actor anonymous) {
        if (!OneTimeToken.plausible(token)) {
            throw invalidToken();
        }
        PendingInvitations.Invitation invitation = invitations.claim(OneTimeToken.hashOf(token), clock.instant())
                .orElseThrow(Invitations::invalidToken);
        PasswordRules.require(password);
        if (users.emailTaken(invitation.email(), -1)) {
            throw ApiException.badRequest("User with this email already exists");
        }
        Role role = roleOf(invitation);
        long id;
        try {
            id = users.create(invitation.email(), hashing.hash(password), name.strip(), role.value());
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("User with this email already exists"); // created meanwhile by an admin
        }
        UserAccount user = users.findById(id).orElseThrow();
        AuditEvent.Actor newcomer = new AuditEvent.Actor(id, user.email(), anonymous.ipAddress(), anonymous.userAgent());
        events.publishEvent(new AuditEvent("INVITE_ACCEPT", "user", id, newcomer, null,
                Map.of("email", user.email(), "role", role.value(), "name", user.name()),
                "account created from invitation #" + invitation.id()
                        + (invitation.invitedBy() == null ? "" : " sent by user #" + invitation.invitedBy())));
        return new Accepted(user, signIn.openSession(user, newcomer, "signed in by accepting an invitation"));
    }

    /** A role string from a hand-edited row is treated as the least privileged, like everywhere else. */
    private static Role roleOf(PendingInvitations.Invitation invitation) {
        return Role.parse(invitation.role()).orElse(Role.REGULAR_USER);
    }

    private static ApiException invalidToken() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_token", "Invalid or expired invitation token");
    }
}
