-- The idempotency key of an audit entry (issue 19): a random UUID the writer gives each entry before
-- its first attempt. When the connection is lost during COMMIT the outcome is unknown; the writer then
-- retries the entries one by one, and under the chain's lock looks each key up first, so an entry that
-- had in fact committed is answered from the log instead of being written a second time. Not part of
-- the hash (the chain's format is unchanged); entries written before this migration have none.
ALTER TABLE revisjonslogg ADD COLUMN noekkel uuid;
CREATE UNIQUE INDEX revisjonslogg_noekkel ON revisjonslogg (noekkel);

-- A fødselsnummer is unique within a source system, not across them (issue 19, item 7): refusing a
-- SCIM source system's user because another system's user has the number would tell the first system
-- that the number belongs to someone else's user. Sign-in (OIDC with OIDC_KILDESYSTEM, KS with ID-porten)
-- matches within the configured source system, and treats more than one match as no match.
ALTER TABLE brukere DROP CONSTRAINT IF EXISTS brukere_foedselsnummer_key;
CREATE UNIQUE INDEX brukere_kildesystem_foedselsnummer ON brukere (coalesce(kildesystem, ''), foedselsnummer);
