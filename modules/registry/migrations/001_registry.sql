-- Master patient index and lifecycle timelines (R-6.1.1, R-6.1.2). Times are milliseconds since
-- the epoch (UTC); ids are UUID text. The database is encrypted, so names and identifier values are
-- stored as they are; audit events and messages carry only the pseudonym.
CREATE TABLE registry_patients (
    id TEXT PRIMARY KEY NOT NULL,
    pseudonym TEXT NOT NULL UNIQUE,
    family_name TEXT NOT NULL DEFAULT '',
    given_name TEXT NOT NULL DEFAULT '',
    family_name_latin TEXT NOT NULL DEFAULT '',
    given_name_latin TEXT NOT NULL DEFAULT '',
    pinyin TEXT NOT NULL DEFAULT '',
    pinyin_initials TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    merged_into TEXT REFERENCES registry_patients(id)
);
-- The probabilistic duplicate check looks up patients born the same day.
CREATE INDEX registry_patients_by_birth ON registry_patients(birth_date, sex);
CREATE INDEX registry_patients_by_created ON registry_patients(created_at, id);

-- Every demographic version (the current one included): who, when, why.
CREATE TABLE registry_patient_versions (
    patient_id TEXT NOT NULL REFERENCES registry_patients(id),
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    change TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (patient_id, version)
);

-- key_hash is HMAC-SM3 under a registry key of (type, issuer for MRNs, normalised value). A
-- verified identifier may exist once in the whole registry: the partial unique index refuses a
-- second one even when two connections insert at the same moment (R-6.1.1a).
CREATE TABLE registry_identifiers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id TEXT NOT NULL REFERENCES registry_patients(id),
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    issuer TEXT NOT NULL DEFAULT '',
    verified INTEGER NOT NULL,
    key_hash BLOB NOT NULL,
    added_at INTEGER NOT NULL,
    added_by TEXT NOT NULL
);
CREATE UNIQUE INDEX registry_identifiers_verified_once ON registry_identifiers(key_hash) WHERE verified = 1;
CREATE INDEX registry_identifiers_by_key ON registry_identifiers(key_hash);
CREATE INDEX registry_identifiers_by_patient ON registry_identifiers(patient_id);

-- Current state of each timeline event; every version, the current one included, is in
-- registry_event_versions. start_at/end_at are "yyyy-MM-dd" or "yyyy-MM-ddTHH:mm:ss.zzzZ" and
-- sort chronologically as text.
CREATE TABLE registry_events (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES registry_patients(id),
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    annotation TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '{}',
    form_records TEXT NOT NULL DEFAULT '[]',
    removed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX registry_events_by_patient ON registry_events(patient_id, start_at);

CREATE TABLE registry_event_versions (
    event_id TEXT NOT NULL REFERENCES registry_events(id),
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    title TEXT NOT NULL,
    annotation TEXT NOT NULL,
    payload TEXT NOT NULL,
    form_records TEXT NOT NULL,
    attachments TEXT NOT NULL,
    removed INTEGER NOT NULL,
    change TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (event_id, version)
);

-- Files linked to events; the bytes are in the encrypted vault under blob_id.
CREATE TABLE registry_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL REFERENCES registry_events(id),
    blob_id TEXT NOT NULL,
    media_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    added_by TEXT NOT NULL,
    removed_at INTEGER,
    removed_by TEXT
);
CREATE INDEX registry_attachments_by_event ON registry_attachments(event_id);

-- Merge lineage: what moved (JSON), so unmerge can put it back (R-6.1.1d).
CREATE TABLE registry_merges (
    id TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    survivor_id TEXT NOT NULL REFERENCES registry_patients(id),
    merged_id TEXT NOT NULL REFERENCES registry_patients(id),
    reason TEXT NOT NULL,
    merged_at INTEGER NOT NULL,
    merged_by TEXT NOT NULL,
    lineage TEXT NOT NULL,
    undone_at INTEGER,
    undone_by TEXT,
    undo_reason TEXT
);
CREATE INDEX registry_merges_by_survivor ON registry_merges(survivor_id);
CREATE INDEX registry_merges_by_merged ON registry_merges(merged_id);

-- Possible duplicates for an operator; patient_a < patient_b so a pair is queued once.
CREATE TABLE registry_duplicate_candidates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_a TEXT NOT NULL REFERENCES registry_patients(id),
    patient_b TEXT NOT NULL REFERENCES registry_patients(id),
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT,
    resolution TEXT,
    UNIQUE (patient_a, patient_b)
);
CREATE INDEX registry_duplicate_candidates_by_status ON registry_duplicate_candidates(status);

-- Per-project pseudonyms handed out (deterministic under the registry key; kept for reverse
-- lookup by authorised roles and to list a project's subjects).
CREATE TABLE registry_project_pseudonyms (
    project_id TEXT NOT NULL,
    patient_id TEXT NOT NULL REFERENCES registry_patients(id),
    pseudonym TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (project_id, patient_id),
    UNIQUE (project_id, pseudonym)
);
