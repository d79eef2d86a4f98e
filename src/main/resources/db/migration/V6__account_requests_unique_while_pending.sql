-- Account requests: V1 made the email unique across every status (uq_account_requests_email), so
-- a person whose request had been rejected could never apply again (V1 answered 500). Now an
-- email is unique only among PENDING requests, compared case-insensitively (V1 stored emails
-- lower-cased, but its constraint compared them exactly).
-- Data-preserving: no row is changed or removed. V1's plain index idx_account_requests_email stays.
ALTER TABLE account_requests DROP CONSTRAINT uq_account_requests_email;

-- A V1 database edited by hand could hold two pending requests differing only by case; creating
-- the index would then fail the whole upgrade. In that case the index is left out (the app still
-- refuses a second pending request when it is submitted) and the migration says so.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM account_requests WHERE status = 'pending' GROUP BY lower(email) HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX uq_account_requests_pending_email ON account_requests (lower(email)) WHERE status = 'pending';
    ELSE
        RAISE WARNING 'account_requests: pending requests whose emails differ only by case exist; uq_account_requests_pending_email not created';
    END IF;
END $$;
