-- Issue 11, R-9.2: the site's revocations as the server pushes them (its own list and the CA's,
-- signed with the witness key this workstation pinned). A policy signed by a revoked workstation
-- certificate is refused. Serials (lower-case hex, no leading zeros) are only ever added.
CREATE TABLE site_revocations (
    serial TEXT PRIMARY KEY NOT NULL,
    noted_at INTEGER NOT NULL
);
