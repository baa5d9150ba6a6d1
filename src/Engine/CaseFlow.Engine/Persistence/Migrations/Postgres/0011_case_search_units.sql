-- CaseFlow schema 11: a town's cases of one status, newest first, without walking the county's.
-- Forward-only: never edit this file once released; add 0012_*.sql instead.

-- A town user's status filter reads its units' rows of that status (then sorts the few it finds) instead of
-- walking every case of that status in opened_at order and dropping the other towns' (docs/cases.md, Search).
CREATE INDEX ix_cases_unit_id_status_opened_at ON cases (unit_id, status, opened_at);
