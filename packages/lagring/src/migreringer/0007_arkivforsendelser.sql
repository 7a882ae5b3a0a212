-- 0007: sendings to the municipality's archive through Fiks Arkiv (issue 21). Plain SQL: runs on
-- PostgreSQL and PGlite alike.
--
-- One row per sending: a journalpost the case worker asked to have journaled. Its id is the
-- journalpost's external key (referanseEksternNoekkel.noekkel) in the arkivmelding, so every resend of the
-- sending carries the same key and the archive de-duplicates on it: a lost receipt and a resend give one
-- journalpost. The package is the ASiC-E container encrypted to the archive's certificate (no one but
-- the archive can read it); it is kept only for resending, and removed once the archive has journaled.
-- What the sending was (beregningstype, income year, case, who and in which role) is here for the status
-- page; the lookup itself and every sending are in the audit log, as always.
CREATE TABLE arkivforsendelser (
  id               uuid PRIMARY KEY,
  opprettet        timestamptz NOT NULL,
  endret           timestamptz NOT NULL,
  aktoer_type      text NOT NULL,
  aktoer_id        text NOT NULL,
  rolle_id         text NOT NULL,
  beregningstype   text NOT NULL,
  inntektsaar      integer NOT NULL,
  saksreferanse    text,
  journalposttype  text NOT NULL CHECK (journalposttype IN ('U', 'N', 'X')),
  -- {"type":"EKSISTERENDE","saksaar":2026,"sakssekvensnummer":12} or {"type":"NY","tittel":"…"}
  saksmappe        jsonb NOT NULL,
  mottaker_konto   text NOT NULL,
  -- SENDES: made, not yet handed to Fiks IO; SENDT: Fiks IO took it; MOTTATT: the archive said it has it;
  -- JOURNALFOERT: the archive's receipt came; FEILET: the archive answered with an error, or sending failed.
  status           text NOT NULL CHECK (status IN ('SENDES', 'SENDT', 'MOTTATT', 'JOURNALFOERT', 'FEILET')),
  antall_sendinger integer NOT NULL DEFAULT 0,
  sist_sendt       timestamptz,
  -- The receipt's ids (journal and case numbers, systemIDs), once journaled.
  kvittering       jsonb,
  -- {"type":"UGYLDIG_FORESPOERSEL"|"SERVERFEIL"|"IKKE_FUNNET"|"SENDING","melding":"…","feilId":"…"}
  feil             jsonb,
  pakke            bytea
);
CREATE INDEX arkivforsendelser_aktoer ON arkivforsendelser (aktoer_id, opprettet);

-- Every message Fiks IO took for a sending (one per send and resend): the archive's answers name the
-- message they answer (svar-til), and are matched to the sending here.
CREATE TABLE arkivmeldinger (
  melding_id       uuid PRIMARY KEY,
  forsendelse_id   uuid NOT NULL REFERENCES arkivforsendelser (id) ON DELETE CASCADE,
  sendt            timestamptz NOT NULL
);
CREATE INDEX arkivmeldinger_forsendelse ON arkivmeldinger (forsendelse_id, sendt);
