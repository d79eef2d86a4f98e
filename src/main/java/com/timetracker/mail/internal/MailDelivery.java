package com.timetracker.mail.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.timetracker.mail.OutgoingMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages over SMTP. Each message is locked, sent and marked in one transaction
 * of its own: a message and its outcome commit together, concurrent workers (other threads, other
 * nodes) skip what another holds, and a crash can repeat at most the one message in flight.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final OutboxRows rows;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailDelivery(OutboxRows rows, ObjectProvider<JavaMailSender> sender, MailSettings settings,
                 TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.sender = sender.getIfAvailable();
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (sender == null) {
            log.info("Outgoing mail is not sent: SMTP_SERVER is not set. Mail waits in the outbox ({} pending) and each message is written to this log.",
                    rows.countPending());
        } else if (sender instanceof JavaMailSenderImpl smtp) {
            log.info("Outgoing mail goes to SMTP {}:{} from {}", smtp.getHost(), smtp.getPort(), settings.from());
        }
    }

    /** Sends up to a batch of due messages; without SMTP it does nothing, and the messages wait. */
    @Scheduled(fixedDelayString = "${timetracker.mail.poll-interval:2s}")
    void deliverDue() {
        if (sender == null) {
            return;
        }
        try {
            for (int i = 0; i < settings.batchSize(); i++) {
                if (!Boolean.TRUE.equals(transaction.execute(status -> deliverNext()))) {
                    return;
                }
            }
        } catch (DataAccessException e) {
            // Nothing is lost: the messages stay pending. One line per run, no stack trace every poll.
            log.warn("Mail delivery skipped a run: the database did not answer ({})", e.getMostSpecificCause().toString());
        }
    }

    /** @return whether to go on with the next message */
    private boolean deliverNext() {
        return rows.lockNextDue(clock.instant()).map(this::deliver).orElse(false);
    }

    /** @return false when the server itself is unreachable or refuses the login */
    private boolean deliver(OutboxRows.Message message) {
        int attempts = message.attempts() + 1;
        String error;
        boolean serverDown;
        try {
            sender.send(mime(message));
            error = null;
            serverDown = false;
        } catch (MessagingException | RuntimeException e) {
            // The exception itself is never logged: its message, or a cause's, may quote the mail.
            error = describe(e, new Redaction(message.secrets()));
            serverDown = serverDown(e);
        }
        if (error == null) {
            rows.markSent(message.id(), attempts, clock.instant());
            return true;
        }
        Optional<Duration> retry = settings.retry().delayAfter(attempts);
        if (retry.isPresent()) {
            Instant next = clock.instant().plus(retry.get());
            rows.scheduleRetry(message.id(), attempts, next, error);
            log.warn("Mail #{} to {} not sent (attempt {} of {}), next attempt at {}: {}", message.id(),
                    message.recipient(), attempts, settings.retry().maxAttempts(), next, error);
        } else {
            rows.markFailed(message.id(), attempts, error);
            log.error("Mail #{} to {} not sent and given up after {} attempts: {}", message.id(), message.recipient(), attempts, error);
        }
        // The rest of the batch would wait out the same timeout, one by one, holding the scheduler
        // thread: they keep their attempts and go out in a later run.
        return !serverDown;
    }

    private static boolean serverDown(Exception e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private MimeMessage mime(OutboxRows.Message message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        boolean html = message.htmlBody() != null;
        List<OutgoingMail.Attachment> attachments = rows.attachments(message.id());
        MimeMessageHelper helper = new MimeMessageHelper(mime, html || !attachments.isEmpty(), StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (html) {
            helper.setText(message.textBody(), message.htmlBody());
        } else {
            helper.setText(message.textBody());
        }
        for (OutgoingMail.Attachment a : attachments) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        return mime;
    }

    /**
     * The exception and its root cause on one line, with the message's secrets redacted.
     */
    private static String describe(Exception e, Redaction redaction) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && (e.getMessage() == null || root.getMessage() == null || !e.getMessage().contains(root.getMessage()))) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        // Redacted before anything else, so neither folding nor the cut below can split a secret.
        String redacted = redaction.apply(text).replaceAll("\\s+", " ").strip();
        return redacted.length() <= MAX_ERROR_LENGTH ? redacted : redacted.substring(0, MAX_ERROR_LENGTH) + "...";
    }
}
