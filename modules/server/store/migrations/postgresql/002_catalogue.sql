-- The catalogue (R-9.2 catalogue query): what form definitions each workstation holds, as metadata
-- only (FHIR-style Questionnaires: id, version, title, field keys with classification levels; never
-- patient data). A workstation's rows are replaced whole on each publication.
CREATE TABLE catalogue_entries (
    workstation text NOT NULL,              -- the publishing workstation's certificate common name
    entry_id text NOT NULL,                 -- the Questionnaire id it gave
    version text NOT NULL,
    title text NOT NULL,
    field_keys text NOT NULL,               -- JSON array of the items' linkIds
    resource bytea NOT NULL,                -- the Questionnaire JSON as published
    published timestamptz NOT NULL,
    PRIMARY KEY (workstation, entry_id)
);
