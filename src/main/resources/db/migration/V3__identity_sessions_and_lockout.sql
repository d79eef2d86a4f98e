-- Identity: real sessions (one per login; the refresh-token family), durable login lockout,
-- a timezone per user, and case-insensitive unique emails. Additive: no existing row changes.

CREATE TABLE user_sessions (
    id             uuid         PRIMARY KEY,
    user_id        integer      NOT NULL REFERENCES users (id),
    refresh_jti    uuid         NOT NULL,
    user_agent     varchar(500),
    ip_address     varchar(45),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    last_used_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at     timestamptz  NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(50)
);
CREATE INDEX ix_user_sessions_user_active ON user_sessions (user_id) WHERE revoked_at IS NULL;

-- Failed logins counted per account AND client address, so nobody can lock a victim out from elsewhere.
CREATE TABLE login_failures (
    id         bigserial    PRIMARY KEY,
    email      varchar(255) NOT NULL,
    client_ip  varchar(45)  NOT NULL,
    failed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ix_login_failures_key ON login_failures (email, client_ip, failed_at);

CREATE TABLE login_lockouts (
    email        varchar(255) NOT NULL,
    client_ip    varchar(45)  NOT NULL,
    locked_until timestamptz  NOT NULL,
    PRIMARY KEY (email, client_ip)
);

ALTER TABLE users ADD COLUMN timezone varchar(64) NOT NULL DEFAULT 'UTC';

-- Emails are unique regardless of case. A V1 database may hold two emails differing only by case
-- (V1 compared them case-sensitively): then the index is not created and the app reports the
-- pairs at startup instead of failing the upgrade; lookups are case-insensitive either way.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users GROUP BY lower(email) HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX uq_users_email_lower ON users (lower(email));
    ELSE
        RAISE WARNING 'users: emails differing only by case exist; uq_users_email_lower not created';
    END IF;
END $$;
