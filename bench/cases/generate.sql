-- Generated cases for EXPLAIN and search timing on PostgreSQL (not for SQLite).
-- Usage: psql -d <a migrated, empty CaseFlow database> -v cases=500000 -f bench/cases/generate.sql
-- A county (LA) with 30 towns (T1..T30) and 300 grassroots unions (G1..G300); one person per two cases;
-- an employer per 25 cases; cases spread over 2025-01-01..2026-11-30, each with its applicant (and employer) as parties.
\set ON_ERROR_STOP on
\if :{?cases} \else \set cases 500000 \endif
BEGIN;
INSERT INTO units (id, parent_id, name, kind, code, path, depth, collective_threshold, created_at, version)
SELECT '00000000-0000-0000-0000-000000000001'::uuid, NULL, 'Root', 'Province', 'ROOT', '/00000000000000000000000000000001/', 0, NULL, now(), 1;
INSERT INTO units VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', '临安区总工会', 'County', 'LA',
    '/00000000000000000000000000000001/00000000000000000000000000000002/', 1, NULL, now(), 1);
INSERT INTO units (id, parent_id, name, kind, code, path, depth, collective_threshold, created_at, version)
SELECT ('00000000-0000-0000-0001-' || lpad(t::text, 12, '0'))::uuid, '00000000-0000-0000-0000-000000000002', 'Town ' || t, 'Town', 'T' || t,
       '/00000000000000000000000000000001/00000000000000000000000000000002/' || '000000000000000000010000' || lpad(t::text, 8, '0') || '/', 2, NULL, now(), 1
FROM generate_series(1, 30) t;
INSERT INTO units (id, parent_id, name, kind, code, path, depth, collective_threshold, created_at, version)
SELECT ('00000000-0000-0000-0002-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-0000-0001-' || lpad((1 + g % 30)::text, 12, '0'))::uuid,
       'Union ' || g, 'Grassroots', 'G' || g,
       '/00000000000000000000000000000001/00000000000000000000000000000002/' || '000000000000000000010000' || lpad((1 + g % 30)::text, 8, '0') || '/'
         || '000000000000000000020000' || lpad(g::text, 8, '0') || '/', 3, NULL, now(), 1
FROM generate_series(1, 300) g;

CREATE TEMP TABLE unit_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM units WHERE depth >= 2;
CREATE UNIQUE INDEX ON unit_ids (n);
ANALYZE unit_ids;

INSERT INTO people (id, unit_id, name, phone, created_at, updated_at, version)
SELECT gen_random_uuid(), (SELECT id FROM unit_ids WHERE n = 1 + p % 330),
       (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + p % 20]
         || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + (p / 20) % 20]
         || (ARRAY['一','二','三','四','五','六','七','八','九','十'])[1 + (p / 400) % 10] || (p / 4000),
       '138' || lpad(p::text, 8, '0'), now(), now(), 1
FROM generate_series(1, :cases / 2) p;
CREATE TEMP TABLE person_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM people;
CREATE UNIQUE INDEX ON person_ids (n);
ANALYZE person_ids;

INSERT INTO employers (id, unit_id, name, credit_code, created_at, updated_at, version)
SELECT gen_random_uuid(), (SELECT id FROM unit_ids WHERE n = 1 + e % 330), 'Employer ' || e, '91330000' || lpad(e::text, 10, '0'), now(), now(), 1
FROM generate_series(1, :cases / 25) e;
CREATE TEMP TABLE employer_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM employers;
CREATE UNIQUE INDEX ON employer_ids (n);
ANALYZE employer_ids;

CREATE TEMP TABLE gen AS
SELECT c, gen_random_uuid() AS id, (SELECT id FROM unit_ids WHERE n = 1 + (c * 7919) % 330) AS unit_id,
       timestamptz '2025-01-01 00:00+08' + (c::float / :cases) * interval '699 days' AS opened_at,
       (SELECT id FROM person_ids WHERE n = 1 + (c * 104729) % (:cases / 2)) AS applicant_id,
       CASE WHEN c % 3 = 0 THEN (SELECT id FROM employer_ids WHERE n = 1 + (c * 31) % (:cases / 25)) END AS employer_id
FROM generate_series(1::bigint, :cases) c;

INSERT INTO cases (id, number, sequence, unit_id, family, status, priority, title, applicant_id, employer_id, amount_claimed, tags,
                   is_collective, opened_at, created_by, updated_at, version)
SELECT g.id,
       to_char(g.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || u.code || '-'
         || lpad(row_number() OVER (PARTITION BY g.unit_id, to_char(g.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') ORDER BY g.c)::text, 6, '0'),
       row_number() OVER (PARTITION BY g.unit_id, to_char(g.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') ORDER BY g.c),
       g.unit_id,
       (ARRAY['Aid','Mediation','WageArrears','Hotline','LegalAid','Employment','Petition'])[1 + g.c % 7],
       (ARRAY['Closed','Closed','Closed','Closed','InProgress','InProgress','Open','Suspended','Rejected','Cancelled'])[1 + (g.c / 7) % 10],
       (ARRAY['Normal','Normal','High','Low','Urgent'])[1 + g.c % 5],
       'Case ' || g.c, g.applicant_id, g.employer_id, (g.c % 50000)::numeric / 10, CASE WHEN g.c % 11 = 0 THEN 'spring-festival' ELSE '' END,
       false, g.opened_at, 'generator', g.opened_at, 1
FROM gen g JOIN units u ON u.id = g.unit_id;

INSERT INTO case_parties (id, case_id, role, person_id, employer_id, amount_claimed, added_at)
SELECT gen_random_uuid(), id, 'Applicant', applicant_id, NULL, NULL, opened_at FROM gen;
INSERT INTO case_parties (id, case_id, role, person_id, employer_id, amount_claimed, added_at)
SELECT gen_random_uuid(), id, 'Respondent', NULL, employer_id, NULL, opened_at FROM gen WHERE employer_id IS NOT NULL;
COMMIT;
ANALYZE;
