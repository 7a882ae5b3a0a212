-- 0004: KS Fiks integrations (issue 18). A case-management system built for KS calls the KS-compatible
-- routes with a Maskinporten token and the headers IntegrasjonId and IntegrasjonPassord; the integration
-- names the organisation that must be the token's consumer, and holds the roles it may use.
-- Plain SQL: runs on PostgreSQL and PGlite alike.

-- The password is stored only as a slow hash (scrypt with a salt of its own and the parameters in the
-- stored text: scrypt$<log2 N>$<r>$<p>$<salt>$<hash>); the password itself is shown once, at creation
-- or rotation. A demo integration's password is public and is refused outside the demo set-up.
CREATE TABLE ks_integrasjoner (
  id                  uuid PRIMARY KEY,
  navn                text NOT NULL,
  organisasjonsnummer text NOT NULL CHECK (organisasjonsnummer ~ '^[0-9]{9}$'),
  passord_hash        text NOT NULL,
  demo                boolean NOT NULL DEFAULT false,
  aktiv               boolean NOT NULL DEFAULT true,
  opprettet           timestamptz NOT NULL,
  passord_endret      timestamptz NOT NULL
);

-- The roles an integration may call in (the {rolleId} of a KS path). A role held by an integration
-- cannot be deleted before the integration lets go of it.
CREATE TABLE ks_integrasjon_roller (
  integrasjon_id uuid NOT NULL REFERENCES ks_integrasjoner (id) ON DELETE CASCADE,
  rolle_id       text NOT NULL REFERENCES roller (id) ON DELETE RESTRICT,
  PRIMARY KEY (integrasjon_id, rolle_id)
);
CREATE INDEX ks_integrasjon_roller_rolle ON ks_integrasjon_roller (rolle_id);
