-- Defaults V1 kept only in its ORM, now in the database so every writer gets them
-- (additive: existing rows are untouched).
ALTER TABLE users ALTER COLUMN role SET DEFAULT 'regular_user';
ALTER TABLE users ALTER COLUMN is_active SET DEFAULT true;
ALTER TABLE projects ALTER COLUMN color SET DEFAULT '#3B82F6';
ALTER TABLE projects ALTER COLUMN is_archived SET DEFAULT false;
ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'TODO';
ALTER TABLE time_entries ALTER COLUMN is_running SET DEFAULT false;
ALTER TABLE audit_logs ALTER COLUMN "timestamp" SET DEFAULT now();

-- Spring Modulith's registry of application events published after commit and not yet
-- handled by every listener (so a crash between commit and reaction loses nothing).
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
