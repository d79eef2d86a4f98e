-- One running timer per user, enforced by the database (V1 checked it only in the application, so
-- concurrent starts could create two). A V1 database may already hold several running entries for
-- one user: all but the newest are stopped at the moment the next one started — no row is deleted,
-- and the correction is recorded in the audit trail.
WITH ranked AS (
    SELECT id, user_id, start_time,
           lead(start_time) OVER (PARTITION BY user_id ORDER BY start_time, id) AS next_start
    FROM time_entries
    WHERE end_time IS NULL
), stopped AS (
    UPDATE time_entries t
    SET end_time = greatest(r.next_start, t.start_time),
        duration_seconds = floor(extract(epoch FROM greatest(r.next_start, t.start_time) - t.start_time))::int,
        is_running = false,
        updated_at = now()
    FROM ranked r
    WHERE t.id = r.id AND r.next_start IS NOT NULL
    RETURNING t.id, t.user_id
)
INSERT INTO audit_logs ("timestamp", user_id, action, resource_type, resource_id, details)
SELECT now(), user_id, 'UPDATE', 'time_entry', id,
       'upgrade to V2: a second running timer of this user was stopped when the next one started'
FROM stopped;

-- Running entries are those without an end; keep V1's is_running flag consistent with that.
UPDATE time_entries SET is_running = (end_time IS NULL) WHERE is_running <> (end_time IS NULL);

CREATE UNIQUE INDEX uq_time_entries_one_running_per_user ON time_entries (user_id) WHERE end_time IS NULL;
