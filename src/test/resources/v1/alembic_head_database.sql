-- Test fixture: a TimeTracker V1 database as `alembic upgrade head` leaves it
-- (head = '007'). Built step by step, one section per Alembic revision, in
-- chain order, with the DDL that SQLAlchemy/Alembic emit for PostgreSQL:
--   001_initial -> 002_payroll_models -> 003_staff_fields -> add_audit_constraints
--   -> 004_account_requests -> 005_add_role -> 006_add_performance_indexes -> 007
-- Deliberately written apart from db/migration/V1__v1_schema.sql: a test builds
-- one database from each and compares the catalogs.
-- Only server-side defaults appear here; Python-side ORM defaults never reach
-- the database, so a real V1 database does not have them.

-- ---------------------------------------------------------------------------
-- 001_initial
-- ---------------------------------------------------------------------------
CREATE TABLE users (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL,
    is_active BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE teams (
    id SERIAL NOT NULL,
    name VARCHAR(255) NOT NULL,
    owner_id INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(owner_id) REFERENCES users (id)
);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (team_id, user_id),
    FOREIGN KEY(team_id) REFERENCES teams (id),
    FOREIGN KEY(user_id) REFERENCES users (id)
);

CREATE TABLE projects (
    id SERIAL NOT NULL,
    team_id INTEGER NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    color VARCHAR(7) NOT NULL,
    is_archived BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(team_id) REFERENCES teams (id)
);

CREATE TABLE tasks (
    id SERIAL NOT NULL,
    project_id INTEGER NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    status VARCHAR(50) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(project_id) REFERENCES projects (id)
);

CREATE TABLE time_entries (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    project_id INTEGER NOT NULL,
    task_id INTEGER,
    start_time TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time TIMESTAMP WITH TIME ZONE,
    duration_seconds INTEGER,
    description TEXT,
    is_running BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(project_id) REFERENCES projects (id),
    FOREIGN KEY(task_id) REFERENCES tasks (id),
    FOREIGN KEY(user_id) REFERENCES users (id)
);

CREATE INDEX ix_time_entries_user_id ON time_entries (user_id);
CREATE INDEX ix_time_entries_project_id ON time_entries (project_id);
CREATE INDEX ix_time_entries_task_id ON time_entries (task_id);
CREATE INDEX ix_time_entries_start_time ON time_entries (start_time);
CREATE INDEX ix_time_entries_created_at ON time_entries (created_at);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_projects_team_id ON projects (team_id);
CREATE INDEX ix_tasks_project_id ON tasks (project_id);

-- ---------------------------------------------------------------------------
-- 002_payroll_models
-- ---------------------------------------------------------------------------
CREATE TABLE pay_rates (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    rate_type VARCHAR(20) DEFAULT 'hourly' NOT NULL,
    base_rate NUMERIC(10, 2) NOT NULL,
    currency VARCHAR(3) DEFAULT 'USD' NOT NULL,
    overtime_multiplier NUMERIC(4, 2) DEFAULT '1.5' NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE,
    is_active BOOLEAN DEFAULT 'true' NOT NULL,
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    FOREIGN KEY(user_id) REFERENCES users (id),
    FOREIGN KEY(created_by) REFERENCES users (id),
    PRIMARY KEY (id)
);
CREATE INDEX ix_pay_rates_id ON pay_rates (id);
CREATE INDEX ix_pay_rates_user_id ON pay_rates (user_id);
CREATE INDEX ix_pay_rates_effective_from ON pay_rates (effective_from);
CREATE INDEX ix_pay_rates_user_effective ON pay_rates (user_id, effective_from);

CREATE TABLE pay_rate_history (
    id SERIAL NOT NULL,
    pay_rate_id INTEGER NOT NULL,
    previous_rate NUMERIC(10, 2) NOT NULL,
    new_rate NUMERIC(10, 2) NOT NULL,
    previous_overtime_multiplier NUMERIC(4, 2),
    new_overtime_multiplier NUMERIC(4, 2),
    changed_by INTEGER NOT NULL,
    change_reason TEXT,
    changed_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    FOREIGN KEY(pay_rate_id) REFERENCES pay_rates (id),
    FOREIGN KEY(changed_by) REFERENCES users (id),
    PRIMARY KEY (id)
);
CREATE INDEX ix_pay_rate_history_id ON pay_rate_history (id);
CREATE INDEX ix_pay_rate_history_pay_rate_id ON pay_rate_history (pay_rate_id);

