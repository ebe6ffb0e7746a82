-- An administrator's one-time code for enrolling an authenticator (issue 9 part 8): the SM3 digest
-- of the code bound to the account id, and when it lapses (milliseconds since the epoch, UTC).
ALTER TABLE accounts ADD COLUMN enrolment_code BLOB;
ALTER TABLE accounts ADD COLUMN enrolment_code_expires INTEGER;
