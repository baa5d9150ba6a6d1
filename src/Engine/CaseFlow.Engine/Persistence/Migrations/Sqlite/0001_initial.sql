-- CaseFlow schema 1: definitions, instances, the task list, history, idempotency records.
-- Forward-only: never edit this file once released; add 0002_*.sql instead (the migrator refuses a changed script).
-- Guids are TEXT; times are fixed-width UTC ISO 8601 TEXT, so they sort and compare as strings.

CREATE TABLE definitions (
    id TEXT NOT NULL CONSTRAINT pk_definitions PRIMARY KEY,
    process_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NULL,
    xml TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    deployed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_definitions_process_id_version ON definitions (process_id, version);
CREATE INDEX ix_definitions_content_hash ON definitions (content_hash);

CREATE TABLE instances (
    id TEXT NOT NULL CONSTRAINT pk_instances PRIMARY KEY,
    definition_id TEXT NOT NULL,
    process_id TEXT NOT NULL,
    process_version INTEGER NOT NULL,
    business_key TEXT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    row_version INTEGER NOT NULL,
    history_seq INTEGER NOT NULL,
    parent_instance_id TEXT NULL,
    parent_element_key INTEGER NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_instances_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES definitions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_instances_instances_parent_instance_id FOREIGN KEY (parent_instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE INDEX ix_instances_definition_id ON instances (definition_id);
CREATE INDEX ix_instances_parent_instance_id ON instances (parent_instance_id);
CREATE INDEX ix_instances_process_id_status ON instances (process_id, status);
CREATE INDEX ix_instances_status_started_at ON instances (status, started_at);
CREATE INDEX ix_instances_business_key ON instances (business_key);

CREATE TABLE user_tasks (
    id TEXT NOT NULL CONSTRAINT pk_user_tasks PRIMARY KEY,
    instance_id TEXT NOT NULL,
    element_key INTEGER NOT NULL,
    element_id TEXT NOT NULL,
    name TEXT NULL,
    process_id TEXT NOT NULL,
    assignee TEXT NULL,
    due_date TEXT NULL,
    follow_up_date TEXT NULL,
    form_key TEXT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT NULL,
    completed_by TEXT NULL,
    CONSTRAINT fk_user_tasks_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_user_tasks_instance_id_element_key ON user_tasks (instance_id, element_key);
CREATE INDEX ix_user_tasks_state_due_date_created_at ON user_tasks (state, due_date, created_at);
CREATE INDEX ix_user_tasks_assignee_state_due_date_created_at ON user_tasks (assignee, state, due_date, created_at);
CREATE INDEX ix_user_tasks_process_id_state ON user_tasks (process_id, state);

CREATE TABLE user_task_candidates (
    task_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    CONSTRAINT pk_user_task_candidates PRIMARY KEY (task_id, kind, name),
    CONSTRAINT fk_user_task_candidates_user_tasks_task_id FOREIGN KEY (task_id) REFERENCES user_tasks (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_task_candidates_kind_name_task_id ON user_task_candidates (kind, name, task_id);

CREATE TABLE history (
    id INTEGER NOT NULL CONSTRAINT pk_history PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    element_id TEXT NULL,
    element_key INTEGER NULL,
    user_name TEXT NULL,
    variable TEXT NULL,
    old_value TEXT NULL,
    new_value TEXT NULL,
    detail TEXT NULL,
    CONSTRAINT fk_history_instances_instance_id FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_history_instance_id_seq ON history (instance_id, seq);

CREATE TABLE idempotency_records (
    key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body BLOB NOT NULL,
    content_type TEXT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (key, method, path)
);
CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);
