-- Issue 11 part 5: registry changes from the site (patients, timeline events, attachments' bytes) wait
-- here, in relay order, until a session that holds the identity key applies them: the link's thread
-- has no key to seal a patient's identity under, nor the vault. `payload` is the entry as it was
-- opened with the site key; a patient's names, contacts and identifiers in it are still sealed under
-- the site's identity key, so nothing here is readable to a role the registry would not show them to.
CREATE TABLE sync_parked (
    sequence INTEGER PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    origin TEXT NOT NULL,
    payload BLOB NOT NULL,
    parked_at INTEGER NOT NULL
);
CREATE INDEX sync_parked_by_object ON sync_parked(kind, object_id, revision);

-- The newest version of each registry object the site has from this workstation or gave it: a change
-- that made no new version (an annotation set to what it was) queues nothing, so no entry repeats a
-- revision the relay holds.
CREATE TABLE sync_registry_versions (
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (kind, object_id)
);
