-- Entry forms and the review workflow (R-6.2.1-R-6.2.4). Times are milliseconds since the epoch
-- (UTC); record ids are UUID text, account ids as the account directory writes them. The database
-- is encrypted, so field values are stored as they are; audit events and notices carry only the
-- patient's pseudonym.

-- Every imported version of every form. `hash` is SHA-256 over the canonical JSON without the
-- version number, so importing unchanged content again is recognised.
CREATE TABLE forms_definitions (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    hash TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    imported_by TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (form_id, version)
);

-- The current state of each record. `owner_id` holds the draft: the creator, or whoever started
-- an amendment; nobody else sees a draft that was never approved (R-6.2.2a).
CREATE TABLE forms_records (
    id TEXT PRIMARY KEY NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    patient_id TEXT NOT NULL,
    patient_pseudonym TEXT NOT NULL,
    event_id TEXT NOT NULL DEFAULT '',
    project_id TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    formal_version INTEGER NOT NULL DEFAULT 0,
    creator_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    submitter_id TEXT NOT NULL DEFAULT '',
    reviewer_id TEXT NOT NULL DEFAULT '',
    last_reason TEXT NOT NULL DEFAULT '',
    values_json TEXT NOT NULL,
    formal_json TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    FOREIGN KEY (form_id, form_version) REFERENCES forms_definitions(form_id, version)
);
CREATE INDEX forms_records_by_patient ON forms_records(patient_id, updated_at);
CREATE INDEX forms_records_by_event ON forms_records(event_id);
CREATE INDEX forms_records_by_updated ON forms_records(updated_at, id);

-- One row per write (R-6.1.1d, R-6.2.2d): who, when, why, which transition, the values then.
CREATE TABLE forms_record_versions (
    record_id TEXT NOT NULL REFERENCES forms_records(id),
    revision INTEGER NOT NULL,
    transition TEXT NOT NULL,
    status TEXT NOT NULL,
    formal_version INTEGER NOT NULL DEFAULT 0,
    actor_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    values_json TEXT NOT NULL,
    PRIMARY KEY (record_id, revision)
);
-- A formal version number is given once per record, whatever two writers try.
CREATE UNIQUE INDEX forms_formal_versions ON forms_record_versions(record_id, formal_version)
    WHERE formal_version > 0;

-- Review tasks (R-6.2.3, R-6.2.4a). `formal_base` is the formal version the submission builds on,
-- so `submission` counts resubmissions of one revision line.
CREATE TABLE forms_review_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL REFERENCES forms_records(id),
    submitter_id TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    state TEXT NOT NULL,
    assigned_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    escalated INTEGER NOT NULL DEFAULT 0,
    submission INTEGER NOT NULL DEFAULT 1,
    formal_base INTEGER NOT NULL DEFAULT 0,
    closed_at INTEGER,
    closed_by TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
);
-- At most one open task per record, even with two writers.
CREATE UNIQUE INDEX forms_one_open_task ON forms_review_tasks(record_id) WHERE state = 'open';
CREATE INDEX forms_tasks_by_reviewer ON forms_review_tasks(reviewer_id, state, due_at);
CREATE INDEX forms_tasks_by_state ON forms_review_tasks(state, due_at);

-- Who reviews what (R-6.2.3a); categories and projects as JSON arrays (empty: any).
CREATE TABLE forms_reviewer_profiles (
    account_id TEXT PRIMARY KEY NOT NULL,
    categories TEXT NOT NULL DEFAULT '[]',
    projects TEXT NOT NULL DEFAULT '[]',
    email TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- In-app notices (R-6.2.3b, R-6.2.4e). email_state: 'none' (no address when sent), 'pending'
-- (waiting for the mail dispatcher), 'delivered', 'error' (email_error says why).
CREATE TABLE forms_notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    task_id INTEGER,
    patient_pseudonym TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL DEFAULT '',
    actor_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL,
    read_at INTEGER,
    email_state TEXT NOT NULL DEFAULT 'none',
    email_error TEXT NOT NULL DEFAULT '',
    email_attempts INTEGER NOT NULL DEFAULT 0,
    emailed_at INTEGER
);
CREATE INDEX forms_notifications_by_recipient ON forms_notifications(recipient_id, read_at);
CREATE INDEX forms_notifications_by_email ON forms_notifications(email_state);

-- Addresses for notices to accounts without a reviewer profile (submitters).
CREATE TABLE forms_notification_emails (
    account_id TEXT PRIMARY KEY NOT NULL,
    address TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
