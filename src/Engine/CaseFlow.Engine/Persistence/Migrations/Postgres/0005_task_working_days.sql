-- CaseFlow schema 5: whether a task's due date was counted in working days of the work calendar, so the
-- task list can say so next to the date.
-- Forward-only: never edit this file once released; add 0006_*.sql instead.

ALTER TABLE user_tasks ADD COLUMN due_in_working_days boolean NOT NULL DEFAULT false;
