-- Test fixture: realistic rows for all 13 V1 tables, as a live V1 database would
-- hold them. Applies on top of either db/migration/V1__v1_schema.sql or
-- v1/alembic_head_database.sql (every column that V1 had no server default for is
-- given explicitly). Ids are explicit; the sequences are moved past them at the end.
-- All timestamptz literals are UTC; account_requests.submitted_at/reviewed_at are
-- timestamp without time zone holding UTC, as V1 wrote them.
--
-- Users (password_hash = real bcrypt, cost 12, $2b$):
--   id 1  Alice@Example.com        Alice-SuperAdmin-2025   super_admin   active  (mixed-case email)
--   id 2  bob.admin@example.com    Bob-Admin-2025          admin         active
--   id 3  carol@example.com        Carol-Worker-2025       regular_user  active
--   id 4  dave@example.com         Dave-Contractor-2025    regular_user  active
--   id 5  erin.former@example.com  Erin-Inactive-2025      regular_user  INACTIVE
--
-- Teams: 1 Engineering (owner Bob; Carol team-admin; Dave member)
--        2 Design      (owner Carol; Dave team-admin; Erin member)
-- Dave (id 4) has the one running timer (time_entries id 11).

INSERT INTO users (id, email, password_hash, name, role, is_active, created_at, updated_at,
                   phone, job_title, department, employment_type, start_date,
                   expected_hours_per_week, manager_id, emergency_contact_name,
                   emergency_contact_phone, address, deleted_at)
VALUES
    (1, 'Alice@Example.com', '$2b$12$gO3..pwcqVb4DMzX8LKKReTTDMExpTjD/dIWe6IcEJPZ2KjhXYdv2',
     'Alice Anders', 'super_admin', true, '2025-01-02 08:00:00+00', '2025-01-02 08:00:00+00',
     '+1 555 0100', 'Operations Director', 'Operations', 'full_time', '2024-03-01',
     40.00, NULL, 'Arthur Anders', '+1 555 0101', '12 Harbor Street, Springfield', NULL),
    (2, 'bob.admin@example.com', '$2b$12$.1AK8Iynq.J/vuwtBjvL/.UQtPBWphNeFWylDU5YB4D81O1UjF2qG',
     'Bob Brennan', 'admin', true, '2025-01-03 09:15:00+00', '2025-02-10 16:20:00+00',
     '+1 555 0110', 'Engineering Manager', 'Engineering', 'full_time', '2024-06-15',
     40.00, 1, NULL, NULL, NULL, NULL),
    (3, 'carol@example.com', '$2b$12$HT.x2NpskQAJsVb7pw9ZsuWEMobHRKU6rTsWx4cFyEKMaazfvS49G',
     'Carol Chen', 'regular_user', true, '2025-01-06 10:00:00+00', '2025-12-01 08:05:00+00',
     '+1 555 0120', 'Senior Developer', 'Engineering', 'full_time', '2025-01-06',
     40.00, 2, 'Chris Chen', '+1 555 0121', '48 Maple Avenue, Springfield', NULL),
    (4, 'dave@example.com', '$2b$12$LRjiLAPxZURYeZD2UMOYvue1.5AsdCuBHNLf3dFAAX45EFzw.PukC',
     'Dave Diaz', 'regular_user', true, '2025-06-01 09:00:05+00', '2025-06-01 09:00:05+00',
     NULL, 'Contract Designer', 'Design', 'contractor', '2025-06-01',
     20.50, 2, NULL, NULL, NULL, NULL),
    (5, 'erin.former@example.com', '$2b$12$XRWQ0DHaD.tQHPoH44ouwOS4dh4qjf9vtwuVB5v9z7ulZ6gyyYfjC',
     'Erin Evans', 'regular_user', false, '2025-02-17 11:30:00+00', '2025-11-03 17:45:00+00',
     '+1 555 0140', 'UX Researcher', 'Design', 'part_time', '2025-02-17',
     24.00, 3, NULL, NULL, NULL, NULL);

INSERT INTO teams (id, name, owner_id, created_at, updated_at)
VALUES
    (1, 'Engineering', 2, '2025-01-03 09:30:00+00', '2025-01-03 09:30:00+00'),
    (2, 'Design', 3, '2025-02-17 12:00:00+00', '2025-06-01 09:10:00+00');

INSERT INTO team_members (team_id, user_id, role, joined_at)
VALUES
    (1, 2, 'owner',  '2025-01-03 09:30:00+00'),
    (1, 3, 'admin',  '2025-01-06 10:05:00+00'),
    (1, 4, 'member', '2025-06-01 09:05:00+00'),
    (2, 3, 'owner',  '2025-02-17 12:00:00+00'),
    (2, 4, 'admin',  '2025-06-01 09:10:00+00'),
    (2, 5, 'member', '2025-02-17 12:05:00+00');

