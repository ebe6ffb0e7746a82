-- Issue 13 (R-7.4.2): the public keys auditors' bundles are sealed for, one per auditor account,
-- enrolled by the auditor or an administrator (audited). Replacing a key is a new enrolment.
CREATE TABLE audit_recipients (
    account_id TEXT PRIMARY KEY NOT NULL,
    public_key BLOB NOT NULL,
    enrolled_at INTEGER NOT NULL,
    enrolled_by TEXT NOT NULL
);
