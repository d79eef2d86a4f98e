package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.timetracker.platform.AuditEvent;
import com.timetracker.identity.PasswordHashing;
import com.timetracker.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and staying signed in: login (IP rules, then lockout per account and address; every
 * attempt goes into login history), refresh with rotation and reuse detection, logout. Each login
 * is a session; its refresh tokens form one family.
 */
@Service
class SignIn {

    /** Compared against when the email is unknown, so both cases cost one bcrypt check (no user enumeration by timing). */
    private final String unknownUserHash;

    private final UserAccounts users;
    private final UserSessions sessions;
    private final LoginLockout lockout;
    private final IpRules ipRules;
    private final LoginHistory history;
    private final PasswordHashing hashing;
    private final Tokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignIn(UserAccounts users, UserSessions sessions, LoginLockout lockout, IpRules ipRules, LoginHistory history,
           PasswordHashing hashing, Tokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.ipRules = ipRules;
        this.history = history;
        this.hashing = hashing;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
        this.unknownUserHash = hashing.hash(UUID.randomUUID().toString());
    }

    /**
     * Not one transaction: each step commits on its own, so a failure is recorded even though the
     * request fails, and no database connection is held while bcrypt runs.
     */
    Tokens.Pair login(String email, String password, AuditEvent.Actor actor) {
        String ip = actor.ipAddress();
        IpRuleSet.Verdict verdict = ipRules.decide(ip);
        if (verdict.refused()) {
            // before the lockout and the password: a refused address learns nothing and costs no bcrypt
            history.failed(null, email, actor, verdict.reason);
            events.publishEvent(AuditEvent.of("LOGIN_BLOCKED", "user", null, actor, verdict.reason + ": sign-in from " + ip + " refused"));
            throw new ApiException(HttpStatus.FORBIDDEN, "ip_blocked", verdict.message(ip));
        }
        Optional<Long> locked = lockout.remainingLock(email, ip);
        if (locked.isPresent()) {
            history.failed(null, email, actor, "account_locked");
            events.publishEvent(AuditEvent.of("LOGIN_FAILED", "user", null, actor, "account locked for this address"));
            throw accountLocked(locked.get());
        }
        Optional<UserAccount> found = users.findByEmail(email);
        boolean matches = hashing.matches(password, found.map(UserAccount::passwordHash).orElse(unknownUserHash));
        if (found.isEmpty() || !matches) {
            Optional<Long> nowLocked = lockout.recordFailure(email, ip);
            history.failed(found.map(UserAccount::id).orElse(null), email, actor, "invalid_credentials");
            events.publishEvent(AuditEvent.of("LOGIN_FAILED", "user", found.map(UserAccount::id).orElse(null), actor, "invalid credentials"));
            if (nowLocked.isPresent()) {
                events.publishEvent(AuditEvent.of("ACCOUNT_LOCKED", "user", found.map(UserAccount::id).orElse(null), actor,
                        LoginLockout.MAX_FAILURES + " failed logins from " + ip));
                throw accountLocked(nowLocked.get());
            }
            throw ApiException.unauthorized("Incorrect email or password");
        }
        UserAccount user = found.get();
        if (!user.isActive()) {
            history.failed(user.id(), email, actor, "account_deactivated");
            events.publishEvent(AuditEvent.of("LOGIN_FAILED", "user", user.id(), actor, "account deactivated"));
            throw ApiException.forbidden("User account is deactivated");
        }
        lockout.succeeded(email, ip);
        history.succeeded(user.id(), user.email(), actor).ifPresent(reason -> events.publishEvent(
                AuditEvent.of("SUSPICIOUS_LOGIN", "user", user.id(),
                        new AuditEvent.Actor(user.id(), user.email(), actor.ipAddress(), actor.userAgent()), reason)));
        return openSession(user, actor, "signed in");
    }

    /** Starts a session for a user whose identity is established (password, accepted invitation). */
    @Transactional
    Tokens.Pair openSession(UserAccount user, AuditEvent.Actor actor, String how) {
        UUID sessionId = UUID.randomUUID();
        UUID refreshJti = UUID.randomUUID();
        sessions.create(sessionId, user.id(), refreshJti, actor.userAgent(), actor.ipAddress(), clock.instant(), tokens.refreshExpiry());
        events.publishEvent(AuditEvent.of("LOGIN", "session", user.id(),
                new AuditEvent.Actor(user.id(), user.email(), actor.ipAddress(), actor.userAgent()), how));
        return tokens.issue(user.id(), user.email(), sessionId, refreshJti);
    }

    /**
     * Rotates the refresh token. Presenting one that was already rotated means it was copied:
     * the whole session (token family) is revoked and the caller must sign in again.
     */
    @Transactional(noRollbackFor = ApiException.class)
    Tokens.Pair refresh(String refreshToken, AuditEvent.Actor actor) {
        Tokens.Claims claims = tokens.verify(refreshToken, Tokens.REFRESH)
                .orElseThrow(() -> ApiException.unauthorized("Invalid refresh token"));
        Instant now = clock.instant();
        UserSessions.Session session = sessions.find(claims.sessionId())
                .filter(s -> s.userId() == claims.userId() && s.active(now))
                .orElseThrow(() -> ApiException.unauthorized("Token has been revoked"));
        UserAccount user = users.findById(claims.userId()).filter(UserAccount::usable)
                .orElseThrow(() -> ApiException.unauthorized("User not found or inactive"));
        UUID next = UUID.randomUUID();
        if (!sessions.rotate(session.id(), claims.jti(), next, now, tokens.refreshExpiry())) {
            sessions.revoke(session.id(), "refresh_token_reuse", now);
            events.publishEvent(AuditEvent.of("TOKEN_REUSE", "session", user.id(),
                    new AuditEvent.Actor(user.id(), user.email(), actor.ipAddress(), actor.userAgent()),
                    "a rotated refresh token was presented again; session " + session.id() + " revoked"));
            throw ApiException.unauthorized("This refresh token was already used. The session has been signed out for safety; please sign in again.");
        }
        return tokens.issue(user.id(), user.email(), session.id(), next);
    }

    @Transactional
    void logout(long userId, String email, UUID sessionId, AuditEvent.Actor actor) {
        sessions.revoke(sessionId, "logout", clock.instant());
        events.publishEvent(AuditEvent.of("LOGOUT", "session", userId, actor, "signed out"));
    }

    private static ApiException accountLocked(long remainingSeconds) {
        return new ApiException(HttpStatus.LOCKED, "account_locked",
                "Too many failed sign-in attempts. Try again in " + Math.max(1, (remainingSeconds + 59) / 60) + " minute(s).",
                null, Map.of("lockout_remaining_seconds", remainingSeconds));
    }
}
