-- The catalogue (R-9.2 catalogue query): what form definitions each workstation holds, as metadata
-- only (FHIR-style Questionnaires: id, version, title, field keys with classification levels; never
-- patient data). A workstation's rows are replaced whole on each publication.
CREATE TABLE catalogue_entries (
    workstation TEXT NOT NULL,              -- the publishing workstation's certificate common name
    entry_id TEXT NOT NULL,                 -- the Questionnaire id it gave
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    field_keys TEXT NOT NULL,               -- JSON array of the items' linkIds
    resource BLOB NOT NULL,                 -- the Questionnaire JSON as published
    published TEXT NOT NULL,
    PRIMARY KEY (workstation, entry_id)
);
