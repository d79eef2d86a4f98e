package com.timetracker.identity.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.timetracker.platform.AuditEvent;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.PasswordHashing;
import com.timetracker.identity.Role;
import com.timetracker.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account: registration, profile, password. */
@Service
class Accounts {

    private final UserAccounts users;
    private final UserSessions sessions;
    private final PasswordHashing hashing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(UserAccounts users, UserSessions sessions, PasswordHashing hashing, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hashing = hashing;
        this.events = events;
        this.clock = clock;
    }

    UserAccount get(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    @Transactional
    UserAccount register(String email, String password, String name, AuditEvent.Actor actor) {
        PasswordRules.require(password);
        if (users.emailTaken(email, -1)) {
            throw ApiException.conflict("Email already registered");
        }
        long id = users.create(email.strip(), hashing.hash(password), name.strip(), Role.REGULAR_USER.value());
        events.publishEvent(new AuditEvent("CREATE", "user", id, actor, null,
                Map.of("email", email.strip().toLowerCase(), "role", Role.REGULAR_USER.value()), "self-registration"));
        return get(id);
    }

    @Transactional
    UserAccount updateProfile(long id, String name, String email, String timezone, AuditEvent.Actor actor) {
        UserAccount current = get(id);
        if (email != null && users.emailTaken(email, id)) {
            throw ApiException.conflict("Email already in use");
        }
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw ApiException.invalid("timezone: '" + timezone + "' is not an IANA time zone such as Europe/Berlin");
            }
        }
        String newName = name == null ? current.name() : name.strip();
        String newEmail = email == null ? current.email() : email.strip();
        String newZone = timezone == null ? current.timezone() : timezone;
        users.updateProfile(id, newName, newEmail, newZone);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        before.put("name", current.name());
        before.put("email", current.email());
        before.put("timezone", current.timezone());
        after.put("name", newName);
        after.put("email", newEmail.toLowerCase());
        after.put("timezone", newZone);
        events.publishEvent(new AuditEvent("UPDATE", "user", id, actor, before, after, "profile update"));
        return get(id);
    }

    /** Changing the password signs out every other session of the user; this one stays. */
    @Transactional
    void changePassword(AuthenticatedUser user, String currentPassword, String newPassword, AuditEvent.Actor actor) {
        UserAccount account = get(user.id());
        if (!hashing.matches(currentPassword, account.passwordHash())) {
            throw ApiException.invalid("Current password is incorrect");
        }
        PasswordRules.require(newPassword);
        users.updatePassword(user.id(), hashing.hash(newPassword));
        int revoked = sessions.revokeAllOf(user.id(), user.sessionId(), "password_change", clock.instant());
        events.publishEvent(AuditEvent.of("PASSWORD_CHANGE", "user", user.id(), actor, revoked + " other session(s) signed out"));
    }
}
