-- Payroll (docs/payroll.md). Additive for V1's columns: no V1 column changes type or meaning.
--
-- 1. One payroll entry per user and period. V1 had no constraint; processing upserted, but
--    POST /api/payroll/entries could add a second entry for the same user and period. Duplicates are
--    merged into the oldest entry (lowest id): hours and amounts are added (so the period's money is
--    unchanged), notes joined, adjustments moved over. Each merged-away row is kept whole in the
--    audit trail (old_values) before it is deleted, so nothing is lost.
WITH ranked AS (
    SELECT id, payroll_period_id, user_id,
           min(id) OVER (PARTITION BY payroll_period_id, user_id) AS keeper
    FROM payroll_entries
), extra AS (
    SELECT e.*, r.keeper FROM payroll_entries e JOIN ranked r ON r.id = e.id WHERE r.id <> r.keeper
), sums AS (
    SELECT keeper,
           sum(regular_hours) AS regular_hours, sum(overtime_hours) AS overtime_hours,
           sum(gross_amount) AS gross_amount, sum(adjustments_amount) AS adjustments_amount,
           sum(net_amount) AS net_amount,
           string_agg(notes, ' | ' ORDER BY id) AS notes
    FROM extra GROUP BY keeper
), merged AS (
    UPDATE payroll_entries k
    SET regular_hours = k.regular_hours + s.regular_hours,
        overtime_hours = k.overtime_hours + s.overtime_hours,
        gross_amount = k.gross_amount + s.gross_amount,
        adjustments_amount = k.adjustments_amount + s.adjustments_amount,
        net_amount = k.net_amount + s.net_amount,
        notes = nullif(concat_ws(' | ', k.notes, s.notes), ''),
        updated_at = now()
    FROM sums s
    WHERE k.id = s.keeper
    RETURNING k.id
), moved AS (
    UPDATE payroll_adjustments a SET payroll_entry_id = x.keeper
    FROM extra x WHERE a.payroll_entry_id = x.id
    RETURNING a.id
)
INSERT INTO audit_logs ("timestamp", user_id, action, resource_type, resource_id, old_values, details)
SELECT now(), x.user_id, 'DELETE', 'payroll_entry', x.id,
       (row_to_json(x)::jsonb - 'keeper')::text,
       'upgrade to V2: merged into payroll entry ' || x.keeper || ' (one entry per user and period; '
           || (SELECT count(*) FROM merged) || ' entries kept, ' || (SELECT count(*) FROM moved) || ' adjustments moved)'
FROM extra x;

DELETE FROM payroll_entries e
USING (SELECT id, min(id) OVER (PARTITION BY payroll_period_id, user_id) AS keeper FROM payroll_entries) r
WHERE e.id = r.id AND r.id <> r.keeper;

ALTER TABLE payroll_entries ADD CONSTRAINT uq_payroll_entries_period_user UNIQUE (payroll_period_id, user_id);

-- 2. The rate actually applied: the rate in effect at the end of the period (V1's payables showed the
--    user's latest rate instead), and one line per rate that paid for part of the period.
ALTER TABLE payroll_entries ADD COLUMN pay_rate_id integer REFERENCES pay_rates (id);
ALTER TABLE payroll_entries ADD COLUMN rate_type varchar(20);

CREATE TABLE payroll_entry_lines (
    id                  serial        PRIMARY KEY,
    payroll_entry_id    integer       NOT NULL REFERENCES payroll_entries (id) ON DELETE CASCADE,
    pay_rate_id         integer       NOT NULL REFERENCES pay_rates (id),
    rate_type           varchar(20)   NOT NULL,
    base_rate           numeric(10,2) NOT NULL,
    overtime_multiplier numeric(4,2)  NOT NULL,
    regular_hours       numeric(10,4) NOT NULL,
    overtime_hours      numeric(10,4) NOT NULL,
    days                integer       NOT NULL,
    amount              numeric(12,2) NOT NULL
);
CREATE INDEX ix_payroll_entry_lines_entry ON payroll_entry_lines (payroll_entry_id);
CREATE INDEX ix_payroll_entry_lines_rate ON payroll_entry_lines (pay_rate_id) WHERE rate_type = 'project_based';

-- 3. Pay-rate history says what kind of change it was and which fields changed (V1 kept only the
--    rate and multiplier, so a change of dates or type left no trace).
ALTER TABLE pay_rate_history ADD COLUMN change_type varchar(20);
ALTER TABLE pay_rate_history ADD COLUMN changes text;

-- 4. A period's total is the sum of its entries' net amounts (V1 let it go stale after adjustments
--    and edits). Periods still open (draft, processing) are brought in line; approved and paid
--    periods keep the total they were approved and paid with.
UPDATE payroll_periods p
SET total_amount = s.net
FROM (SELECT pp.id, coalesce(sum(e.net_amount), 0) AS net
      FROM payroll_periods pp LEFT JOIN payroll_entries e ON e.payroll_period_id = pp.id
      GROUP BY pp.id) s
WHERE s.id = p.id AND p.status IN ('draft', 'processing') AND p.total_amount <> s.net;
