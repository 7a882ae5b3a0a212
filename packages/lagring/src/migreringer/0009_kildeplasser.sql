-- 0009: the organisation's call slots per source API, shared by every instance and batch on this
-- database (issue 19 item 5). Skatteetaten asks for at most five concurrent calls per API from an
-- organisation; a per-process bound let three instances make fifteen. A slot is a row; a process holds
-- it by writing its id and a lease expiry, and frees it when the call ends. A process that dies holding
-- a slot loses it when the lease runs out (longer than any one attempt may take), so nothing stays
-- taken for ever. Plain SQL: runs on PostgreSQL and PGlite alike (PGlite uses in-process slots).
CREATE TABLE kildeplasser (
  api      text NOT NULL,
  plass    integer NOT NULL,
  eier     text,
  utloeper timestamptz,
  PRIMARY KEY (api, plass)
);

-- The API's per-client rate limit (API_RATE_LIMIT per minute), counted once for all instances: a fixed
-- window per client. The client is stored as a SHA-256 of its key (actor or IP address), never the key
-- itself; windows long past are removed as they are counted.
CREATE TABLE hastighetsvinduer (
  noekkel text PRIMARY KEY,
  start   timestamptz NOT NULL,
  antall  integer NOT NULL
);
