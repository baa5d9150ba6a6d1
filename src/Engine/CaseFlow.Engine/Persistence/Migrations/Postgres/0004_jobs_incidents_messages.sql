-- CaseFlow schema 4: durable jobs, incidents, message subscriptions, buffered messages, message start events.
-- Forward-only: never edit this file once released; add 0005_*.sql instead.

CREATE TABLE jobs (
    id uuid NOT NULL,
    instance_id uuid NOT NULL,
    element_key bigint NOT NULL,
    element_id text NOT NULL,
    process_id text NOT NULL,
    type text NOT NULL,
    state text NOT NULL,
    retries integer NOT NULL,
    failures integer NOT NULL,
    headers text NOT NULL,
    variables text NOT NULL,
    worker text,
    locked_until timestamp with time zone,
    next_attempt_at timestamp with time zone,
    error_message text,
    error_details text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_jobs PRIMARY KEY (id),
    CONSTRAINT fk_jobs_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_jobs_instance_id ON jobs (instance_id);
-- Due jobs of some types, oldest first (FOR UPDATE SKIP LOCKED); closed jobs have no next_attempt_at.
CREATE INDEX ix_jobs_type_next_attempt_at ON jobs (type, next_attempt_at);

CREATE TABLE incidents (
    id uuid NOT NULL,
    instance_id uuid NOT NULL,
    incident_key bigint NOT NULL,
    process_id text NOT NULL,
    element_key bigint NOT NULL,
    element_id text NOT NULL,
    kind text NOT NULL,
    message text NOT NULL,
    details text,
    state text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by text,
    resolution text,
    CONSTRAINT pk_incidents PRIMARY KEY (id),
    CONSTRAINT fk_incidents_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_incidents_instance_id ON incidents (instance_id);
CREATE INDEX ix_incidents_state_created_at ON incidents (state, created_at);
CREATE INDEX ix_incidents_process_id_state_created_at ON incidents (process_id, state, created_at);

CREATE TABLE message_subscriptions (
    instance_id uuid NOT NULL,
    subscription_key bigint NOT NULL,
    element_key bigint NOT NULL,
    event_id text NOT NULL,
    message_name text NOT NULL,
    correlation_key text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_message_subscriptions PRIMARY KEY (instance_id, subscription_key),
    CONSTRAINT fk_message_subscriptions_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_message_subscriptions_message_name_correlation_key ON message_subscriptions (message_name, correlation_key);

CREATE TABLE messages (
    id uuid NOT NULL,
    name text NOT NULL,
    correlation_key text NOT NULL,
    variables text NOT NULL,
    message_id text,
    published_at timestamp with time zone NOT NULL,
    buffered_until timestamp with time zone,
    delete_after timestamp with time zone NOT NULL,
    response text NOT NULL,
    CONSTRAINT pk_messages PRIMARY KEY (id)
);
CREATE INDEX ix_messages_name_correlation_key_buffered_until ON messages (name, correlation_key, buffered_until);
CREATE UNIQUE INDEX ix_messages_message_id ON messages (message_id);
CREATE INDEX ix_messages_delete_after ON messages (delete_after);

CREATE TABLE message_start_events (
    definition_id uuid NOT NULL,
    event_id text NOT NULL,
    message_name text NOT NULL,
    CONSTRAINT pk_message_start_events PRIMARY KEY (definition_id, event_id),
    CONSTRAINT fk_message_start_events_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES definitions (id) ON DELETE RESTRICT
);
CREATE INDEX ix_message_start_events_message_name ON message_start_events (message_name);
