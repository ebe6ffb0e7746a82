-- Data delivered under a grant (issue 12; R-5.2k-l, R-7.2.4e). The researcher's workstation names a
-- public key made for this grant alone; the providing site's data manager uploads the data sealed
-- with a per-grant key and that key sealed for the recipient's public key. The server holds neither
-- key in the clear; the row is emptied when the grant is revoked or ends.
CREATE TABLE access_deliveries (
    grant_id text PRIMARY KEY REFERENCES access_grants(id),
    recipient_key bytea,
    recipient_attestation bytea,            -- the key, signed with the holder's workstation certificate
    recipient_at timestamptz,
    ciphertext bytea,
    wrapped_key bytea,
    delivery_attestation bytea,             -- the data's digest, signed with the provider's workstation certificate
    prepared_by text,
    prepared_at timestamptz,
    purged_at timestamptz
);
