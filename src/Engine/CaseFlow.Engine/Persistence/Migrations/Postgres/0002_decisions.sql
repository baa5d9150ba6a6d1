-- CaseFlow schema 2: deployed DMN files and the decisions each version holds.
-- Forward-only: never edit this file once released; add 0003_*.sql instead.

CREATE TABLE decision_definitions (
    id uuid NOT NULL,
    key text NOT NULL,
    version integer NOT NULL,
    name text,
    xml text NOT NULL,
    content_hash text NOT NULL,
    deployed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_decision_definitions PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_decision_definitions_key_version ON decision_definitions (key, version);

-- A business rule task names a decision, not a file: this finds the file versions holding it.
CREATE TABLE decisions (
    definition_id uuid NOT NULL,
    decision_id text NOT NULL,
    decision_name text NOT NULL,
    CONSTRAINT pk_decisions PRIMARY KEY (definition_id, decision_id),
    CONSTRAINT fk_decisions_decision_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES decision_definitions (id) ON DELETE RESTRICT
);
CREATE INDEX ix_decisions_decision_id ON decisions (decision_id);
