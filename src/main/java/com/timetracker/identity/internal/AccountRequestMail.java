package com.timetracker.identity.internal;

import java.util.List;

import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.mail.PublicLinks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The emails of the account-request workflow (V1 sent none): reviewers hear of a new request, the
 * requester hears of the decision. Admin notes stay internal: they are written for colleagues,
 * not for the applicant. Queued in the caller's transaction, so a failed action sends nothing.
 */
@Component
class AccountRequestMail {

    private static final Logger log = LoggerFactory.getLogger(AccountRequestMail.class);

    private final MailOutbox outbox;
    private final PublicLinks links;

    AccountRequestMail(MailOutbox outbox, PublicLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    void submitted(AccountRequest request, List<String> reviewers) {
        String body = """
                %s <%s> asks for a TimeTracker account.

                Job title: %s
                Department: %s
                Phone: %s
                Message:
                %s

                Review it at %s
                """.formatted(request.name(), request.email(), orDash(request.jobTitle()), orDash(request.department()),
                orDash(request.phone()), orDash(request.message()), links.link("/account-requests"));
        for (String reviewer : reviewers) {
            try {
                outbox.enqueue(new OutgoingMail(reviewer, "New account request from " + request.name(), body));
            } catch (IllegalArgumentException e) {
                // An administrator's address that mail cannot use (V1 data) must not refuse the visitor's request.
                log.warn("Account request {}: reviewer not notified: {}", request.id(), e.getMessage());
            }
        }
    }

    void approved(AccountRequest request) {
        outbox.enqueue(new OutgoingMail(request.email(), "Your TimeTracker account request was approved", """
                Hello %s,

                Your request for a TimeTracker account has been approved. An administrator is setting up
                your account and will send you your sign-in details. You will sign in at %s

                Welcome aboard!
                """.formatted(request.name(), links.link("/login"))));
    }

    void rejected(AccountRequest request) {
        outbox.enqueue(new OutgoingMail(request.email(), "Your TimeTracker account request", """
                Hello %s,

                Thank you for your interest. Your request for a TimeTracker account was not approved.
                If you think this is a mistake, please contact your organisation's administrator.
                """.formatted(request.name())));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
