-- Outgoing email (mail module): written in the sender's transaction, delivered over SMTP with
-- retries, so an SMTP outage or a crash loses nothing. Additive: a new table only.
CREATE TABLE mail_outbox (
    id              bigserial   PRIMARY KEY,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text,
    -- Where the sender's secrets (e.g. a reset token) sit in the message above, as
    -- part:offset:length entries, never the secrets themselves: delivery recovers them from the
    -- message to keep them out of last_error and the log.
    secret_spans    text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- The last delivery error, secrets redacted.
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);

-- The delivery query: pending messages by due time (sent and failed rows stay out of the index).
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'pending';
