-- Audit events of database changes, written in the same transaction as the change they describe and
-- appended to the audit log after the commit (AuditOutbox). A row is deleted once its event is durably
-- in the log; `event_id` lets a row left behind by a crash be recognised as already appended.
CREATE TABLE audit_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    event BLOB NOT NULL
);