INSERT INTO projects (id, team_id, name, description, color, is_archived, created_at, updated_at, deleted_at)
VALUES
    (1, 1, 'Backend API', 'Core REST API and auth', '#3B82F6', false,
     '2025-01-03 10:00:00+00', '2025-01-03 10:00:00+00', NULL),
    (2, 1, 'Mobile App', 'iOS and Android clients', '#10B981', false,
     '2025-03-10 14:00:00+00', '2025-03-10 14:00:00+00', NULL),
    (3, 1, 'Legacy Portal', 'Old customer portal, retired', '#6B7280', true,
     '2025-01-04 09:00:00+00', '2025-11-20 15:30:00+00', NULL),
    (4, 2, 'Brand Refresh', NULL, '#F59E0B', false,
     '2025-02-18 09:00:00+00', '2025-02-18 09:00:00+00', NULL);

INSERT INTO tasks (id, project_id, name, description, status, created_at, updated_at)
VALUES
    (1, 1, 'Auth endpoints', 'Login, refresh and logout', 'DONE',
     '2025-01-03 10:30:00+00', '2025-12-15 11:00:00+00'),
    (2, 1, 'Payroll export', NULL, 'IN_PROGRESS',
     '2025-11-25 09:00:00+00', '2025-12-01 13:00:00+00'),
    (3, 2, 'Offline sync', 'Queue edits while offline', 'TODO',
     '2025-11-28 16:00:00+00', '2025-11-28 16:00:00+00'),
    (4, 4, 'Logo concepts', NULL, 'IN_PROGRESS',
     '2025-02-18 09:30:00+00', '2025-10-20 11:30:00+00'),
    (5, 3, 'Decommission servers', NULL, 'DONE',
     '2025-10-01 08:00:00+00', '2025-11-20 15:00:00+00');

INSERT INTO time_entries (id, user_id, project_id, task_id, start_time, end_time, duration_seconds,
                          description, is_running, created_at, updated_at, deleted_at,
                          approval_status, approved_by, approved_at)
VALUES
    (1, 3, 1, 1, '2025-12-01 09:00:00+00', '2025-12-01 12:30:00+00', 12600,
     'Refresh token rotation', false, '2025-12-01 09:00:00+00', '2025-12-01 12:30:00+00', NULL,
     'approved', 2, '2025-12-02 10:00:00+00'),
    (2, 3, 1, 2, '2025-12-01 13:15:00+00', '2025-12-01 17:45:00+00', 16200,
     'CSV export draft', false, '2025-12-01 13:15:00+00', '2025-12-01 17:45:00+00', NULL,
     'approved', 2, '2025-12-02 10:00:00+00'),
    (3, 3, 2, 3, '2025-12-02 09:30:00+00', '2025-12-02 11:00:00+00', 5400,
     NULL, false, '2025-12-02 09:30:00+00', '2025-12-02 11:00:00+00', NULL,
     'pending', NULL, NULL),
    (4, 4, 1, 2, '2025-12-03 08:00:00+00', '2025-12-03 12:00:00+00', 14400,
     'Export layout review', false, '2025-12-03 08:00:00+00', '2025-12-03 12:00:00+00', NULL,
     'pending', NULL, NULL),
    (5, 4, 4, 4, '2025-12-03 13:00:00+00', '2025-12-03 14:30:00+00', 5400,
     'Moodboard', false, '2025-12-03 13:00:00+00', '2025-12-03 14:30:00+00', NULL,
     'rejected', 2, '2025-12-04 09:15:00+00'),
    -- crosses midnight UTC
    (6, 3, 1, NULL, '2025-12-10 22:30:00+00', '2025-12-11 01:15:00+00', 9900,
     'Hotfix deploy window', false, '2025-12-10 22:30:00+00', '2025-12-11 01:15:00+00', NULL,
     'pending', NULL, NULL),
    (7, 2, 1, 1, '2025-12-15 10:00:00+00', '2025-12-15 10:45:00+00', 2700,
     'Code review', false, '2025-12-15 10:00:00+00', '2025-12-15 10:45:00+00', NULL,
     'pending', NULL, NULL),
    (8, 4, 2, 3, '2025-12-16 09:00:00+00', '2025-12-16 14:00:00+00', 18000,
     NULL, false, '2025-12-16 09:00:00+00', '2025-12-16 14:00:00+00', NULL,
     'approved', 1, '2025-12-17 08:30:00+00'),
    (9, 5, 4, 4, '2025-10-20 09:00:00+00', '2025-10-20 11:30:00+00', 9000,
     'User interviews synthesis', false, '2025-10-20 09:00:00+00', '2025-10-20 11:30:00+00', NULL,
     'approved', 3, '2025-10-21 09:00:00+00'),
    (10, 3, 3, 5, '2025-11-05 14:00:00+00', '2025-11-05 15:00:00+00', 3600,
     'Shut down old VMs', false, '2025-11-05 14:00:00+00', '2025-11-05 15:00:00+00', NULL,
     'approved', 2, '2025-11-06 09:00:00+00'),
    -- running timer: no end, no duration
    (11, 4, 1, 2, '2025-12-30 08:15:00+00', NULL, NULL,
     'Export QA', true, '2025-12-30 08:15:00+00', '2025-12-30 08:15:00+00', NULL,
     'pending', NULL, NULL);

