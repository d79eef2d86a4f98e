package com.timetracker.identity.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import com.timetracker.identity.Role;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.mail.PublicLinks;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The emails that carry a one-time link: invitation and password reset. Links are built on
 * PUBLIC_URL (V1 guessed the host from the request and swapped :8080 for :5173). The token is
 * declared a secret of the mail, so the outbox never writes it to a log or an error.
 */
@Component
class AccountEmails {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PublicLinks links;

    AccountEmails(PublicLinks links) {
        this.links = links;
    }

    /** @throws IllegalArgumentException when the address cannot receive mail */
    OutgoingMail invitation(String to, Role role, String inviterName, OneTimeToken token, Instant expiresAt) {
        String link = links.link("/accept-invite?token=" + token.value());
        String roleName = role.value().replace('_', ' ');
        String text = """
                Hello,

                %s has invited you to TimeTracker as %s.

                Accept the invitation and choose your password here:
                %s

                The link works once and expires on %s.
                If you did not expect this invitation, you can ignore this email.
                """.formatted(inviterName, roleName, link, EXPIRY.format(expiresAt));
        String html = """
                <p>Hello,</p>
                <p>%s has invited you to TimeTracker as %s.</p>
                <p><a href="%s">Accept the invitation and choose your password</a></p>
                <p>The link works once and expires on %s.<br>If you did not expect this invitation, you can ignore this email.</p>
                """.formatted(HtmlUtils.htmlEscape(inviterName), roleName, HtmlUtils.htmlEscape(link), EXPIRY.format(expiresAt));
        return new OutgoingMail(to, "You are invited to TimeTracker", text, html, Set.of(token.value()));
    }

    /** @throws IllegalArgumentException when the address cannot receive mail */
    OutgoingMail passwordReset(String to, String name, OneTimeToken token) {
        String link = links.link("/reset-password?token=" + token.value());
        String text = """
                Hello %s,

                Someone (hopefully you) asked to reset the password of your TimeTracker account.

                Choose a new password here:
                %s

                The link works once and expires in 1 hour. Setting a new password signs you out on every device.
                If you did not ask for this, ignore this email: your password stays as it is.
                """.formatted(name, link);
        String html = """
                <p>Hello %s,</p>
                <p>Someone (hopefully you) asked to reset the password of your TimeTracker account.</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>The link works once and expires in 1 hour. Setting a new password signs you out on every device.<br>
                If you did not ask for this, ignore this email: your password stays as it is.</p>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(link));
        return new OutgoingMail(to, "Reset your TimeTracker password", text, html, Set.of(token.value()));
    }
}
