-- mdp-grantd's store, embedded backend (issue 11; schema described in docs/grantd-store.md). The whole
-- file is SQLCipher-encrypted; what is marked ciphertext below is also sealed by the workstations with
-- keys the server does not hold. Times are ISO 8601 UTC text with milliseconds.

-- Central accounts (R-7.4.2a, R-9.3). user_key is the case-folded name: the unique key.
CREATE TABLE accounts (
    user_key TEXT PRIMARY KEY NOT NULL,
    user_name TEXT NOT NULL,                -- as given at creation
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,                    -- JSON array of role ids, first = primary
    kdf_salt BLOB NOT NULL,
    kdf_parameters TEXT NOT NULL,           -- JSON
    verifier BLOB NOT NULL,                 -- slow hash of the workstation-derived authentication key
    wrapped_bundle BLOB NOT NULL,           -- ciphertext (key bundle wrapped on the workstation)
    totp_secret_sealed BLOB NOT NULL,       -- ciphertext (sealed by the server key); empty when none
    locked_by_administrator INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until TEXT,                      -- NULL when no back-off
    revision INTEGER NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);

-- The sync relay (R-7.3.1, R-7.4.1): one total order (sequence), entry_id the idempotency key.
CREATE TABLE sync_entries (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    origin_workstation TEXT NOT NULL,
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    ciphertext BLOB NOT NULL,               -- ciphertext (site key)
    digest BLOB NOT NULL,                   -- SHA-256 of ciphertext
    received_at TEXT NOT NULL
);
CREATE INDEX sync_entries_site ON sync_entries (site, sequence);

-- Current revision per relayed object (objects absent here are at revision 0).
CREATE TABLE sync_objects (
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (site, kind, object_id)
);

-- Audit shipping: each workstation's head and its frames (R-7.4.1 central copy, witnessing).
CREATE TABLE audit_heads (
    workstation TEXT PRIMARY KEY NOT NULL,
    tree_size INTEGER NOT NULL,
    root_hash BLOB NOT NULL,
    checkpoint BLOB NOT NULL,
    witness_signature BLOB NOT NULL,
    witnessed_at TEXT NOT NULL,
    frontier BLOB NOT NULL                  -- Merkle frontier at tree_size, as the caller gave it
);

CREATE TABLE audit_frames (
    workstation TEXT NOT NULL,
    idx INTEGER NOT NULL,
    leaf_hash BLOB NOT NULL,
    frame BLOB NOT NULL,                    -- ciphertext (the workstation's encrypted event frame)
    PRIMARY KEY (workstation, idx)
);

CREATE TABLE audit_findings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workstation TEXT NOT NULL,
    finding TEXT NOT NULL,
    evidence BLOB NOT NULL,
    recorded_at TEXT NOT NULL
);

-- Revoked certificate serials (lower-case hex, no leading zeros).
CREATE TABLE revoked_serials (
    serial_hex TEXT PRIMARY KEY NOT NULL,
    revoked_at TEXT NOT NULL,
    reason TEXT NOT NULL
);

-- Signed documents distributed by the server: every version kept, the newest wins.
CREATE TABLE published_documents (
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    envelope BLOB NOT NULL,
    published TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