INSERT INTO pay_rates (id, user_id, rate_type, base_rate, currency, overtime_multiplier,
                       effective_from, effective_to, is_active, created_by, created_at, updated_at)
VALUES
    (1, 3, 'hourly', 35.00, 'USD', 1.50, '2025-01-06', '2025-11-30', false, 2,
     '2025-01-06 10:10:00+00', '2025-12-01 08:00:00+00'),
    (2, 3, 'hourly', 40.00, 'USD', 1.50, '2025-12-01', NULL, true, 2,
     '2025-12-01 08:00:00+00', '2025-12-01 08:00:00+00'),
    (3, 4, 'daily', 320.00, 'USD', 1.00, '2025-06-01', NULL, true, 2,
     '2025-06-01 09:20:00+00', '2025-09-01 09:00:00+00'),
    (4, 2, 'monthly', 6500.00, 'USD', 1.00, '2025-01-01', NULL, true, 1,
     '2025-01-03 09:20:00+00', '2025-01-03 09:20:00+00'),
    (5, 5, 'project_based', 1200.00, 'EUR', 1.00, '2025-02-17', '2025-10-31', false, 1,
     '2025-02-17 11:40:00+00', '2025-11-03 17:45:00+00');

INSERT INTO pay_rate_history (id, pay_rate_id, previous_rate, new_rate, previous_overtime_multiplier,
                              new_overtime_multiplier, changed_by, change_reason, changed_at)
VALUES
    (1, 1, 32.00, 35.00, 1.25, 1.25, 2, 'Probation completed', '2025-04-07 09:00:00+00'),
    (2, 3, 300.00, 320.00, 1.00, 1.00, 2, 'Contract renewal', '2025-09-01 09:00:00+00'),
    (3, 1, 35.00, 35.00, 1.25, 1.50, 1, NULL, '2025-06-30 12:00:00+00');

INSERT INTO payroll_periods (id, name, period_type, start_date, end_date, status, total_amount,
                             approved_by, approved_at, created_at, updated_at,
                             selected_user_ids, rate_type_filter)
VALUES
    (1, 'November 2025', 'monthly', '2025-11-01', '2025-11-30', 'paid', 17210.00,
     1, '2025-12-02 15:00:00+00', '2025-12-01 09:00:00+00', '2025-12-05 10:00:00+00',
     NULL, NULL),
    (2, 'December 2025', 'monthly', '2025-12-01', '2025-12-31', 'draft', 875.00,
     NULL, NULL, '2025-12-29 09:00:00+00', '2025-12-29 09:05:00+00',
     '3,4', NULL),
    (3, 'Week 52 2025', 'weekly', '2025-12-22', '2025-12-28', 'draft', 0.00,
     NULL, NULL, '2025-12-29 09:30:00+00', '2025-12-29 09:30:00+00',
     NULL, 'hourly');

INSERT INTO payroll_entries (id, payroll_period_id, user_id, regular_hours, overtime_hours,
                             regular_rate, overtime_rate, gross_amount, adjustments_amount,
                             net_amount, status, notes, created_at, updated_at)
VALUES
    (1, 1, 3, 160.00, 4.00, 35.00, 52.50, 5810.00, 150.00, 5960.00, 'paid', NULL,
     '2025-12-01 09:05:00+00', '2025-12-05 10:00:00+00'),
    (2, 1, 4, 120.00, 0.00, 40.00, 40.00, 4800.00, -50.00, 4750.00, 'paid', 'Daily rate / 8 h',
     '2025-12-01 09:05:00+00', '2025-12-05 10:00:00+00'),
    (3, 1, 2, 168.00, 0.00, 38.69, 0.00, 6500.00, 0.00, 6500.00, 'paid', NULL,
     '2025-12-01 09:05:00+00', '2025-12-05 10:00:00+00'),
    (4, 2, 3, 12.25, 0.00, 40.00, 60.00, 490.00, 25.00, 515.00, 'pending', NULL,
     '2025-12-29 09:05:00+00', '2025-12-29 09:20:00+00'),
    (5, 2, 4, 9.00, 0.00, 40.00, 40.00, 360.00, 0.00, 360.00, 'pending', NULL,
     '2025-12-29 09:05:00+00', '2025-12-29 09:05:00+00');

