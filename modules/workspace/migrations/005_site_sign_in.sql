-- Single sign-on across the site's workstations (R-9.3): when each account last signed in here through
-- the site server, which bounds its offline sign-ins with the local password while the server cannot
-- be reached, and how long that offline period is (one row; 72 hours unless an administrator set it).
CREATE TABLE site_sign_in (
    account_id TEXT PRIMARY KEY,
    last_server_sign_in_ms INTEGER NOT NULL
);
CREATE TABLE site_sign_in_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    offline_hours INTEGER NOT NULL CHECK (offline_hours >= 0)
);
