-- Tables for bench/pgbench/step.sql: process-instance rows holding their state as ~1.6 KB of
-- jsonb (stored inline, below the ~2 KB TOAST threshold), and an append-only history.
-- Run by run.sh with -v rows=N; drops and recreates only the bench_* tables.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_history;
DROP TABLE IF EXISTS bench_instance;

CREATE TABLE bench_instance (
    id          bigint      PRIMARY KEY,
    version     integer     NOT NULL,
    state       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE bench_history (
    id          bigserial   PRIMARY KEY,
    instance_id bigint      NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    event       jsonb       NOT NULL
);
CREATE INDEX bench_history_instance ON bench_history (instance_id);

-- A state document like an engine's: definition, variables, tokens, open tasks, audit fields.
INSERT INTO bench_instance (id, version, state, updated_at)
SELECT g, 1,
       jsonb_build_object(
         'processId', 'Process_Approval',
         'definitionVersion', 3,
         'businessKey', 'AID-' || lpad(g::text, 9, '0'),
         'status', 'active',
         'startedAt', now() - (g % 1000) * interval '1 minute',
         'variables', jsonb_build_object(
             'amount', 1000 + (g * 37) % 9000,
             'currency', 'EUR',
             'applicant', jsonb_build_object(
                 'name', 'Applicant ' || g,
                 'email', 'applicant' || g || '@example.org',
                 'address', (g % 500) || ' Main Street, 12345 Sometown',
                 'iban', 'DE' || lpad((g * 7919 % 100000000)::text, 20, '0')),
             'reason', repeat('Application for financial aid after flood damage. ', 5),
             'attachments', jsonb_build_array('id-card.pdf', 'invoice-1.pdf', 'invoice-2.pdf', 'photos.zip'),
             'step', 0),
         'tokens', (SELECT jsonb_agg(jsonb_build_object(
                        'id', g * 10 + t, 'elementId', 'Task_Verify', 'state', 'waiting',
                        'enteredAt', now())) FROM generate_series(1, 3) t),
         'tasks', (SELECT jsonb_agg(jsonb_build_object(
                        'id', 'task-' || (g * 10 + t), 'elementId', 'Task_Verify', 'name', 'Verify application',
                        'candidateGroups', jsonb_build_array('reviewer'), 'createdAt', now(), 'assignee', NULL))
                   FROM generate_series(1, 2) t)),
       now()
FROM generate_series(1, :rows) g;

VACUUM ANALYZE bench_instance;
VACUUM ANALYZE bench_history;
SELECT count(*) AS rows,
       round(avg(pg_column_size(state))) AS avg_state_bytes,
       pg_size_pretty(pg_total_relation_size('bench_instance')) AS table_size
FROM bench_instance;
