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
