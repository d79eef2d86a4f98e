package com.timetracker.mail.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.timetracker.mail.OutgoingMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table. */
@Repository
class OutboxRows {

    /** A message as delivery reads it. */
    record Message(long id, String recipient, String subject, String textBody, String htmlBody, String secretSpans, int attempts) {

        Set<String> secrets() {
            return SecretSpans.recover(secretSpans, recipient, subject, textBody, htmlBody);
        }
    }

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction, if any (JdbcClient takes the transaction-bound connection). */
    long insert(OutgoingMail mail, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, text_body, html_body, secret_spans, next_attempt_at, created_at)
                        VALUES (:recipient, :subject, :text, :html, :spans, :now, :now) RETURNING id""")
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.textBody())
                .param("html", mail.htmlBody())
                .param("spans", SecretSpans.locate(mail))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        for (OutgoingMail.Attachment a : mail.attachments()) {
            jdbc.sql("INSERT INTO mail_outbox_attachments (message_id, file_name, content_type, content) VALUES (:id, :name, :type, :content)")
                    .param("id", id).param("name", a.fileName()).param("type", a.contentType()).param("content", a.content()).update();
        }
        return id;
    }

    List<OutgoingMail.Attachment> attachments(long messageId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM mail_outbox_attachments WHERE message_id = :id ORDER BY id")
                .param("id", messageId)
                .query((rs, n) -> new OutgoingMail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /**
     * Locks the oldest due message until the caller's transaction ends. Rows other workers hold are
     * skipped, not waited for: two nodes never send one message twice, and never queue behind each other.
     */
    Optional<Message> lockNextDue(Instant now) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, text_body, html_body, secret_spans, attempts
                        FROM mail_outbox
                        WHERE status = 'pending' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query(Rows.of(Message.class))
                .optional();
    }

    void markSent(long id, int attempts, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = 'sent', attempts = :attempts, sent_at = :now, last_error = NULL WHERE id = :id")
                .param("id", id).param("attempts", attempts).param("now", Timestamp.from(now)).update();
    }

    void scheduleRetry(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :next, last_error = :error WHERE id = :id")
                .param("id", id).param("attempts", attempts).param("next", Timestamp.from(nextAttempt)).param("error", error)
                .update();
    }

    void markFailed(long id, int attempts, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = 'failed', attempts = :attempts, last_error = :error WHERE id = :id")
                .param("id", id).param("attempts", attempts).param("error", error).update();
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'pending'").query(Long.class).single();
    }
}
