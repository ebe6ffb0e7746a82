-- Issue 12 (R-6.3.4 c): grants the site revoked before their end, as the server's signed list said
-- at a sync. Only ever added: an older list played back takes nothing back. A revoked grant is
-- deleted from access_grants in the same transaction and never taken again.
CREATE TABLE access_grant_revocations (
    grant_id TEXT PRIMARY KEY NOT NULL,
    noted_at INTEGER NOT NULL
);
-- The request a kept grant answers, for the reminders before it ends (30, 7 and 1 days).
ALTER TABLE access_grants ADD COLUMN request_number TEXT NOT NULL DEFAULT '';
-- The server's clock on the newest revocation list taken: an older one played back is refused.
CREATE TABLE grant_revocation_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    issued_at INTEGER NOT NULL
);
-- Data delivered under a grant (R-5.2k-l, R-7.2.4e), on the holder's workstation: the SM2 key pair
-- made for the grant (its private key sealed under the data key "grant-delivery-<grant>"), and when
-- the key was published and the data received. The sealed data itself is a file beside the
-- workspace (deliveries/<grant>.sealed). At the grant's end or revocation the data key is destroyed
-- and the file and the row removed.
CREATE TABLE access_deliveries (
    grant_id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    public_key BLOB NOT NULL,
    sealed_private_key BLOB NOT NULL,
    published_at INTEGER,
    received_at INTEGER
);
