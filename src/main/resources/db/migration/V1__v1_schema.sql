-- V1: the TimeTracker V1 schema exactly as V1's Alembic chain leaves it at head '007'
-- (001_initial, 002_payroll_models, 003_staff_fields, add_audit_constraints,
-- 004_account_requests, 005_add_role, 006_add_performance_indexes, 007).
-- On a live V1 database Flyway baselines at this version and this script never runs;
-- it runs only on an empty database, which then matches a live V1 database.
--
-- Names, types, nullability, server defaults, CHECKs, FKs (and their ON DELETE),
-- UNIQUEs and indexes are V1's, including V1's redundant indexes (ix_*_id on
-- primary keys, the 006 duplicates of the add_audit_constraints composites).
-- Column order is the order a migrated V1 database has (ALTER ADD COLUMNs last).
-- No alembic_version table here.
--
-- V1's ORM set some defaults in Python only (users.role, users.is_active, projects.color,
-- projects.is_archived, tasks.status, time_entries.is_running, audit_logs.timestamp), so a V1
-- database has no DEFAULT for them; V2__ adds those defaults on every database alike.

CREATE TABLE users (
    id                      serial       NOT NULL,
    email                   varchar(255) NOT NULL,
    password_hash           varchar(255) NOT NULL,
    name                    varchar(255) NOT NULL,
    role                    varchar(50)  NOT NULL,
    is_active               boolean      NOT NULL,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    phone                   varchar(50),
    job_title               varchar(255),
    department              varchar(255),
    employment_type         varchar(50),
    start_date              date,
    expected_hours_per_week numeric(5,2),
    manager_id              integer,
    emergency_contact_name  varchar(255),
    emergency_contact_phone varchar(50),
    address                 text,
    deleted_at              timestamptz,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES users (id)
);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_department ON users (department);
CREATE INDEX ix_users_employment_type ON users (employment_type);
CREATE INDEX ix_users_manager_id ON users (manager_id);
CREATE INDEX ix_users_employment_status ON users (employment_type, is_active);

CREATE TABLE teams (
    id         serial       NOT NULL,
    name       varchar(255) NOT NULL,
    owner_id   integer      NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT teams_pkey PRIMARY KEY (id),
    CONSTRAINT teams_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id)
);

