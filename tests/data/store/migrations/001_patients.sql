-- Test schema, release 1.
CREATE TABLE subjects (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL
);
