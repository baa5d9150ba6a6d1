-- CaseFlow schema 8: the Data Protection key ring (shared by every node: cookies and personal-data ciphers
-- survive restarts and load balancing) and the service's own secrets (the resident ID hash key, stored
-- protected by that key ring). Losing these two tables loses every encrypted column: back them up with the data.
-- Forward-only: never edit this file once released; add a later script instead.

CREATE TABLE data_protection_keys (
    id INTEGER NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT,
    xml TEXT
);

CREATE TABLE secrets (
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT pk_secrets PRIMARY KEY (name)
);
