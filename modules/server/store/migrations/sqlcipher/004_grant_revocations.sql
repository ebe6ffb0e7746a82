-- Grant revocations (issue 12; R-6.3.4 c): a grant revoked before its end, by an administrator's or
-- data manager's decision or on a patient's consent withdrawal. Workstations learn them at every sync
-- (a list signed with the witness key) and drop the grant.
CREATE TABLE access_grant_revocations (
    grant_id TEXT PRIMARY KEY NOT NULL REFERENCES access_grants(id),
    revoked_at TEXT NOT NULL,
    revoked_by TEXT NOT NULL,
    reason TEXT NOT NULL
);
