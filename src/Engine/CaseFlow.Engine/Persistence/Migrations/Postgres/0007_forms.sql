-- CaseFlow schema 7: deployed form-js forms, versioned by the schema's id.
-- Forward-only: never edit this file once released; add 0008_*.sql instead.

CREATE TABLE forms (
    id uuid NOT NULL,
    form_id text NOT NULL,
    version integer NOT NULL,
    schema text NOT NULL,
    content_hash text NOT NULL,
    deployed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_forms PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_forms_form_id_version ON forms (form_id, version);
