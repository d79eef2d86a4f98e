package com.timetracker.mail.internal;

import java.time.Clock;

import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class JdbcMailOutbox implements MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcMailOutbox.class);

    private final OutboxRows rows;
    private final Clock clock;
    private final boolean smtpConfigured;

    JdbcMailOutbox(OutboxRows rows, ObjectProvider<JavaMailSender> sender, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.smtpConfigured = sender.getIfAvailable() != null;
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        long id = rows.insert(mail, clock.instant());
        if (!smtpConfigured) {
            // Without SMTP (e.g. embedded mode) the log is the only way to see the mail; written
            // once, and only if the caller's transaction commits, like a send would be.
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        logUnsent(id, mail);
                    }
                });
            } else {
                logUnsent(id, mail);
            }
        }
    }

    private static void logUnsent(long id, OutgoingMail mail) {
        Redaction redaction = new Redaction(mail.secrets());
        log.info("""
                        Mail #{} is not sent: SMTP is not configured (set SMTP_SERVER). It waits in the outbox and goes out once SMTP is configured.
                        To: {}
                        Subject: {}

                        {}""", id, redaction.apply(mail.to()), redaction.apply(mail.subject()), redaction.apply(mail.textBody()));
    }
}
