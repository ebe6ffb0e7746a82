-- Consent withdrawals (issue 12; R-6.3.4 c): a patient, by pseudonym, withdrew consent to research use.
-- Kept so that no later request naming the patient is filed or approved; recorded in the same
-- transaction as the revocation of the grants that named the patient then.
CREATE TABLE consent_withdrawals (
    patient TEXT PRIMARY KEY NOT NULL,
    withdrawn_at TEXT NOT NULL,
    withdrawn_by TEXT NOT NULL,
    reason TEXT NOT NULL
);
