-- 0002: SCIM source systems (issue 13), the SCIM attributes of users and groups, sign-in sessions and
-- pending OIDC sign-ins. Plain SQL: runs on PostgreSQL and PGlite alike.

-- A source system (kildesystem) provisions users and groups over SCIM with its own bearer token.
-- Only a SHA-256 hash of the (256-bit random) token is stored; the token expires at token_utloeper.
CREATE TABLE kildesystemer (
  id             text PRIMARY KEY,
  navn           text NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  token_utloeper timestamptz NOT NULL,
  aktiv          boolean NOT NULL DEFAULT true,
  opprettet      timestamptz NOT NULL
);

-- SCIM attributes of a user: userName (unique per source system, compared case-insensitively as
-- RFC 7643 § 4.1.1 says), name, emails; created/modified and a version for meta and ETag.
ALTER TABLE brukere ADD COLUMN brukernavn text;
ALTER TABLE brukere ADD COLUMN navn jsonb;
ALTER TABLE brukere ADD COLUMN epost jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE brukere ADD COLUMN opprettet timestamptz;
ALTER TABLE brukere ADD COLUMN endret timestamptz;
ALTER TABLE brukere ADD COLUMN versjon integer NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX brukere_brukernavn ON brukere (coalesce(kildesystem, ''), lower(brukernavn))
  WHERE brukernavn IS NOT NULL;

ALTER TABLE grupper ADD COLUMN opprettet timestamptz;
ALTER TABLE grupper ADD COLUMN endret timestamptz;
ALTER TABLE grupper ADD COLUMN versjon integer NOT NULL DEFAULT 1;
CREATE INDEX grupper_kildesystem_navn ON grupper (kildesystem, navn);
CREATE INDEX gruppemedlemmer_bruker ON gruppemedlemmer (bruker_id);

-- A signed-in session. The cookie carries a random id; only its SHA-256 hash is stored, so a copy of
-- the table does not let anyone take over a session. A session ends when idle too long (sist_brukt),
-- at utloeper (absolute), at logout, or when the user is deleted.
CREATE TABLE sesjoner (
  id_hash     text PRIMARY KEY,
  bruker_id   text NOT NULL REFERENCES brukere (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  innlogging  text NOT NULL CHECK (innlogging IN ('OIDC', 'DEMO')),
  -- The ID token, kept only to name the session at the issuer's logout (id_token_hint).
  id_token    text,
  opprettet   timestamptz NOT NULL,
  sist_brukt  timestamptz NOT NULL,
  utloeper    timestamptz NOT NULL
);
CREATE INDEX sesjoner_bruker ON sesjoner (bruker_id);
CREATE INDEX sesjoner_utloeper ON sesjoner (utloeper);

-- A sign-in in progress: state (hashed), nonce and PKCE verifier, used once, for a few minutes.
CREATE TABLE innloggingsforsoek (
  state_hash    text PRIMARY KEY,
  nonce         text NOT NULL,
  kodeverifier  text NOT NULL,
  utloeper      timestamptz NOT NULL
);
CREATE INDEX innloggingsforsoek_utloeper ON innloggingsforsoek (utloeper);
