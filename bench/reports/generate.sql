-- Benchmark data for the reports (bench/reports.sh): 500 users in 20 teams of 25, 100 projects
-- (5 per team), and 1,000,000 time entries over the 3 years up to today: working days only, 1–6
-- entries a day in 2-hour slots from 08:00 UTC, about 3 % of days ending with an entry from 22:00
-- across midnight (about 1.07 million generated, a random million kept, inserted in time order),
-- and one running timer per 50 users. Deterministic (setseed). Needs a migrated V2 database with
-- the bench admin (FIRST_SUPER_ADMIN_EMAIL) in it: every bench user gets the admin's password hash,
-- so the measuring script can sign in as any of them.
\set ON_ERROR_STOP on
SELECT setseed(0.42);

INSERT INTO users (email, password_hash, name, role, is_active, created_at, updated_at)
SELECT 'bench-user-' || n || '@example.com', (SELECT password_hash FROM users WHERE email = :'admin_email'),
       'Bench User ' || n, 'regular_user', true, now(), now()
FROM generate_series(1, 500) AS n;

CREATE TEMP TABLE bench_users AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE 'bench-user-%';

INSERT INTO teams (name, owner_id, created_at, updated_at)
SELECT 'Bench Team ' || t, (SELECT id FROM bench_users WHERE n = t), now(), now() FROM generate_series(0, 19) AS t;

CREATE TEMP TABLE bench_teams AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS t FROM teams WHERE name LIKE 'Bench Team %';

-- user n is in team n % 20: the first of each team (n < 20) owns it, the next (20 ≤ n < 40) is its team admin
INSERT INTO team_members (team_id, user_id, role, joined_at)
SELECT bt.id, bu.id, CASE WHEN bu.n < 20 THEN 'owner' WHEN bu.n < 40 THEN 'admin' ELSE 'member' END, now()
FROM bench_users bu JOIN bench_teams bt ON bt.t = bu.n % 20;

INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at)
SELECT bt.id, 'Bench Project ' || bt.t || '-' || p, '#3B82F6', false, now(), now()
FROM bench_teams bt CROSS JOIN generate_series(0, 4) AS p;

CREATE TEMP TABLE bench_projects AS
SELECT p.id, bt.t, row_number() OVER (PARTITION BY bt.t ORDER BY p.id) - 1 AS k
FROM projects p JOIN bench_teams bt ON bt.id = p.team_id;

CREATE TEMP TABLE bench_days AS
SELECT d::date AS day FROM generate_series(current_date - 1095, current_date - 1, interval '1 day') AS d
WHERE extract(isodow FROM d) < 6;

-- per user and working day: how many entries (1–6, mean ≈ 2.6) and whether the last crosses midnight
CREATE TEMP TABLE bench_user_days AS
SELECT user_id, n, day, CASE WHEN r < 0.04 THEN 6 WHEN r < 0.08 THEN 5 ELSE 1 + floor(r2 * 4)::int END AS entries, r3 < 0.03 AS late
FROM (SELECT bu.id AS user_id, bu.n, d.day, random() AS r, random() AS r2, random() AS r3
      FROM bench_users bu CROSS JOIN bench_days d) s;

INSERT INTO time_entries (user_id, project_id, task_id, start_time, end_time, duration_seconds, description, is_running, created_at, updated_at)
SELECT e.user_id, e.project_id, NULL, e.start_time, e.start_time + e.length, extract(epoch FROM e.length)::int,
       'bench entry', false, e.start_time, e.start_time
FROM (
    SELECT ud.user_id, bp.id AS project_id,
           CASE WHEN ud.late AND slot = ud.entries THEN ud.day + time '22:00'
                ELSE ud.day + time '08:00' + (slot - 1) * interval '2 hours' + floor(random() * 10) * interval '1 minute' END AT TIME ZONE 'UTC' AS start_time,
           CASE WHEN ud.late AND slot = ud.entries THEN interval '4 hours'
                ELSE (45 + floor(random() * 60)) * interval '1 minute' END AS length
    FROM bench_user_days ud
    CROSS JOIN LATERAL generate_series(1, ud.entries) AS slot
    JOIN bench_projects bp ON bp.t = ud.n % 20 AND bp.k = (ud.n + slot) % 5
    ORDER BY random()
    LIMIT 1000000
) e
ORDER BY e.start_time; -- stored in the order they were tracked, as a live table is

-- one running timer per 50 users, started an hour ago
INSERT INTO time_entries (user_id, project_id, start_time, is_running, description, created_at, updated_at)
SELECT bu.id, bp.id, now() - interval '1 hour', true, 'bench timer', now(), now()
FROM bench_users bu JOIN bench_projects bp ON bp.t = bu.n % 20 AND bp.k = 0
WHERE bu.n % 50 = 0;

ANALYZE;
SELECT count(*) AS bench_entries FROM time_entries WHERE description LIKE 'bench %';