INSERT INTO payroll_adjustments (id, payroll_entry_id, adjustment_type, description, amount,
                                 created_by, created_at)
VALUES
    (1, 1, 'bonus', 'Year-end bonus', 150.00, 2, '2025-12-01 10:00:00+00'),
    (2, 2, 'deduction', 'Equipment advance repayment', -50.00, 2, '2025-12-01 10:05:00+00'),
    (3, 4, 'reimbursement', 'Client visit parking', 25.00, 1, '2025-12-29 09:20:00+00');

INSERT INTO account_requests (id, email, name, phone, job_title, department, message, status,
                              submitted_at, reviewed_at, reviewed_by, admin_notes, ip_address, user_agent)
VALUES
    (1, 'dave@example.com', 'Dave Diaz', NULL, 'Contract Designer', 'Design',
     'Starting a design contract on June 1.', 'approved',
     '2025-05-30 16:42:10', '2025-06-01 09:00:00', 2, 'Contract signed',
     '198.51.100.7', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15'),
    (2, 'spam.bot@example.net', 'Totally Real Person', NULL, NULL, NULL,
     'Cheap watches!!!', 'rejected',
     '2025-09-14 03:12:45', '2025-09-15 08:30:00', 1, 'Not an employee',
     '192.0.2.200', 'python-requests/2.31.0'),
    (3, 'frank.new@example.com', 'Frank Novak', '+1 555 0150', 'QA Engineer', 'Engineering',
     NULL, 'pending',
     '2025-12-28 14:03:00', NULL, NULL, NULL,
     '203.0.113.24', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/133.0');

INSERT INTO audit_logs (id, "timestamp", user_id, user_email, action, resource_type, resource_id,
                        ip_address, user_agent, old_values, new_values, details)
VALUES
    (1, '2025-01-03 09:20:00+00', 1, 'Alice@Example.com', 'ROLE_CHANGE', 'user', 2, NULL, NULL,
     '{"role": "regular_user"}', '{"role": "admin"}', 'Changed role of bob.admin@example.com to admin'),
    (2, '2025-02-17 12:00:00+00', 3, 'carol@example.com', 'CREATE', 'team', 2, NULL, NULL,
     NULL, '{"name": "Design", "owner_id": 3}', 'Created team Design'),
    (3, '2025-06-01 09:00:00+00', 2, 'bob.admin@example.com', 'UPDATE', 'account_request', 1, NULL, NULL,
     '{"status": "pending"}', '{"status": "approved"}', 'Approved account request for dave@example.com'),
    (4, '2025-06-01 09:00:05+00', 2, 'bob.admin@example.com', 'CREATE', 'user', 4, NULL, NULL,
     NULL, '{"email": "dave@example.com", "name": "Dave Diaz", "role": "regular_user"}', 'Created user dave@example.com'),
    (5, '2025-11-03 17:45:00+00', 1, 'Alice@Example.com', 'UPDATE', 'user', 5, NULL, NULL,
     '{"is_active": true}', '{"is_active": false}', 'Deactivated user erin.former@example.com'),
    (6, '2025-11-20 15:30:00+00', 2, 'bob.admin@example.com', 'DELETE', 'project', 3, NULL, NULL,
     '{"is_archived": false}', '{"is_archived": true}', 'Archived project Legacy Portal');

SELECT setval('users_id_seq', (SELECT max(id) FROM users));
SELECT setval('teams_id_seq', (SELECT max(id) FROM teams));
SELECT setval('projects_id_seq', (SELECT max(id) FROM projects));
SELECT setval('tasks_id_seq', (SELECT max(id) FROM tasks));
SELECT setval('time_entries_id_seq', (SELECT max(id) FROM time_entries));
SELECT setval('pay_rates_id_seq', (SELECT max(id) FROM pay_rates));
SELECT setval('pay_rate_history_id_seq', (SELECT max(id) FROM pay_rate_history));
SELECT setval('payroll_periods_id_seq', (SELECT max(id) FROM payroll_periods));
SELECT setval('payroll_entries_id_seq', (SELECT max(id) FROM payroll_entries));
SELECT setval('payroll_adjustments_id_seq', (SELECT max(id) FROM payroll_adjustments));
SELECT setval('account_requests_id_seq', (SELECT max(id) FROM account_requests));
SELECT setval('audit_logs_id_seq', (SELECT max(id) FROM audit_logs));
