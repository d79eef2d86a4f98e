package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.timetracker.identity.PasswordHashing;
import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a one-time link by email, valid one hour, that sets a new password and signs
 * the account out everywhere. V1 wrote the token to its log, sent no email and, on reset, changed
 * nothing.
 */
@Service
class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    static final Duration VALIDITY = Duration.ofHours(1);

    private final PasswordResetTokens tokens;
    private final UserAccounts users;
    private final UserSessions sessions;
    private final LoginLockout lockout;
    private final PasswordHashing hashing;
    private final AccountEmails emails;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(PasswordResetTokens tokens, UserAccounts users, UserSessions sessions, LoginLockout lockout, PasswordHashing hashing,
                   AccountEmails emails, MailOutbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.hashing = hashing;
        this.emails = emails;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Emails a reset link if an active account has this address. The caller learns nothing either
     * way (the endpoint answers the same), so the outcome goes only to the audit trail.
     */
    @Transactional
    void request(String email, AuditEvent.Actor anonymous) {
        Instant now = clock.instant();
        tokens.deleteExpired(now);
        Optional<UserAccount> found = users.findByEmail(email.strip()).filter(UserAccount::usable);
        if (found.isEmpty()) {
            events.publishEvent(AuditEvent.of("PASSWORD_RESET_REQUEST", "user", null, anonymous,
                    "no active account with this email; nothing sent"));
            return;
        }
        UserAccount user = found.get();
        OneTimeToken token = OneTimeToken.generate();
        OutgoingMail mail;
        try {
            mail = emails.passwordReset(user.email(), user.name(), token);
        } catch (IllegalArgumentException e) {
            // an address V1 accepted but mail cannot go to; answering differently would reveal the account
            log.warn("Password reset for user #{} not sent: the stored address cannot receive mail", user.id());
            events.publishEvent(AuditEvent.of("PASSWORD_RESET_REQUEST", "user", user.id(), anonymous,
                    "the account's address cannot receive mail; nothing sent"));
            return;
        }
        tokens.replace(user.id(), token.hash(), now, now.plus(VALIDITY));
        outbox.enqueue(mail);
        events.publishEvent(AuditEvent.of("PASSWORD_RESET_REQUEST", "user", user.id(), anonymous,
                "reset link emailed, valid for 1 hour; any earlier link no longer works"));
    }

    /** The email of the account a link would reset, while it is valid. */
    String verify(String token) {
        if (!OneTimeToken.plausible(token)) {
            throw invalidToken();
        }
        return tokens.userOf(OneTimeToken.hashOf(token), clock.instant())
                .flatMap(users::findById)
                .filter(UserAccount::usable)
                .map(UserAccount::email)
                .orElseThrow(PasswordResets::invalidToken);
    }

    /**
     * Sets the new password and ends every session of the account, since whoever held them may be
     * why the password was reset. A refused password rolls back and leaves the link usable.
     */
    @Transactional
    void reset(String token, String newPassword, AuditEvent.Actor anonymous) {
        if (!OneTimeToken.plausible(token)) {
            throw invalidToken();
        }
        Instant now = clock.instant();
        UserAccount user = tokens.claim(OneTimeToken.hashOf(token), now)
                .flatMap(users::findById)
                .filter(UserAccount::usable)
                .orElseThrow(PasswordResets::invalidToken);
        PasswordRules.require(newPassword);
        users.updatePassword(user.id(), hashing.hash(newPassword));
        int ended = sessions.revokeAllOf(user.id(), null, "password_reset", now);
        // whoever proves they own the mailbox is no longer locked out by failures of the old password
        lockout.unlock(user.email());
        events.publishEvent(AuditEvent.of("PASSWORD_RESET", "user", user.id(),
                new AuditEvent.Actor(user.id(), user.email(), anonymous.ipAddress(), anonymous.userAgent()),
                "password reset by emailed link; " + ended + " session(s) signed out"));
    }

    private static ApiException invalidToken() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_token", "Invalid or expired reset token");
    }
}
