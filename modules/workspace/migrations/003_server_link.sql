-- The workstation's link to the site's central server, mdp-grantd (issue 11): where it is, the site CA,
-- and this workstation's client certificate and key. One row; the key stays inside the encrypted
-- database and goes only to the TLS library.
CREATE TABLE server_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    server_name TEXT NOT NULL,
    ca_pem BLOB NOT NULL,
    certificate_pem BLOB NOT NULL,
    private_key_pem BLOB NOT NULL,
    configured_at TEXT NOT NULL,
    configured_by TEXT NOT NULL
);
