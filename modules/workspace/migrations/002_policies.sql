-- Access policies in force (issue 10, R-6.6.4c, R-7.1.2 e). Each row is a policy document with the
-- workspace key's SM2 signature over it (SignedPolicy's JSON envelope); the newest row whose signature
-- verifies is in force, so a row altered in the database is refused and the one before it stays.
CREATE TABLE policies (
    version INTEGER PRIMARY KEY,
    signed BLOB NOT NULL,
    installed_at TEXT NOT NULL,
    installed_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

-- The classification flow of R-7.1.2: a request (a), its level review (b), the rule matching (c) and
-- the decision (d) made when the reviewed requests are put in force as a new policy version (e).
-- Every step is also an audit event; this table is the work queue the screens show.
CREATE TABLE classification_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,              -- "form:<form>/<field path>", "identifier:resident-id", ...
    label TEXT NOT NULL,
    category TEXT NOT NULL,             -- proposed
    sub_kind TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    state TEXT NOT NULL,                -- requested | reviewed | rejected | decided
    reviewed_category TEXT,
    reviewed_sub_kind TEXT,
    reviewed_level INTEGER,
    reviewed_by TEXT,
    review_note TEXT,
    reviewed_at TEXT,
    matched_rule TEXT,
    matched_level INTEGER,
    decided_level INTEGER,
    policy_version INTEGER
);
CREATE INDEX classification_requests_state ON classification_requests (state, id);
