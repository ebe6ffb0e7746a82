-- mdp-grantd's store, PostgreSQL backend (issue 11; schema described in docs/grantd-store.md). Same
-- tables and meaning as the SQLCipher backend. What is marked ciphertext is sealed by the workstations
-- (or the server key) before it reaches the database; everything else is routing metadata.
-- The rules that must hold across server instances live here: primary and unique keys; the code adds
-- row locks and advisory transaction locks (see PostgresServerStore.cpp).

CREATE TABLE accounts (
    user_key text PRIMARY KEY,              -- case-folded user name: the unique key
    user_name text NOT NULL,
    display_name text NOT NULL,
    roles text NOT NULL,                    -- JSON array of role ids, first = primary
    kdf_salt bytea NOT NULL,
    kdf_parameters text NOT NULL,           -- JSON
    verifier bytea NOT NULL,
    wrapped_bundle bytea NOT NULL,          -- ciphertext
    totp_secret_sealed bytea NOT NULL,      -- ciphertext; empty when none
    locked_by_administrator boolean NOT NULL,
    failed_attempts integer NOT NULL,
    locked_until timestamptz,
    revision bigint NOT NULL,
    created timestamptz NOT NULL,
    updated timestamptz NOT NULL
);

CREATE TABLE sync_entries (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id text NOT NULL UNIQUE,
    site text NOT NULL,
    origin_workstation text NOT NULL,
    kind text NOT NULL,
    object_id text NOT NULL,
    revision bigint NOT NULL,
    ciphertext bytea NOT NULL,              -- ciphertext (site key)
    digest bytea NOT NULL,                  -- SHA-256 of ciphertext
    received_at timestamptz NOT NULL
);
CREATE INDEX sync_entries_site ON sync_entries (site, sequence);

CREATE TABLE sync_objects (
    site text NOT NULL,
    kind text NOT NULL,
    object_id text NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY (site, kind, object_id)
);

CREATE TABLE audit_heads (
    workstation text PRIMARY KEY,
    tree_size bigint NOT NULL,
    root_hash bytea NOT NULL,
    checkpoint bytea NOT NULL,
    witness_signature bytea NOT NULL,
    witnessed_at timestamptz NOT NULL,
    frontier bytea NOT NULL                 -- Merkle frontier at tree_size, as the caller gave it
);

CREATE TABLE audit_frames (
    workstation text NOT NULL,
    idx bigint NOT NULL,
    leaf_hash bytea NOT NULL,
    frame bytea NOT NULL,                   -- ciphertext
    PRIMARY KEY (workstation, idx)
);

CREATE TABLE audit_findings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workstation text NOT NULL,
    finding text NOT NULL,
    evidence bytea NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE revoked_serials (
    serial_hex text PRIMARY KEY,
    revoked_at timestamptz NOT NULL,
    reason text NOT NULL
);

CREATE TABLE published_documents (
    kind text NOT NULL,
    version bigint NOT NULL,
    envelope bytea NOT NULL,
    published timestamptz NOT NULL,
    PRIMARY KEY (kind, version)
);
