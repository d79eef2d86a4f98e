package com.timetracker.mail;

/**
 * Queues email for delivery. The message is written in the caller's transaction: when the
 * business action rolls back, nothing is sent; once it commits, delivery retries until SMTP
 * accepts the message.
 */
public interface MailOutbox {

    void enqueue(OutgoingMail mail);
}
