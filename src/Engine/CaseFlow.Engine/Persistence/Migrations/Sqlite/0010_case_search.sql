-- CaseFlow schema 10: case search.
-- Forward-only: never edit this file once released; add 0011_*.sql instead.

-- The sequence part of the number ("case 123" in any unit and year) as an indexed integer.
ALTER TABLE cases ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET sequence = CAST(substr(number, length(number) - 5) AS INTEGER);
CREATE INDEX ix_cases_sequence_opened_at ON cases (sequence, opened_at);