CREATE TABLE payroll_periods (
    id SERIAL NOT NULL,
    name VARCHAR(255) NOT NULL,
    period_type VARCHAR(20) DEFAULT 'monthly' NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    status VARCHAR(20) DEFAULT 'draft' NOT NULL,
    total_amount NUMERIC(12, 2) DEFAULT '0.00' NOT NULL,
    approved_by INTEGER,
    approved_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    FOREIGN KEY(approved_by) REFERENCES users (id),
    PRIMARY KEY (id)
);
CREATE INDEX ix_payroll_periods_id ON payroll_periods (id);
CREATE INDEX ix_payroll_periods_start_date ON payroll_periods (start_date);
CREATE INDEX ix_payroll_periods_end_date ON payroll_periods (end_date);
CREATE INDEX ix_payroll_periods_status ON payroll_periods (status);
CREATE INDEX ix_payroll_periods_dates ON payroll_periods (start_date, end_date);

CREATE TABLE payroll_entries (
    id SERIAL NOT NULL,
    payroll_period_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    regular_hours NUMERIC(8, 2) DEFAULT '0.00' NOT NULL,
    overtime_hours NUMERIC(8, 2) DEFAULT '0.00' NOT NULL,
    regular_rate NUMERIC(10, 2) DEFAULT '0.00' NOT NULL,
    overtime_rate NUMERIC(10, 2) DEFAULT '0.00' NOT NULL,
    gross_amount NUMERIC(12, 2) DEFAULT '0.00' NOT NULL,
    adjustments_amount NUMERIC(12, 2) DEFAULT '0.00' NOT NULL,
    net_amount NUMERIC(12, 2) DEFAULT '0.00' NOT NULL,
    status VARCHAR(20) DEFAULT 'pending' NOT NULL,
    notes TEXT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    FOREIGN KEY(payroll_period_id) REFERENCES payroll_periods (id),
    FOREIGN KEY(user_id) REFERENCES users (id),
    PRIMARY KEY (id)
);
CREATE INDEX ix_payroll_entries_id ON payroll_entries (id);
CREATE INDEX ix_payroll_entries_payroll_period_id ON payroll_entries (payroll_period_id);
CREATE INDEX ix_payroll_entries_user_id ON payroll_entries (user_id);
CREATE INDEX ix_payroll_entries_period_user ON payroll_entries (payroll_period_id, user_id);

CREATE TABLE payroll_adjustments (
    id SERIAL NOT NULL,
    payroll_entry_id INTEGER NOT NULL,
    adjustment_type VARCHAR(20) NOT NULL,
    description VARCHAR(500) NOT NULL,
    amount NUMERIC(10, 2) NOT NULL,
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    FOREIGN KEY(payroll_entry_id) REFERENCES payroll_entries (id),
    FOREIGN KEY(created_by) REFERENCES users (id),
    PRIMARY KEY (id)
);
CREATE INDEX ix_payroll_adjustments_id ON payroll_adjustments (id);
CREATE INDEX ix_payroll_adjustments_payroll_entry_id ON payroll_adjustments (payroll_entry_id);

-- ---------------------------------------------------------------------------
-- 003_staff_fields
-- ---------------------------------------------------------------------------
ALTER TABLE users ADD COLUMN phone VARCHAR(50);
ALTER TABLE users ADD COLUMN job_title VARCHAR(255);
ALTER TABLE users ADD COLUMN department VARCHAR(255);
ALTER TABLE users ADD COLUMN employment_type VARCHAR(50);
ALTER TABLE users ADD COLUMN start_date DATE;
ALTER TABLE users ADD COLUMN expected_hours_per_week NUMERIC(5, 2);
-- add_column with a ForeignKey: Alembic adds the column, then an unnamed FK
ALTER TABLE users ADD COLUMN manager_id INTEGER;
ALTER TABLE users ADD FOREIGN KEY(manager_id) REFERENCES users (id);
ALTER TABLE users ADD COLUMN emergency_contact_name VARCHAR(255);
ALTER TABLE users ADD COLUMN emergency_contact_phone VARCHAR(50);
ALTER TABLE users ADD COLUMN address TEXT;

CREATE INDEX ix_users_department ON users (department);
CREATE INDEX ix_users_employment_type ON users (employment_type);
CREATE INDEX ix_users_manager_id ON users (manager_id);

