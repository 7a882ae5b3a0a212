-- 0003: the audit log's trigger functions no longer depend on the caller's search_path.
--
-- 0001's revisjonslogg_vern() named revisjonslogg_anker without a schema, and PL/pgSQL looks names up
-- when the trigger runs, in the search_path of whoever issued the UPDATE or DELETE. In a session whose
-- search_path lacked the product's schema (INNTEKTSGRUNNLAG_DB_SKJEMA), the trigger failed with
-- `relation "revisjonslogg_anker" does not exist` instead of refusing; and a session that offered a
-- table of that name of its own (in its search_path, or as a temporary table, which is searched first
-- even when search_path names only the product's schema) could get a DELETE past it.
--
-- Now the anchor table is named with the schema of the table the trigger fires on (TG_TABLE_SCHEMA), so
-- it is the anchor table beside that audit log whatever the session's settings; and both functions run
-- with a fixed search_path (pg_catalog first, pg_temp last), so no operator or function can be supplied
-- by the caller either. CREATE OR REPLACE keeps the triggers: they refer to the functions themselves.
-- Plain SQL and PL/pgSQL: runs on PostgreSQL and PGlite alike.

-- Append-only: UPDATE is always refused; DELETE only of entries covered by a recorded anchor
-- (pruning), so no entry disappears without a trace.
CREATE OR REPLACE FUNCTION revisjonslogg_vern() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  dekket boolean := false;
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'SELECT EXISTS (SELECT 1 FROM %I.revisjonslogg_anker a WHERE a.til_og_med_id >= $1)',
      TG_TABLE_SCHEMA
    ) INTO dekket USING OLD.id;
    IF dekket THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'revisjonsloggen kan bare utvides: % av post % er ikke tillatt', TG_OP, OLD.id
    USING ERRCODE = 'P0001';
END $$;

-- Names no table, but gets the same fixed search_path, so nothing it does depends on the caller.
CREATE OR REPLACE FUNCTION revisjonslogg_nekt() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'tabellen % kan bare utvides: % er ikke tillatt', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001';
END $$;
