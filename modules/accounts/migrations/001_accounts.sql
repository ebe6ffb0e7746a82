-- Accounts (R-7.4.2). user_name_key is the NFKC, case-folded user name, so two names that differ
-- only in case or character width cannot both exist. Times are milliseconds since the epoch (UTC).
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    user_name TEXT NOT NULL,
    user_name_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    totp_secret BLOB,
    totp_algorithm TEXT,
    totp_digits INTEGER,
    totp_period INTEGER,
    totp_confirmed INTEGER NOT NULL DEFAULT 0,
    totp_last_step INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL,
    last_login_at INTEGER
);

-- Roles of an account; position 0 is the primary role.
CREATE TABLE account_roles (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE INDEX account_roles_by_role ON account_roles(role);
