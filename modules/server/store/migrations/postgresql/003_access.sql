-- Access requests and grants (issue 12; R-5.2e-j, R-6.3.1-R-6.3.4). A request is kept as its JSON
-- (the shared rules' AccessRequest) with the columns it is found by; a grant as its signed envelope.
-- Numbers are counted per year.
CREATE TABLE access_request_numbers (
    year integer PRIMARY KEY,
    last bigint NOT NULL
);
CREATE TABLE access_requests (
    number text PRIMARY KEY,
    requester text NOT NULL,
    status text NOT NULL,
    workstation text NOT NULL,              -- SHA-256 (hex) of the certificate it was submitted over
    document bytea NOT NULL,
    revision bigint NOT NULL,
    updated timestamptz NOT NULL
);
CREATE INDEX access_requests_by_requester ON access_requests(requester);
CREATE INDEX access_requests_by_status ON access_requests(status);
CREATE TABLE access_grants (
    id text PRIMARY KEY,
    request_number text NOT NULL UNIQUE REFERENCES access_requests(number),
    subject text NOT NULL,
    envelope bytea NOT NULL,
    not_after timestamptz NOT NULL,
    issued timestamptz NOT NULL
);
CREATE INDEX access_grants_by_subject ON access_grants(subject);
