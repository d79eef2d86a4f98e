-- Reporting (docs/reports.md): what the report queries need, and scheduled reports, which V1 kept
-- in Redis and never ran. Additive: new indexes, one function, two tables.

-- Every report clips entries to its window: an entry counts when its interval [start, end) overlaps
-- the window, whatever the day it started (running entries reach to infinity here, to "now" in the
-- query). A GiST index on the interval answers "overlaps this window" without scanning the
-- history before it, which a b-tree on start_time cannot.
CREATE INDEX ix_time_entries_interval ON time_entries
    USING gist (tstzrange(start_time, coalesce(end_time, 'infinity'::timestamptz), '[)'));

-- Per person (and per project): the entries that end after a window starts, e.g. one user's time
-- this month. A b-tree on the end (infinity while running) reaches them directly; the entries a
-- window also needs to start before its end are filtered from these few.
CREATE INDEX ix_time_entries_user_end ON time_entries (user_id, (coalesce(end_time, 'infinity'::timestamptz)));
CREATE INDEX ix_time_entries_project_end ON time_entries (project_id, (coalesce(end_time, 'infinity'::timestamptz)));

-- The seconds of [entry_start, entry_end) that fall inside [lo, hi), never negative; inlined by the
-- planner (a single SQL expression).
CREATE FUNCTION report_seconds(entry_start timestamptz, entry_end timestamptz, lo timestamptz, hi timestamptz)
    RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT greatest(0, floor(extract(epoch FROM least(entry_end, hi) - greatest(entry_start, lo))))::bigint $$;

-- The day indexes first..last, as generate_series, but estimated at 2 rows: an entry touches one or
-- two days. With generate_series' default estimate of 1000 rows per entry a month's team report
-- looked expensive enough for PostgreSQL's JIT, whose compiling took 1 s of a 10 ms query
-- (docs/performance.md). PL/pgSQL keeps the estimate (a SQL function would be inlined).
CREATE FUNCTION report_day_span(first_day integer, last_day integer) RETURNS SETOF integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE ROWS 2 AS
$$ BEGIN FOR d IN first_day..last_day LOOP RETURN NEXT d; END LOOP; END $$;

CREATE TABLE scheduled_reports (
    id          varchar(8)  PRIMARY KEY,
    user_id     integer     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    template_id text        NOT NULL,
    frequency   text        NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    recipients  text[]      NOT NULL,
    params      text        NOT NULL DEFAULT '{}',
    -- The zone whose 08:00 the report goes out at, and whose days it counts.
    timezone    varchar(64) NOT NULL DEFAULT 'UTC',
    attachment  text        NOT NULL DEFAULT 'csv' CHECK (attachment IN ('csv', 'xlsx')),
    enabled     boolean     NOT NULL DEFAULT true,
    last_sent   timestamptz,
    next_run    timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The scheduler's claim: enabled reports by due time.
CREATE INDEX scheduled_reports_due_idx ON scheduled_reports (next_run) WHERE enabled;
CREATE INDEX scheduled_reports_user_idx ON scheduled_reports (user_id);

CREATE TABLE scheduled_report_runs (
    id            bigserial   PRIMARY KEY,
    report_id     varchar(8)  NOT NULL REFERENCES scheduled_reports (id) ON DELETE CASCADE,
    user_id       integer     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    report_name   text        NOT NULL,
    -- The next_run this run was due at: one run per due time, even if two nodes raced for it.
    due_at        timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('sent', 'failed')),
    recipients    text[]      NOT NULL,
    error         text,
    ran_at        timestamptz NOT NULL,
    UNIQUE (report_id, due_at)
);

CREATE INDEX scheduled_report_runs_user_idx ON scheduled_report_runs (user_id, ran_at DESC);