CREATE TABLE team_members (
    team_id   integer     NOT NULL,
    user_id   integer     NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    role      varchar(50) NOT NULL DEFAULT 'member',
    CONSTRAINT team_members_pkey PRIMARY KEY (team_id, user_id),
    CONSTRAINT team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT team_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_team_members_user_team ON team_members (user_id, team_id);

CREATE TABLE projects (
    id          serial       NOT NULL,
    team_id     integer      NOT NULL,
    name        varchar(255) NOT NULL,
    description text,
    color       varchar(7)   NOT NULL,
    is_archived boolean      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT projects_pkey PRIMARY KEY (id),
    CONSTRAINT projects_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (id)
);
CREATE INDEX ix_projects_team_id ON projects (team_id);

CREATE TABLE tasks (
    id          serial       NOT NULL,
    project_id  integer      NOT NULL,
    name        varchar(255) NOT NULL,
    description text,
    status      varchar(50)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT tasks_pkey PRIMARY KEY (id),
    CONSTRAINT tasks_project_id_fkey FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_tasks_project_id ON tasks (project_id);

-- approval_status/approved_by/approved_at and deleted_at exist only in the DB
-- (never mapped by V1's ORM); approved_by has no FK in V1.
CREATE TABLE time_entries (
    id               serial      NOT NULL,
    user_id          integer     NOT NULL,
    project_id       integer     NOT NULL,
    task_id          integer,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz,
    duration_seconds integer,
    description      text,
    is_running       boolean     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    approval_status  varchar(20) NOT NULL DEFAULT 'pending',
    approved_by      integer,
    approved_at      timestamptz,
    CONSTRAINT time_entries_pkey PRIMARY KEY (id),
    CONSTRAINT time_entries_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT time_entries_project_id_fkey FOREIGN KEY (project_id) REFERENCES projects (id),
    CONSTRAINT time_entries_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks (id),
    CONSTRAINT ck_time_entries_positive_duration
        CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
    CONSTRAINT ck_time_entries_valid_times
        CHECK (end_time IS NULL OR end_time >= start_time)
);
CREATE INDEX ix_time_entries_user_id ON time_entries (user_id);
CREATE INDEX ix_time_entries_project_id ON time_entries (project_id);
CREATE INDEX ix_time_entries_task_id ON time_entries (task_id);
CREATE INDEX ix_time_entries_start_time ON time_entries (start_time);
CREATE INDEX ix_time_entries_created_at ON time_entries (created_at);
-- the next two pairs cover the same columns (V1 created both pairs)
CREATE INDEX ix_time_entries_user_date ON time_entries (user_id, start_time);
CREATE INDEX ix_time_entries_user_start_time ON time_entries (user_id, start_time);
CREATE INDEX ix_time_entries_project ON time_entries (project_id, start_time);
CREATE INDEX ix_time_entries_project_start_time ON time_entries (project_id, start_time);

CREATE TABLE pay_rates (
    id                  serial       NOT NULL,
    user_id             integer      NOT NULL,
    rate_type           varchar(20)  NOT NULL DEFAULT 'hourly',
    base_rate           numeric(10,2) NOT NULL,
    currency            varchar(3)   NOT NULL DEFAULT 'USD',
    overtime_multiplier numeric(4,2) NOT NULL DEFAULT '1.5',
    effective_from      date         NOT NULL,
    effective_to        date,
    is_active           boolean      NOT NULL DEFAULT true,
    created_by          integer      NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pay_rates_pkey PRIMARY KEY (id),
    CONSTRAINT pay_rates_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT pay_rates_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
);
CREATE INDEX ix_pay_rates_id ON pay_rates (id);
CREATE INDEX ix_pay_rates_user_id ON pay_rates (user_id);
-- single column: 006 asked for (effective_from, is_active) under this name, but
-- with IF NOT EXISTS, so V1 kept the 002 index
CREATE INDEX ix_pay_rates_effective_from ON pay_rates (effective_from);
CREATE INDEX ix_pay_rates_user_effective ON pay_rates (user_id, effective_from);
CREATE INDEX ix_pay_rates_user_active ON pay_rates (user_id, is_active);

CREATE TABLE pay_rate_history (
    id                           serial        NOT NULL,
    pay_rate_id                  integer       NOT NULL,
    previous_rate                numeric(10,2) NOT NULL,
    new_rate                     numeric(10,2) NOT NULL,
    previous_overtime_multiplier numeric(4,2),
    new_overtime_multiplier      numeric(4,2),
    changed_by                   integer       NOT NULL,
    change_reason                text,
    changed_at                   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pay_rate_history_pkey PRIMARY KEY (id),
    CONSTRAINT pay_rate_history_pay_rate_id_fkey FOREIGN KEY (pay_rate_id) REFERENCES pay_rates (id),
    CONSTRAINT pay_rate_history_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES users (id)
);
CREATE INDEX ix_pay_rate_history_id ON pay_rate_history (id);
CREATE INDEX ix_pay_rate_history_pay_rate_id ON pay_rate_history (pay_rate_id);

CREATE TABLE payroll_periods (
    id                serial        NOT NULL,
    name              varchar(255)  NOT NULL,
    period_type       varchar(20)   NOT NULL DEFAULT 'monthly',
    start_date        date          NOT NULL,
    end_date          date          NOT NULL,
    status            varchar(20)   NOT NULL DEFAULT 'draft',
    total_amount      numeric(12,2) NOT NULL DEFAULT '0.00',
    approved_by       integer,
    approved_at       timestamptz,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    selected_user_ids text,
    rate_type_filter  varchar(20),
    CONSTRAINT payroll_periods_pkey PRIMARY KEY (id),
    CONSTRAINT payroll_periods_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES users (id)
);
CREATE INDEX ix_payroll_periods_id ON payroll_periods (id);
CREATE INDEX ix_payroll_periods_start_date ON payroll_periods (start_date);
CREATE INDEX ix_payroll_periods_end_date ON payroll_periods (end_date);
CREATE INDEX ix_payroll_periods_status ON payroll_periods (status);
CREATE INDEX ix_payroll_periods_dates ON payroll_periods (start_date, end_date);

-- not unique on (payroll_period_id, user_id) in V1
CREATE TABLE payroll_entries (
    id                 serial        NOT NULL,
    payroll_period_id  integer       NOT NULL,
    user_id            integer       NOT NULL,
    regular_hours      numeric(8,2)  NOT NULL DEFAULT '0.00',
    overtime_hours     numeric(8,2)  NOT NULL DEFAULT '0.00',
    regular_rate       numeric(10,2) NOT NULL DEFAULT '0.00',
    overtime_rate      numeric(10,2) NOT NULL DEFAULT '0.00',
    gross_amount       numeric(12,2) NOT NULL DEFAULT '0.00',
    adjustments_amount numeric(12,2) NOT NULL DEFAULT '0.00',
    net_amount         numeric(12,2) NOT NULL DEFAULT '0.00',
    status             varchar(20)   NOT NULL DEFAULT 'pending',
    notes              text,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT payroll_entries_pkey PRIMARY KEY (id),
    CONSTRAINT payroll_entries_payroll_period_id_fkey FOREIGN KEY (payroll_period_id) REFERENCES payroll_periods (id),
    CONSTRAINT payroll_entries_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_payroll_entries_id ON payroll_entries (id);
CREATE INDEX ix_payroll_entries_payroll_period_id ON payroll_entries (payroll_period_id);
CREATE INDEX ix_payroll_entries_user_id ON payroll_entries (user_id);
CREATE INDEX ix_payroll_entries_period_user ON payroll_entries (payroll_period_id, user_id);
CREATE INDEX ix_payroll_entries_user_period ON payroll_entries (user_id, payroll_period_id);

CREATE TABLE payroll_adjustments (
    id               serial        NOT NULL,
    payroll_entry_id integer       NOT NULL,
    adjustment_type  varchar(20)   NOT NULL,
    description      varchar(500)  NOT NULL,
    amount           numeric(10,2) NOT NULL,
    created_by       integer       NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT payroll_adjustments_pkey PRIMARY KEY (id),
    CONSTRAINT payroll_adjustments_payroll_entry_id_fkey FOREIGN KEY (payroll_entry_id) REFERENCES payroll_entries (id),
    CONSTRAINT payroll_adjustments_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
);
CREATE INDEX ix_payroll_adjustments_id ON payroll_adjustments (id);
CREATE INDEX ix_payroll_adjustments_payroll_entry_id ON payroll_adjustments (payroll_entry_id);

-- submitted_at / reviewed_at are timestamp WITHOUT time zone in V1 (UTC by convention).
CREATE TABLE account_requests (
    id           serial       NOT NULL,
    email        varchar(255) NOT NULL,
    name         varchar(255) NOT NULL,
    phone        varchar(50),
    job_title    varchar(255),
    department   varchar(255),
    message      text,
    status       varchar(50)  NOT NULL DEFAULT 'pending',
    submitted_at timestamp    NOT NULL DEFAULT now(),
    reviewed_at  timestamp,
    reviewed_by  integer,
    admin_notes  text,
    ip_address   varchar(45),
    user_agent   text,
    CONSTRAINT account_requests_pkey PRIMARY KEY (id),
    CONSTRAINT uq_account_requests_email UNIQUE (email),
    CONSTRAINT status_check CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT account_requests_reviewed_by_fkey FOREIGN KEY (reviewed_by)
        REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX idx_account_requests_status ON account_requests (status);
CREATE INDEX idx_account_requests_email ON account_requests (email);
CREATE INDEX idx_account_requests_submitted ON account_requests (submitted_at DESC);
CREATE INDEX ix_account_requests_status_submitted ON account_requests (status, submitted_at);

-- user_id is the actor, deliberately without FK in V1.
CREATE TABLE audit_logs (
    id            serial       NOT NULL,
    "timestamp"   timestamptz  NOT NULL,
    user_id       integer,
    user_email    varchar(255),
    action        varchar(50)  NOT NULL,
    resource_type varchar(100) NOT NULL,
    resource_id   integer,
    ip_address    varchar(50),
    user_agent    varchar(500),
    old_values    text,
    new_values    text,
    details       text,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_audit_logs_timestamp ON audit_logs ("timestamp");
CREATE INDEX ix_audit_logs_user_id ON audit_logs (user_id);
CREATE INDEX ix_audit_logs_action ON audit_logs (action);
CREATE INDEX ix_audit_logs_resource_type ON audit_logs (resource_type);
