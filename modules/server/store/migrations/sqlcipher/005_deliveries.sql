-- Data delivered under a grant (issue 12; R-5.2k-l, R-7.2.4e). The researcher's workstation names a
-- public key made for this grant alone; the providing site's data manager uploads the data sealed
-- with a per-grant key and that key sealed for the recipient's public key. The server holds neither
-- key in the clear; the row is emptied when the grant is revoked or ends.
CREATE TABLE access_deliveries (
    grant_id TEXT PRIMARY KEY NOT NULL REFERENCES access_grants(id),
    recipient_key BLOB,
    recipient_attestation BLOB,            -- the key, signed with the holder's workstation certificate
    recipient_at TEXT,
    ciphertext BLOB,
    wrapped_key BLOB,
    delivery_attestation BLOB,             -- the data's digest, signed with the provider's workstation certificate
    prepared_by TEXT,
    prepared_at TEXT,
    purged_at TEXT
);
