-- IP security (identity module): allow/deny rules enforced on every API request, and a record of
-- every sign-in attempt with the addresses it came from. V1 kept both in Redis and never used
-- them; here they are durable and shared by every app node. Additive: new tables and indexes only.

-- One row per rule. cidr holds the canonical form written by the app: a single address
-- ('203.0.113.7', '2001:db8::1') or a network with its host bits cleared ('10.0.0.0/8').
CREATE TABLE ip_rules (
    id        bigserial    PRIMARY KEY,
    kind      varchar(5)   NOT NULL CHECK (kind IN ('allow', 'deny')),
    cidr      varchar(50)  NOT NULL,
    reason    varchar(500),
    -- the administrator's email, kept as text so the rule outlives their account
    added_by  varchar(255),
    added_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_ip_rules_kind_cidr UNIQUE (kind, cidr)
);

-- Every sign-in attempt, successful or not, including those for emails no account has.
-- suspicious_reason is set when a user signs in successfully from an address none of their earlier
-- successful sign-ins came from; the suspicious list is these rows.
CREATE TABLE login_history (
    id                bigserial    PRIMARY KEY,
    user_id           integer      REFERENCES users (id) ON DELETE SET NULL,
    email             varchar(255) NOT NULL,
    ip_address        varchar(64)  NOT NULL,
    user_agent        varchar(500),
    success           boolean      NOT NULL,
    reason            varchar(50),
    suspicious_reason varchar(300),
    occurred_at       timestamptz  NOT NULL DEFAULT now()
);
-- per-email history, newest first (emails are stored lower-case)
CREATE INDEX ix_login_history_email ON login_history (email, occurred_at DESC, id DESC);
-- "has this user signed in from this address before?" at every successful sign-in
CREATE INDEX ix_login_history_user_address ON login_history (user_id, ip_address) WHERE success;
-- the suspicious list and its count
CREATE INDEX ix_login_history_suspicious ON login_history (occurred_at DESC, id DESC) WHERE suspicious_reason IS NOT NULL;

-- The admin check and clear-attempts endpoints look login failures and locks up by address alone.
CREATE INDEX ix_login_failures_client_ip ON login_failures (client_ip, failed_at);
CREATE INDEX ix_login_lockouts_client_ip ON login_lockouts (client_ip);
