-- CaseFlow schema 6: the unit tree, users and their roles, API tokens, the audit log, people, employers,
-- cases (numbers, parties, notes, events, documents), hotline calls and notifications; instances and
-- tasks learn their unit and case, so visibility is one indexed condition.
-- Forward-only: never edit this file once released; add 0007_*.sql instead.
-- Guids are TEXT; times are fixed-width UTC ISO 8601 TEXT; amounts are TEXT (EF's decimal), compared in code.

CREATE TABLE units (
    id TEXT NOT NULL,
    parent_id TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    -- '/{root id}/.../{own id}/': the ancestors in order, so a subtree is a prefix.
    path TEXT NOT NULL,
    depth INTEGER NOT NULL,
    collective_threshold INTEGER,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_units PRIMARY KEY (id),
    CONSTRAINT fk_units_units_parent_id FOREIGN KEY (parent_id) REFERENCES units (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_units_code ON units (code);
CREATE INDEX ix_units_parent_id ON units (parent_id);

CREATE TABLE users (
    id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    phone TEXT,
    failed_sign_ins INTEGER NOT NULL,
    locked_until TEXT,
    disabled INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL,
    security_stamp TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT fk_users_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_users_user_name ON users (user_name);
CREATE INDEX ix_users_unit_id ON users (unit_id);

CREATE TABLE role_assignments (
    user_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    role TEXT NOT NULL,
    CONSTRAINT pk_role_assignments PRIMARY KEY (user_id, unit_id, role),
    CONSTRAINT fk_role_assignments_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_assignments_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);
-- "The supervisors of this unit": notifications and candidate groups resolve through it.
CREATE INDEX ix_role_assignments_unit_id_role ON role_assignments (unit_id, role);

CREATE TABLE api_tokens (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    -- SHA-256 of the secret, hex: the secret itself is shown once and never stored.
    token_hash TEXT NOT NULL,
    prefix TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    last_used_at TEXT,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT fk_api_tokens_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_unit_id ON api_tokens (unit_id);

-- Append-only: the service never updates or deletes a row (a test checks there is no code path that does).
CREATE TABLE audit_log (
    id INTEGER NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT,
    unit_id TEXT,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    case_id TEXT,
    person_id TEXT,
    before TEXT,
    after TEXT,
    ip TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_case_id_at ON audit_log (case_id, at);
CREATE INDEX ix_audit_log_person_id_at ON audit_log (person_id, at);
CREATE INDEX ix_audit_log_user_id_at ON audit_log (user_id, at);

CREATE TABLE people (
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    -- The resident ID: encrypted (Data Protection), a keyed hash for exact lookup, and the masked form for lists.
    resident_id_cipher TEXT,
    resident_id_hash TEXT,
    resident_id_masked TEXT,
    gender TEXT,
    birth_date TEXT,
    address TEXT,
    bank_name TEXT,
    bank_account_cipher TEXT,
    bank_account_masked TEXT,
    health_cipher TEXT,
    household_cipher TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_people PRIMARY KEY (id),
    CONSTRAINT fk_people_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_people_resident_id_hash ON people (resident_id_hash);
CREATE INDEX ix_people_phone ON people (phone);
CREATE INDEX ix_people_name ON people (name);
CREATE INDEX ix_people_unit_id ON people (unit_id);

CREATE TABLE employers (
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    name TEXT NOT NULL,
    credit_code TEXT,
    address TEXT,
    contact_phone TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_employers PRIMARY KEY (id),
    CONSTRAINT fk_employers_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_employers_credit_code ON employers (credit_code);
CREATE INDEX ix_employers_name ON employers (name);
CREATE INDEX ix_employers_unit_id ON employers (unit_id);

CREATE TABLE case_counters (
    unit_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    next_value INTEGER NOT NULL,
    CONSTRAINT pk_case_counters PRIMARY KEY (unit_id, year),
    CONSTRAINT fk_case_counters_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT
);

CREATE TABLE cases (
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    family TEXT NOT NULL,
    status TEXT NOT NULL,
    priority TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    applicant_id TEXT,
    employer_id TEXT,
    amount_claimed TEXT,
    amount_approved TEXT,
    amount_paid TEXT,
    due_at TEXT,
    tags TEXT NOT NULL,
    is_collective INTEGER NOT NULL,
    collective_flagged_at TEXT,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_cases PRIMARY KEY (id),
    CONSTRAINT fk_cases_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
    CONSTRAINT fk_cases_people_applicant_id FOREIGN KEY (applicant_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_cases_employers_employer_id FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_cases_number ON cases (number);
-- Search: a unit's cases newest first, optionally by status or family; people and employers by key.
CREATE INDEX ix_cases_unit_id_opened_at ON cases (unit_id, opened_at);
CREATE INDEX ix_cases_status_opened_at ON cases (status, opened_at);
CREATE INDEX ix_cases_family_opened_at ON cases (family, opened_at);
CREATE INDEX ix_cases_opened_at ON cases (opened_at);
CREATE INDEX ix_cases_applicant_id ON cases (applicant_id);
CREATE INDEX ix_cases_employer_id_family_status ON cases (employer_id, family, status);

CREATE TABLE case_parties (
    id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    role TEXT NOT NULL,
    person_id TEXT,
    employer_id TEXT,
    amount_claimed TEXT,
    added_at TEXT NOT NULL,
    CONSTRAINT pk_case_parties PRIMARY KEY (id),
    CONSTRAINT fk_case_parties_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_parties_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_parties_employers_employer_id FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE RESTRICT
);
CREATE INDEX ix_case_parties_case_id ON case_parties (case_id);
CREATE INDEX ix_case_parties_person_id ON case_parties (person_id);
CREATE INDEX ix_case_parties_employer_id ON case_parties (employer_id);

CREATE TABLE case_notes (
    id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT pk_case_notes PRIMARY KEY (id),
    CONSTRAINT fk_case_notes_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);
CREATE INDEX ix_case_notes_case_id_created_at ON case_notes (case_id, created_at);

CREATE TABLE case_events (
    id INTEGER NOT NULL CONSTRAINT pk_case_events PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_name TEXT,
    detail TEXT,
    CONSTRAINT fk_case_events_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);
CREATE INDEX ix_case_events_case_id_at ON case_events (case_id, at);

CREATE TABLE documents (
    id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    deleted_at TEXT,
    CONSTRAINT pk_documents PRIMARY KEY (id),
    CONSTRAINT fk_documents_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);
CREATE INDEX ix_documents_case_id ON documents (case_id);

CREATE TABLE calls (
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    caller_phone TEXT NOT NULL,
    caller_name TEXT,
    person_id TEXT,
    category TEXT NOT NULL,
    employer_id TEXT,
    employer_name TEXT,
    description TEXT NOT NULL,
    urgency TEXT NOT NULL,
    outcome TEXT NOT NULL,
    answer TEXT,
    case_id TEXT,
    operator TEXT NOT NULL,
    received_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_calls PRIMARY KEY (id),
    CONSTRAINT fk_calls_units_unit_id FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
    CONSTRAINT fk_calls_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_calls_employers_employer_id FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_calls_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);
-- The caller's history appears as the phone number is typed: calls by phone, newest first.
CREATE INDEX ix_calls_caller_phone_received_at ON calls (caller_phone, received_at);
CREATE INDEX ix_calls_unit_id_received_at ON calls (unit_id, received_at);
CREATE INDEX ix_calls_case_id ON calls (case_id);
CREATE INDEX ix_calls_employer_id ON calls (employer_id);
CREATE INDEX ix_calls_person_id ON calls (person_id);

CREATE TABLE notifications (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT,
    case_id TEXT,
    created_at TEXT NOT NULL,
    read_at TEXT,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT fk_notifications_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_notifications_user_id_created_at ON notifications (user_id, created_at);

ALTER TABLE instances ADD COLUMN unit_id TEXT;
ALTER TABLE instances ADD COLUMN case_id TEXT;
CREATE INDEX ix_instances_case_id ON instances (case_id);
ALTER TABLE user_tasks ADD COLUMN unit_id TEXT;
ALTER TABLE user_tasks ADD COLUMN case_id TEXT;
CREATE INDEX ix_user_tasks_unit_id_state_due_date ON user_tasks (unit_id, state, due_date);
CREATE INDEX ix_user_tasks_case_id ON user_tasks (case_id);
