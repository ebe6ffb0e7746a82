-- Issue 12 (R-5.2j, R-6.3.4): the grants the site server issued to the accounts that signed in here,
-- as their signed envelopes with the key that signed them. Each is verified again whenever it is put
-- in force (its signature, the account, this workstation's certificate, its time window); the
-- permission engine enforces them offline.
CREATE TABLE access_grants (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    envelope BLOB NOT NULL,
    issuer_key BLOB NOT NULL,
    not_after INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX access_grants_by_account ON access_grants(account_id);
