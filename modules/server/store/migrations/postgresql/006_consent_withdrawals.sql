-- Consent withdrawals (issue 12; R-6.3.4 c): a patient, by pseudonym, withdrew consent to research use.
-- Kept so that no later request naming the patient is filed or approved; recorded in the same
-- transaction as the revocation of the grants that named the patient then.
CREATE TABLE consent_withdrawals (
    patient text PRIMARY KEY,
    withdrawn_at timestamptz NOT NULL,
    withdrawn_by text NOT NULL,
    reason text NOT NULL
);
