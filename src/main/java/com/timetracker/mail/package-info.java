/**
 * Mail: outgoing email, written to a persisted outbox in the sender's transaction and delivered
 * over SMTP with retries, so an SMTP outage or a crash loses nothing; absolute links for emails.
 */
package com.timetracker.mail;
