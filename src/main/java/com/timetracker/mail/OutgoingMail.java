package com.timetracker.mail;

import java.util.List;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One email to one recipient. {@code secrets} are substrings of the message (a password-reset
 * token, a temporary password) that are sent but never written to a log or an error.
 *
 * @param htmlBody optional; when given the mail carries both parts and clients show the HTML one
 * @param attachments files sent along (e.g. a scheduled report's CSV), stored with the message in the outbox
 */
public record OutgoingMail(String to, String subject, String textBody, String htmlBody, Set<String> secrets, List<Attachment> attachments) {

    /** A file attached to a mail; {@code fileName} is what the recipient sees. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException("An attachment needs a plain file name");
            }
            if (contentType == null || contentType.isBlank()) {
                throw new IllegalArgumentException("An attachment needs a content type");
            }
            content = content == null ? new byte[0] : content.clone();
        }
    }

    public OutgoingMail {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        to = to.strip();
        try {
            new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an email address: '" + to + "'", e);
        }
        if (subject == null || subject.isBlank() || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A mail needs a subject on one line");
        }
        if (textBody == null) {
            throw new IllegalArgumentException("A mail needs a text body");
        }
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (secrets.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("A secret cannot be blank");
        }
    }

    /** A mail without attachments. */
    public OutgoingMail(String to, String subject, String textBody, String htmlBody, Set<String> secrets) {
        this(to, subject, textBody, htmlBody, secrets, List.of());
    }

    /** A plain-text mail without secrets. */
    public OutgoingMail(String to, String subject, String textBody) {
        this(to, subject, textBody, null, Set.of());
    }
}
