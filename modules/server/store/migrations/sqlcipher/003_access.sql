-- Access requests and grants (issue 12; R-5.2e-j, R-6.3.1-R-6.3.4). A request is kept as its JSON
-- (the shared rules' AccessRequest) with the columns it is found by; a grant as its signed envelope.
-- Numbers are counted per year.
CREATE TABLE access_request_numbers (
    year INTEGER PRIMARY KEY NOT NULL,
    last INTEGER NOT NULL
);
CREATE TABLE access_requests (
    number TEXT PRIMARY KEY NOT NULL,
    requester TEXT NOT NULL,
    status TEXT NOT NULL,
    workstation TEXT NOT NULL,              -- SHA-256 (hex) of the certificate it was submitted over
    document BLOB NOT NULL,
    revision INTEGER NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX access_requests_by_requester ON access_requests(requester);
CREATE INDEX access_requests_by_status ON access_requests(status);
CREATE TABLE access_grants (
    id TEXT PRIMARY KEY NOT NULL,
    request_number TEXT NOT NULL UNIQUE REFERENCES access_requests(number),
    subject TEXT NOT NULL,
    envelope BLOB NOT NULL,
    not_after TEXT NOT NULL,
    issued TEXT NOT NULL
);
CREATE INDEX access_grants_by_subject ON access_grants(subject);
