-- 0006: rates the municipality supplies inside the product (issue 17 item 6). Plain SQL and PL/pgSQL:
-- runs on PostgreSQL and PGlite alike.
--
-- A rate administrator (a role in SATSFORVALTNING) enters a value for a parameter table after the
-- table's built-in coverage ends (next year's amounts, a limit the product lacks), with its source and
-- the day it was checked against it. The value is in force only once another person has approved it.
-- Both tables are append-only: an entry or an approval is never changed or removed (a wrong value is
-- followed by a new entry; the store has no update or delete, and the triggers below refuse them), so
-- what was in force, on whose word, can always be read back. Each step is also in the audit log.
CREATE TABLE kommunesatser (
  id               uuid PRIMARY KEY,
  -- The table's name, e.g. foreldrebetaling.kjernetidInntektsgrense
  tabell           text NOT NULL CHECK (length(tabell) BETWEEN 1 AND 100),
  gyldig_fra       date NOT NULL,
  dekket_til       date NOT NULL CHECK (dekket_til >= gyldig_fra),
  -- The value in the table's JSON form (as an operator file writes it), checked by the rules first.
  verdi            jsonb NOT NULL,
  -- {"tittel":"…","url":"…","hjemmel":"…","sitat":"…"}: what the value rests on.
  kilde            jsonb NOT NULL,
  verifisert       date NOT NULL,
  innlagt_av_id    text NOT NULL,
  innlagt_av_navn  text NOT NULL,
  rolle_id         text NOT NULL,
  innlagt          timestamptz NOT NULL
);
CREATE INDEX kommunesatser_tabell ON kommunesatser (tabell, gyldig_fra);

-- One approval per entry, by someone other than the person who entered it.
CREATE TABLE kommunesatsgodkjenninger (
  kommunesats_id   uuid PRIMARY KEY REFERENCES kommunesatser (id),
  godkjent_av_id   text NOT NULL,
  godkjent_av_navn text NOT NULL,
  rolle_id         text NOT NULL,
  godkjent         timestamptz NOT NULL
);

-- Two-person rule in the database too: whatever writes here, no one approves their own entry.
CREATE FUNCTION kommunesatsgodkjenning_ikke_egen() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  innlagt_av text;
BEGIN
  EXECUTE format('SELECT innlagt_av_id FROM %I.kommunesatser WHERE id = $1', TG_TABLE_SCHEMA)
    INTO innlagt_av USING NEW.kommunesats_id;
  IF innlagt_av = NEW.godkjent_av_id THEN
    RAISE EXCEPTION 'en sats kan ikke godkjennes av den som la den inn (%)', NEW.kommunesats_id
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER kommunesatsgodkjenninger_ikke_egen BEFORE INSERT ON kommunesatsgodkjenninger
  FOR EACH ROW EXECUTE FUNCTION kommunesatsgodkjenning_ikke_egen();

-- Append-only, as the audit log's anchors (revisjonslogg_nekt from 0001, fixed search_path since 0003).
CREATE TRIGGER kommunesatser_kun_tillegg BEFORE UPDATE OR DELETE ON kommunesatser
  FOR EACH ROW EXECUTE FUNCTION revisjonslogg_nekt();
CREATE TRIGGER kommunesatser_ingen_truncate BEFORE TRUNCATE ON kommunesatser
  FOR EACH STATEMENT EXECUTE FUNCTION revisjonslogg_nekt();
CREATE TRIGGER kommunesatsgodkjenninger_kun_tillegg BEFORE UPDATE OR DELETE ON kommunesatsgodkjenninger
  FOR EACH ROW EXECUTE FUNCTION revisjonslogg_nekt();
CREATE TRIGGER kommunesatsgodkjenninger_ingen_truncate BEFORE TRUNCATE ON kommunesatsgodkjenninger
  FOR EACH STATEMENT EXECUTE FUNCTION revisjonslogg_nekt();
