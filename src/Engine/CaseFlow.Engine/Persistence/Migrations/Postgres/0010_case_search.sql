-- CaseFlow schema 10: case search at ten million cases.
-- Forward-only: never edit this file once released; add 0011_*.sql instead.

-- The sequence part of the number ("case 123" in any unit and year) as an indexed integer.
ALTER TABLE cases ADD COLUMN sequence integer NOT NULL DEFAULT 0;
UPDATE cases SET sequence = CAST(substring(number FROM '([0-9]{1,9})$') AS integer) WHERE number ~ '[0-9]$';
ALTER TABLE cases ALTER COLUMN sequence DROP DEFAULT;
CREATE INDEX ix_cases_sequence_opened_at ON cases (sequence, opened_at);

-- Prefix searches (LIKE 'x%') use a b-tree only under the C collation or with text_pattern_ops; the
-- database's collation is not known here, so these indexes say so themselves. Equality still uses them.
DROP INDEX ix_cases_number;
CREATE UNIQUE INDEX ix_cases_number ON cases (number text_pattern_ops);
DROP INDEX ix_people_name;
CREATE INDEX ix_people_name ON people (name text_pattern_ops);
DROP INDEX ix_employers_name;
CREATE INDEX ix_employers_name ON employers (name text_pattern_ops);
