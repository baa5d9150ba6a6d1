-- CaseFlow schema 12: the designer's drafts, one per process id.
-- Forward-only: never edit this file once released; add 0013_*.sql instead.

CREATE TABLE definition_drafts (
    process_id TEXT NOT NULL,
    xml TEXT NOT NULL,
    name TEXT,
    -- Steps on every save: a stale save is refused (409 draft_conflict).
    version INTEGER NOT NULL,
    -- The deployed version the draft started from; NULL for a new process.
    based_on_version INTEGER,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT pk_definition_drafts PRIMARY KEY (process_id)
);
