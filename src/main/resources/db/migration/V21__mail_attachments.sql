-- Files sent with an outbox message (mail module), e.g. a scheduled report's CSV or XLSX. Written in
-- the sender's transaction with the message; removed with it. Additive: a new table only.
CREATE TABLE mail_outbox_attachments (
    id           bigserial PRIMARY KEY,
    message_id   bigint    NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    file_name    text      NOT NULL,
    content_type text      NOT NULL,
    content      bytea     NOT NULL
);

CREATE INDEX mail_outbox_attachments_message_idx ON mail_outbox_attachments (message_id);
