-- "Recent patients": an account's own writes, newest first, without scanning every version.
CREATE INDEX registry_patient_versions_by_actor ON registry_patient_versions(changed_by, changed_at);
CREATE INDEX registry_event_versions_by_actor ON registry_event_versions(changed_by, changed_at);
