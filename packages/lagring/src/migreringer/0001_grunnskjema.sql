-- 0001: roles, users, groups, integration clients, and the append-only, hash-chained audit log.
-- Runs on PostgreSQL and on PGlite alike: plain SQL and PL/pgSQL only, no extensions.

CREATE TABLE roller (
  id              text PRIMARY KEY,
  navn            text NOT NULL,
  tjenesteomraade text NOT NULL,
  avregning       boolean NOT NULL DEFAULT false,
  demo            boolean NOT NULL DEFAULT false
);

-- kildesystem and ekstern_id: a user or group provisioned by SCIM (issue 13) is known by its source
-- system and its externalId there; foedselsnummer lets an OIDC login (ID-porten) find the user.
CREATE TABLE brukere (
  id             text PRIMARY KEY,
  visningsnavn   text NOT NULL,
  foedselsnummer text UNIQUE,
  kildesystem    text,
  ekstern_id     text,
  aktiv          boolean NOT NULL DEFAULT true,
  demo           boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX brukere_ekstern_id ON brukere (coalesce(kildesystem, ''), ekstern_id)
  WHERE ekstern_id IS NOT NULL;

CREATE TABLE bruker_roller (
  bruker_id text NOT NULL REFERENCES brukere (id) ON DELETE CASCADE,
  rolle_id  text NOT NULL REFERENCES roller (id) ON DELETE CASCADE,
  PRIMARY KEY (bruker_id, rolle_id)
);

CREATE TABLE grupper (
  id          text PRIMARY KEY,
  navn        text NOT NULL,
  kildesystem text,
  ekstern_id  text,
  demo        boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX grupper_ekstern_id ON grupper (coalesce(kildesystem, ''), ekstern_id)
  WHERE ekstern_id IS NOT NULL;

CREATE TABLE gruppemedlemmer (
  gruppe_id text NOT NULL REFERENCES grupper (id) ON DELETE CASCADE,
  bruker_id text NOT NULL REFERENCES brukere (id) ON DELETE CASCADE,
  PRIMARY KEY (gruppe_id, bruker_id)
);

-- Which groups confer which role.
CREATE TABLE gruppe_roller (
  gruppe_id text NOT NULL REFERENCES grupper (id) ON DELETE CASCADE,
  rolle_id  text NOT NULL REFERENCES roller (id) ON DELETE CASCADE,
  PRIMARY KEY (gruppe_id, rolle_id)
);

-- An integration client holds exactly one role. Its API key is stored only as a SHA-256 hash of a
-- high-entropy key; a demo client's key is public and is refused outside embedded mode.
CREATE TABLE klienter (
  id          text PRIMARY KEY,
  navn        text NOT NULL,
  rolle_id    text NOT NULL REFERENCES roller (id) ON DELETE RESTRICT,
  noekkel_hash text NOT NULL UNIQUE,
  demo        boolean NOT NULL DEFAULT false,
  aktiv       boolean NOT NULL DEFAULT true
);

-- The audit log. No foreign keys: an entry outlives the role, user or client it names.
-- id is the position in the chain (1, 2, …; after pruning it continues from the anchor).
CREATE TABLE revisjonslogg (
  id              bigint PRIMARY KEY,
  tidspunkt       timestamptz NOT NULL,
  aktoer_type     text NOT NULL,
  aktoer_id       text NOT NULL,
  aktoer_navn     text NOT NULL,
  rolle_id        text,
  tjenesteomraade text,
  beregningstype  text,
  formaal         text,
  saksreferanse   text,
  identifikatorer text[] NOT NULL,
  inntektsaar     integer,
  utfall          text NOT NULL CHECK (utfall IN ('TILLATT', 'AVVIST', 'FEILET')),
  aarsakskode     text,
  korrelasjonsid  text,
  forrige_hash    text NOT NULL,
  hash            text NOT NULL UNIQUE
);
CREATE INDEX revisjonslogg_identifikatorer ON revisjonslogg USING gin (identifikatorer);
CREATE INDEX revisjonslogg_tidspunkt ON revisjonslogg (tidspunkt);

-- A recorded pruning: entries up to and including til_og_med_id were deleted under the retention
-- setting; til_og_med_hash is the hash of the last deleted entry, so the first remaining entry still
-- links to something recorded and the chain stays verifiable.
CREATE TABLE revisjonslogg_anker (
  til_og_med_id   bigint PRIMARY KEY,
  til_og_med_hash text NOT NULL,
  antall          bigint NOT NULL,
  grense          timestamptz NOT NULL,
  utfoert         timestamptz NOT NULL
);

-- Append-only: UPDATE is always refused; DELETE only of entries covered by a recorded anchor
-- (pruning), so no entry disappears without a trace.
CREATE FUNCTION revisjonslogg_vern() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM revisjonslogg_anker a WHERE a.til_og_med_id >= OLD.id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'revisjonsloggen kan bare utvides: % av post % er ikke tillatt', TG_OP, OLD.id
    USING ERRCODE = 'P0001';
END $$;

CREATE FUNCTION revisjonslogg_nekt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tabellen % kan bare utvides: % er ikke tillatt', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER revisjonslogg_kun_tillegg BEFORE UPDATE OR DELETE ON revisjonslogg
  FOR EACH ROW EXECUTE FUNCTION revisjonslogg_vern();
CREATE TRIGGER revisjonslogg_ingen_truncate BEFORE TRUNCATE ON revisjonslogg
  FOR EACH STATEMENT EXECUTE FUNCTION revisjonslogg_nekt();
CREATE TRIGGER revisjonslogg_anker_kun_tillegg BEFORE UPDATE OR DELETE ON revisjonslogg_anker
  FOR EACH ROW EXECUTE FUNCTION revisjonslogg_nekt();
CREATE TRIGGER revisjonslogg_anker_ingen_truncate BEFORE TRUNCATE ON revisjonslogg_anker
  FOR EACH STATEMENT EXECUTE FUNCTION revisjonslogg_nekt();
