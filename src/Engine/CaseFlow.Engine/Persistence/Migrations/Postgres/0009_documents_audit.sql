-- Schema 9: the audit log becomes append-only in the database itself, so no code path (and no hand-typed
-- UPDATE in psql) can rewrite or remove what was recorded; and the log is searchable by action.
-- Forward-only: never edit this file once released; add 0010_*.sql instead.

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER tr_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- TRUNCATE fires no row triggers: it gets its own statement trigger.
CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE INDEX ix_audit_log_action_at ON audit_log (action, at);
