CREATE INDEX visits_by_subject ON visits (subject_id, seen_at);
