-- Issue 13 (R-7.4.2): the periodic audit reports, as generated: the report (JSON, sorted keys) and the
-- workstation node key's SM2 signature over exactly those bytes. Only ever added: a period's report made
-- again is another row, so the history shows every version.
CREATE TABLE audit_reports (
    id TEXT PRIMARY KEY NOT NULL,
    period TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    document BLOB NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX audit_reports_by_period ON audit_reports (period, created_at);