-- ---------------------------------------------------------------------------
-- add_audit_constraints
-- ---------------------------------------------------------------------------
CREATE TABLE audit_logs (
    id SERIAL NOT NULL,
    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id INTEGER,
    user_email VARCHAR(255),
    action VARCHAR(50) NOT NULL,
    resource_type VARCHAR(100) NOT NULL,
    resource_id INTEGER,
    ip_address VARCHAR(50),
    user_agent VARCHAR(500),
    old_values TEXT,
    new_values TEXT,
    details TEXT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_logs_timestamp ON audit_logs (timestamp);
CREATE INDEX ix_audit_logs_user_id ON audit_logs (user_id);
CREATE INDEX ix_audit_logs_action ON audit_logs (action);
CREATE INDEX ix_audit_logs_resource_type ON audit_logs (resource_type);

CREATE INDEX ix_time_entries_user_date ON time_entries (user_id, start_time);
CREATE INDEX ix_time_entries_project ON time_entries (project_id, start_time);

ALTER TABLE time_entries
    ADD CONSTRAINT ck_time_entries_positive_duration
    CHECK (duration_seconds IS NULL OR duration_seconds >= 0);

ALTER TABLE time_entries
    ADD CONSTRAINT ck_time_entries_valid_times
    CHECK (end_time IS NULL OR end_time >= start_time);

ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE projects ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE time_entries ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE time_entries ADD COLUMN approval_status VARCHAR(20) DEFAULT 'pending' NOT NULL;
ALTER TABLE time_entries ADD COLUMN approved_by INTEGER;
ALTER TABLE time_entries ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;

-- ---------------------------------------------------------------------------
-- 004_account_requests
-- ---------------------------------------------------------------------------
CREATE TABLE account_requests (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    phone VARCHAR(50),
    job_title VARCHAR(255),
    department VARCHAR(255),
    message TEXT,
    status VARCHAR(50) DEFAULT 'pending' NOT NULL,
    submitted_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW() NOT NULL,
    reviewed_at TIMESTAMP WITHOUT TIME ZONE,
    reviewed_by INTEGER,
    admin_notes TEXT,
    ip_address VARCHAR(45),
    user_agent TEXT,
    CONSTRAINT status_check CHECK (status IN ('pending', 'approved', 'rejected')),
    FOREIGN KEY(reviewed_by) REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_requests_email UNIQUE (email)
);
CREATE INDEX idx_account_requests_status ON account_requests (status);
CREATE INDEX idx_account_requests_email ON account_requests (email);
CREATE INDEX idx_account_requests_submitted ON account_requests USING btree (submitted_at DESC);

-- ---------------------------------------------------------------------------
-- 005_add_role
-- ---------------------------------------------------------------------------
ALTER TABLE team_members ADD COLUMN role VARCHAR(50) DEFAULT 'member' NOT NULL;

-- ---------------------------------------------------------------------------
-- 006_add_performance_indexes (every index IF NOT EXISTS; the three whose
-- names already exist from 002/003 are therefore left as they were)
-- ---------------------------------------------------------------------------
CREATE INDEX IF NOT EXISTS ix_team_members_user_team ON team_members (user_id, team_id);
CREATE INDEX IF NOT EXISTS ix_pay_rates_user_active ON pay_rates (user_id, is_active);
CREATE INDEX IF NOT EXISTS ix_pay_rates_effective_from ON pay_rates (effective_from, is_active);
CREATE INDEX IF NOT EXISTS ix_time_entries_user_start_time ON time_entries (user_id, start_time);
CREATE INDEX IF NOT EXISTS ix_time_entries_project_start_time ON time_entries (project_id, start_time);
CREATE INDEX IF NOT EXISTS ix_payroll_entries_user_period ON payroll_entries (user_id, payroll_period_id);
CREATE INDEX IF NOT EXISTS ix_users_manager_id ON users (manager_id);
CREATE INDEX IF NOT EXISTS ix_users_employment_status ON users (employment_type, is_active);
CREATE INDEX IF NOT EXISTS ix_users_department ON users (department);
CREATE INDEX IF NOT EXISTS ix_account_requests_status_submitted ON account_requests (status, submitted_at);

-- ---------------------------------------------------------------------------
-- 007
-- ---------------------------------------------------------------------------
ALTER TABLE payroll_periods ADD COLUMN selected_user_ids TEXT;
ALTER TABLE payroll_periods ADD COLUMN rate_type_filter VARCHAR(20);

-- ---------------------------------------------------------------------------
-- Alembic's bookkeeping
-- ---------------------------------------------------------------------------
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version VALUES ('007');
