-- V1 echoed a rejection reason back but never stored it; the person whose time was rejected
-- needs to read why. Additive.
ALTER TABLE time_entries ADD COLUMN rejection_reason varchar(1000);
CREATE INDEX ix_time_entries_pending ON time_entries (project_id, start_time) WHERE approval_status = 'pending' AND end_time IS NOT NULL;
