-- CaseFlow schema 2: deployed DMN files and the decisions each version holds.
-- Forward-only: never edit this file once released; add 0003_*.sql instead.

CREATE TABLE decision_definitions (
    id TEXT NOT NULL CONSTRAINT pk_decision_definitions PRIMARY KEY,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NULL,
    xml TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    deployed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_decision_definitions_key_version ON decision_definitions (key, version);

CREATE TABLE decisions (
    definition_id TEXT NOT NULL,
    decision_id TEXT NOT NULL,
    decision_name TEXT NOT NULL,
    CONSTRAINT pk_decisions PRIMARY KEY (definition_id, decision_id),
    CONSTRAINT fk_decisions_decision_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES decision_definitions (id) ON DELETE RESTRICT
);
CREATE INDEX ix_decisions_decision_id ON decisions (decision_id);
