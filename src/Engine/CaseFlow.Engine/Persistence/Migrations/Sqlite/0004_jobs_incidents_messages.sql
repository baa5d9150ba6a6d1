-- CaseFlow schema 4: durable jobs, incidents, message subscriptions, buffered messages, message start events.
-- Forward-only: never edit this file once released; add 0005_*.sql instead.
-- Guids are TEXT; times are fixed-width UTC ISO 8601 TEXT, so they sort and compare as strings.

CREATE TABLE jobs (
    id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    element_key INTEGER NOT NULL,
    element_id TEXT NOT NULL,
    process_id TEXT NOT NULL,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    retries INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    headers TEXT NOT NULL,
    variables TEXT NOT NULL,
    worker TEXT NULL,
    locked_until TEXT NULL,
    next_attempt_at TEXT NULL,
    error_message TEXT NULL,
    error_details TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT pk_jobs PRIMARY KEY (id),
    CONSTRAINT fk_jobs_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_jobs_instance_id ON jobs (instance_id);
-- Due jobs of some types, oldest first; closed jobs have no next_attempt_at.
CREATE INDEX ix_jobs_type_next_attempt_at ON jobs (type, next_attempt_at);

CREATE TABLE incidents (
    id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    incident_key INTEGER NOT NULL,
    process_id TEXT NOT NULL,
    element_key INTEGER NOT NULL,
    element_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT NULL,
    resolved_by TEXT NULL,
    resolution TEXT NULL,
    CONSTRAINT pk_incidents PRIMARY KEY (id),
    CONSTRAINT fk_incidents_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_incidents_instance_id ON incidents (instance_id);
CREATE INDEX ix_incidents_state_created_at ON incidents (state, created_at);
CREATE INDEX ix_incidents_process_id_state_created_at ON incidents (process_id, state, created_at);

CREATE TABLE message_subscriptions (
    instance_id TEXT NOT NULL,
    subscription_key INTEGER NOT NULL,
    element_key INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    message_name TEXT NOT NULL,
    correlation_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT pk_message_subscriptions PRIMARY KEY (instance_id, subscription_key),
    CONSTRAINT fk_message_subscriptions_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_message_subscriptions_message_name_correlation_key ON message_subscriptions (message_name, correlation_key);

CREATE TABLE messages (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    correlation_key TEXT NOT NULL,
    variables TEXT NOT NULL,
    message_id TEXT NULL,
    published_at TEXT NOT NULL,
    buffered_until TEXT NULL,
    delete_after TEXT NOT NULL,
    response TEXT NOT NULL,
    CONSTRAINT pk_messages PRIMARY KEY (id)
);
CREATE INDEX ix_messages_name_correlation_key_buffered_until ON messages (name, correlation_key, buffered_until);
CREATE UNIQUE INDEX ix_messages_message_id ON messages (message_id);
CREATE INDEX ix_messages_delete_after ON messages (delete_after);

CREATE TABLE message_start_events (
    definition_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    message_name TEXT NOT NULL,
    CONSTRAINT pk_message_start_events PRIMARY KEY (definition_id, event_id),
    CONSTRAINT fk_message_start_events_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES definitions (id) ON DELETE RESTRICT
);
CREATE INDEX ix_message_start_events_message_name ON message_start_events (message_name);
