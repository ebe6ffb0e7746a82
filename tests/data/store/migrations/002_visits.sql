-- Test schema, release 2: visits belong to a subject.
CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES subjects(id),
    seen_at TEXT NOT NULL,
    note BLOB
);
ALTER TABLE subjects ADD COLUMN site TEXT NOT NULL DEFAULT 'unknown';
