-- Invitations and password-reset tokens, in PostgreSQL rather than V1's Redis keys so they survive
-- a Redis restart and are shared by every node. Only the SHA-256 of each token is stored: a copy
-- of the database (a backup, a replica) cannot be used to accept an invitation or reset a password.
-- Additive: two new tables.

-- One pending invitation per email: inviting again replaces the row (and so invalidates the old
-- link, which V1 left valid). Rows go away when accepted or cancelled; the audit trail keeps the history.
CREATE TABLE invitations (
    id          bigserial    PRIMARY KEY,
    email       varchar(255) NOT NULL,
    role        varchar(50)  NOT NULL,
    token_hash  char(64)     NOT NULL UNIQUE,
    -- SET NULL: inviting someone must not stop the inviter's account from being deleted later
    invited_by  integer      REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX uq_invitations_email_lower ON invitations (lower(email));

-- One live reset token per user: asking again replaces it. A token dies with its user.
CREATE TABLE password_reset_tokens (
    user_id     integer      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash  char(64)     NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL
);
