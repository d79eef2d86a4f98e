package com.timetracker.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Paging;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * V1's account-request workflow (reference §6.7): a visitor asks for an account, an admin approves
 * (the staff wizard then creates the user through POST /api/users) or rejects it. V2 emails the
 * people involved and lets a person whose request was decided apply again. Callers authorize.
 */
@Service
class AccountRequests {

    static final String PENDING_EXISTS = "There is already a pending account request for this email address";

    /** What a visitor submits, as received (lengths already checked). */
    record Submission(String email, String name, String phone, String jobTitle, String department, String message) {
    }

    private final AccountRequestRows rows;
    private final UserAccounts users;
    private final AccountRequestMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountRequests(AccountRequestRows rows, UserAccounts users, AccountRequestMail mail, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.users = users;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AccountRequest submit(Submission submission, String ip, String userAgent, AuditEvent.Actor audit) {
        String email = mailableEmail(submission.email());
        String name = PlainText.line(submission.name());
        if (name.isEmpty()) {
            throw ApiException.invalid("name: must contain visible characters");
        }
        if (users.emailTaken(email, -1)) {
            throw ApiException.badRequest("An account with this email address already exists");
        }
        if (rows.pendingExists(email)) {
            throw ApiException.badRequest(PENDING_EXISTS);
        }
        long id;
        try {
            id = rows.insertPending(email, name, PlainText.orNull(PlainText.line(submission.phone())),
                    PlainText.orNull(PlainText.line(submission.jobTitle())), PlainText.orNull(PlainText.line(submission.department())),
                    PlainText.orNull(PlainText.paragraphs(submission.message())), clock.instant(),
                    ip == null || ip.length() <= 45 ? ip : ip.substring(0, 45), userAgent);
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest(PENDING_EXISTS); // the same email submitted twice at the same moment
        }
        AccountRequest request = rows.find(id).orElseThrow();
        mail.submitted(request, rows.reviewerEmails());
        events.publishEvent(new AuditEvent("ACCOUNT_REQUEST_SUBMIT", "account_request", id, audit, null,
                Map.of("email", email, "name", name), "account requested"));
        return request;
    }

    AccountRequestRows.Page find(String status, String search, Paging paging) {
        return rows.find(status, search, paging);
    }

    AccountRequest get(long id) {
        return rows.find(id).orElseThrow(() -> ApiException.notFound("Account request not found"));
    }

    /** Marks it approved and tells the requester; the user is created afterwards by the staff wizard. */
    @Transactional
    AccountRequest approve(long id, String adminNotes, AuthenticatedUser reviewer, AuditEvent.Actor audit) {
        AccountRequest approved = decide(id, AccountRequest.APPROVED, adminNotes, reviewer);
        mail.approved(approved);
        events.publishEvent(new AuditEvent("APPROVE", "account_request", id, audit, Map.of("status", AccountRequest.PENDING),
                decision(approved), "account request of " + approved.email() + " approved"));
        return approved;
    }

    @Transactional
    AccountRequest reject(long id, String adminNotes, AuthenticatedUser reviewer, AuditEvent.Actor audit) {
        AccountRequest rejected = decide(id, AccountRequest.REJECTED, adminNotes, reviewer);
        mail.rejected(rejected);
        events.publishEvent(new AuditEvent("REJECT", "account_request", id, audit, Map.of("status", AccountRequest.PENDING),
                decision(rejected), "account request of " + rejected.email() + " rejected"
                        + (rejected.adminNotes() == null ? "" : "; reason: " + rejected.adminNotes())));
        return rejected;
    }

    @Transactional
    void delete(long id, AuditEvent.Actor audit) {
        AccountRequest request = get(id);
        if (!rows.delete(id)) {
            throw ApiException.notFound("Account request not found");
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("email", request.email());
        old.put("name", request.name());
        old.put("status", request.status());
        events.publishEvent(new AuditEvent("DELETE", "account_request", id, audit, old, null, "account request deleted"));
    }

    private AccountRequest decide(long id, String status, String adminNotes, AuthenticatedUser reviewer) {
        String notes = adminNotes == null ? null : PlainText.orNull(PlainText.paragraphs(adminNotes));
        if (!rows.decide(id, status, reviewer.id(), notes, clock.instant())) {
            throw ApiException.badRequest("Request already " + get(id).status());
        }
        return get(id);
    }

    private static Map<String, Object> decision(AccountRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", request.status());
        values.put("reviewed_by", request.reviewedBy());
        values.put("admin_notes", request.adminNotes());
        return values;
    }

    /** Lower-cased (V1 stored it so) and strictly an address mail can go to, since decisions are emailed. */
    private static String mailableEmail(String raw) {
        String email = raw.strip().toLowerCase(Locale.ROOT);
        try {
            new InternetAddress(email, true);
        } catch (AddressException e) {
            throw ApiException.invalid("email: value is not a valid email address");
        }
        return email;
    }
}
