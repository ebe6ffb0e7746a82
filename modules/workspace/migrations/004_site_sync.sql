-- Site sync through mdp-grantd's relay (issue 11 part 5, R-7.4.1). The site key seals every entry end
-- to end (SM4-GCM); without it the workstation does not sync (audit shipping goes on).
ALTER TABLE server_link ADD COLUMN site_key BLOB NOT NULL DEFAULT x'';
-- The relay knows this workstation by its client certificate: no account and no password is kept here.

-- What waits to be pushed: one row per change, written in the change's own transaction. `entry_id` is
-- chosen once, so a push repeated after a lost answer is recognised by the server. `payload` is the
-- plain JSON (this database is encrypted; it is sealed when pushed). A row the server refused as a
-- stale revision keeps `conflict` (why) and is not pushed again.
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    payload BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    conflict TEXT NOT NULL DEFAULT ''
);

-- The relay sequence applied last (entries after it are pulled next).
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_sequence INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id, last_sequence) VALUES (1, 0);
