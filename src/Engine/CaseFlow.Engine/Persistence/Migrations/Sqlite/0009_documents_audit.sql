-- Schema 9: the audit log becomes append-only in the database itself, so no code path (and no hand-typed
-- UPDATE in a console) can rewrite or remove what was recorded; and the log is searchable by action.
-- Forward-only: never edit this file once released; add 0010_*.sql instead.

CREATE TRIGGER tr_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is refused');
END;

CREATE TRIGGER tr_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is refused');
END;

CREATE INDEX ix_audit_log_action_at ON audit_log (action, at);
