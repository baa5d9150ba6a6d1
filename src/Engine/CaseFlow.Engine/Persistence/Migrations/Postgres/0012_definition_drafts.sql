-- CaseFlow schema 12: the designer's drafts, one per process id.
-- Forward-only: never edit this file once released; add 0013_*.sql instead.

CREATE TABLE definition_drafts (
    process_id text NOT NULL,
    xml text NOT NULL,
    name text,
    -- Steps on every save: a stale save is refused (409 draft_conflict).
    version integer NOT NULL,
    -- The deployed version the draft started from; NULL for a new process.
    based_on_version integer,
    updated_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_definition_drafts PRIMARY KEY (process_id)
);
