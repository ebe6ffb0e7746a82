-- Grant revocations (issue 12; R-6.3.4 c): a grant revoked before its end, by an administrator's or
-- data manager's decision or on a patient's consent withdrawal. Workstations learn them at every sync
-- (a list signed with the witness key) and drop the grant.
CREATE TABLE access_grant_revocations (
    grant_id text PRIMARY KEY REFERENCES access_grants(id),
    revoked_at timestamptz NOT NULL,
    revoked_by text NOT NULL,
    reason text NOT NULL
);
