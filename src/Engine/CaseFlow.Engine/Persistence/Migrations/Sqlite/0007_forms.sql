-- CaseFlow schema 7: deployed form-js forms, versioned by the schema's id.
-- Forward-only: never edit this file once released; add 0008_*.sql instead.

CREATE TABLE forms (
    id TEXT NOT NULL CONSTRAINT pk_forms PRIMARY KEY,
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    schema TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    deployed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_forms_form_id_version ON forms (form_id, version);
