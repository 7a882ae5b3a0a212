import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aapneLagring,
  type Lagring,
  LagringFeil,
  type Lagringsvalg,
  lagringsvalgFraMiljoe,
  type Revisjonspost,
} from '@inntektsgrunnlag/lagring';
import { maskerIdentifikator, sjekkIdentifikator } from '@inntektsgrunnlag/person';
import { erIsoDato } from '@inntektsgrunnlag/regelverk';
import { tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';

const bruk = `Bruk: pnpm cli revisjon <liste|verifiser|beskjaer> [valg]

  liste [--siste N] [--identifikator <fødselsnummer>] [--format tekst|json]
      De siste N oppslagene (standard 50), eldste først. Med --identifikator: bare oppslag av den
      personen (hvem har slått opp meg: innsyn etter personvernforordningen art. 15). Andre personer
      i de samme oppslagene vises maskert.
  verifiser [--format tekst|json]
      Regner hele hash-kjeden om. Skriver OK, eller den første brutte posten og hva som er galt
      (avslutningskode 1).
  beskjaer [--dato ÅÅÅÅ-MM-DD]
      Sletter poster eldre enn oppbevaringstiden (INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR, standard 5 år)
      regnet fra datoen (standard i dag), og registrerer et anker så kjeden fortsatt kan verifiseres.

Lagring: DATABASE_URL (PostgreSQL) hvis satt, ellers den innebygde databasen i INNTEKTSGRUNNLAG_DATA
(standard data/pglite under repoets rot).`;

/** The storage lines of the operator commands' help texts (rolle, api-noekkel, ks-integrasjon). */
export const LAGRING_BRUK = `Lagring: DATABASE_URL (PostgreSQL) hvis satt, ellers den innebygde databasen i INNTEKTSGRUNNLAG_DATA
(standard data/pglite under repoets rot; bare én prosess om gangen, så stopp API-et først).`;

/** The repository root: the nearest folder above this file with pnpm-workspace.yaml (same from src/ and dist/). */
export function finnRotkatalog(fra: string = dirname(fileURLToPath(import.meta.url))): string {
  let mappe = fra;
  for (;;) {
    if (existsSync(join(mappe, 'pnpm-workspace.yaml'))) return mappe;
    const opp = dirname(mappe);
    if (opp === mappe) throw new LagringFeil('Fant ikke repoets rot (pnpm-workspace.yaml) over CLI-en');
    mappe = opp;
  }
}

/** Opens the storage the environment names (see lagringsvalgFraMiljoe); the caller closes it. */
export function aapneLagringFraMiljoe(kontekst: Pick<Kontekst, 'env'>): Promise<Lagring> {
  return aapneLagring(lagringsvalgFraMiljoe(kontekst.env, finnRotkatalog()));
}

/** Which database a set of options names, for the operator: never the password. */
export function beskrivDatabase(valg: Lagringsvalg): string {
  if (valg.databaseUrl) {
    let sted = 'DATABASE_URL';
    try {
      const u = new URL(valg.databaseUrl);
      sted = `${u.hostname}:${u.port || '5432'}${u.pathname || ''}`;
    } catch {
      // A string the driver may still read, but not a URL: name the variable only.
    }
    return `PostgreSQL ${sted}, skjema ${valg.skjema ?? 'public'}`;
  }
  if (valg.iMinne) return 'innebygd database i minnet (INNTEKTSGRUNNLAG_DATA=:minne:)';
  return `innebygd database i ${valg.dataKatalog}`;
}

/**
 * Opens the storage for a command that only reads the audit log, saying on stderr which database it
 * is. An answer about a log that does not exist would mislead (a mistyped INNTEKTSGRUNNLAG_DATA or
 * schema gives a new, empty one, whose chain is trivially whole): an embedded database that is not
 * there is refused before anything is created, and a PostgreSQL schema that opening has just created
 * is refused after.
 */
async function aapneForLesing(kontekst: Kontekst): Promise<Lagring | null> {
  const valg = lagringsvalgFraMiljoe(kontekst.env, finnRotkatalog());
  const hvor = beskrivDatabase(valg);
  skriv(kontekst.stderr, `Revisjonsloggen i: ${hvor}`);
  const finnesIkke = (grunn: string) =>
    skriv(
      kontekst.stderr,
      `Feil: ${grunn}, så det finnes ingen revisjonslogg å lese. Sjekk DATABASE_URL, INNTEKTSGRUNNLAG_DB_SKJEMA og INNTEKTSGRUNNLAG_DATA.`,
    );
  if (valg.iMinne) {
    finnesIkke('databasen i minnet er ny og tom');
    return null;
  }
  if (valg.dataKatalog && !existsSync(join(valg.dataKatalog, 'PG_VERSION'))) {
    finnesIkke(`det finnes ingen innebygd database i ${valg.dataKatalog}`);
    return null;
  }
  const start = Date.now();
  const l = await aapneLagring(valg);
  if (valg.databaseUrl) {
    // Both times are the server's: migration 1 ran within this opening, so the schema is new.
    const [r] = await l.sql.query<{ ny: boolean }>(
      'SELECT now() - kjoert <= make_interval(secs => $1) AS ny FROM skjemamigreringer WHERE versjon = 1',
      [(Date.now() - start + 1000) / 1000],
    );
    if (r?.ny && (await l.revisjonslogg.kjedehode()).id === 0) {
      await l.lukk();
      finnesIkke(`skjemaet ${valg.skjema ?? 'public'} fantes ikke før nå (det er opprettet tomt)`);
      return null;
    }
  }
  return l;
}

const tid = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** Identifiers for output: the person asked about in full, everyone else masked. */
function personer(p: Revisjonspost, vis: string | undefined, alleHele: boolean): string[] {
  return p.identifikatorer.map((id) => (alleHele || id === vis ? id : maskerIdentifikator(id)));
}

function somTekst(p: Revisjonspost, identifikator: string | undefined): string {
  const felt = [
    String(p.id).padStart(6),
    tid.format(new Date(p.tidspunkt)),
    p.utfall.padEnd(7),
    `${p.aktoerNavn} (${p.aktoerType.toLowerCase()} ${p.aktoerId})`,
    `rolle ${p.rolleId ?? '-'}`,
    p.beregningstype ?? '-',
    p.inntektsaar === null ? '-' : String(p.inntektsaar),
    `sak ${p.saksreferanse ?? '-'}`,
    personer(p, identifikator, false).join(' '),
  ];
  if (p.aarsakskode) felt.splice(3, 0, p.aarsakskode);
  if (p.formaal) felt.push(`formål: ${p.formaal}`);
  return felt.join('  ');
}

async function liste(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(
    argumenter,
    {
      siste: { type: 'string' },
      identifikator: { type: 'string' },
      format: { type: 'string', default: 'tekst' },
    },
    bruk,
  );
  if (positionals.length > 0) throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${bruk}`);
  if (values.format !== 'tekst' && values.format !== 'json') {
    throw new BrukerFeil(`--format må være tekst eller json (fikk ${values.format})`);
  }
  let siste = 50;
  if (values.siste !== undefined) {
    if (!/^\d{1,5}$/.test(values.siste) || Number(values.siste) < 1 || Number(values.siste) > 10_000) {
      throw new BrukerFeil(`--siste må være et helt tall fra 1 til 10000 (fikk «${values.siste}»)`);
    }
    siste = Number(values.siste);
  }
  const identifikator = values.identifikator;
  if (identifikator !== undefined) {
    const sjekk = sjekkIdentifikator(identifikator);
    if (!sjekk.gyldig) throw new BrukerFeil(`--identifikator er ugyldig: ${sjekk.melding}`);
  }
  return medLagring(
    kontekst,
    async (l) => {
      const poster = await l.revisjonslogg.liste({ siste, ...(identifikator ? { identifikator } : {}) });
      if (values.format === 'json') {
        const ut = poster.map((p) => ({ ...p, identifikatorer: personer(p, identifikator, !identifikator) }));
        skriv(kontekst.stdout, JSON.stringify(ut, null, 2));
      } else if (poster.length === 0) {
        skriv(
          kontekst.stdout,
          identifikator ? 'Ingen oppslag av denne personen.' : 'Revisjonsloggen er tom.',
        );
      } else {
        for (const p of poster) skriv(kontekst.stdout, somTekst(p, identifikator));
      }
      return 0;
    },
    { lesende: true },
  );
}

async function verifiser(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(
    argumenter,
    { format: { type: 'string', default: 'tekst' } },
    bruk,
  );
  if (positionals.length > 0) throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${bruk}`);
  if (values.format !== 'tekst' && values.format !== 'json') {
    throw new BrukerFeil(`--format må være tekst eller json (fikk ${values.format})`);
  }
  return medLagring(
    kontekst,
    async (l) => {
      const r = await l.revisjonslogg.verifiserKjede();
      if (values.format === 'json') skriv(kontekst.stdout, JSON.stringify(r, null, 2));
      else if (r.ok) {
        skriv(
          kontekst.stdout,
          `OK: ${r.antall} poster kontrollert, kjeden er hel (hode: post ${r.hode.id}, hash ${r.hode.hash})`,
        );
      } else {
        skriv(
          kontekst.stdout,
          `BRUTT ved post ${r.id} (${r.feil}): ${r.melding}. ${r.antall} poster før den er i orden.`,
        );
      }
      return r.ok ? 0 : 1;
    },
    { lesende: true },
  );
}

async function beskjaer(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(argumenter, { dato: { type: 'string' } }, bruk);
  if (positionals.length > 0) throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${bruk}`);
  const dato = values.dato ?? kontekst.idag();
  if (!erIsoDato(dato))
    throw new BrukerFeil(`--dato må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk «${dato}»)`);
  return medLagring(kontekst, async (l) => {
    const r = await l.revisjonslogg.beskjaer({ naa: `${dato}T00:00:00Z` });
    skriv(
      kontekst.stdout,
      r.anker
        ? `Slettet ${r.slettet} poster fra før ${r.grense.slice(0, 10)} (til og med post ${r.anker.tilOgMedId}); ankeret er registrert.`
        : `Ingen poster er eldre enn ${r.grense.slice(0, 10)}.`,
    );
    return 0;
  });
}

/**
 * Opens the storage the environment names and runs the command on it, closing it after; a storage that
 * cannot be opened is «Feil: …» on stderr and exit code 1. With `lesende`, opened for reading.
 */
export async function medLagring(
  kontekst: Kontekst,
  fn: (l: Lagring) => Promise<number>,
  valg: { lesende?: boolean } = {},
): Promise<number> {
  let l: Lagring;
  try {
    if (valg.lesende) {
      const aapnet = await aapneForLesing(kontekst);
      if (!aapnet) return 1;
      l = aapnet;
    } else {
      l = await aapneLagringFraMiljoe(kontekst);
    }
  } catch (e) {
    if (!(e instanceof LagringFeil)) throw e;
    skriv(kontekst.stderr, `Feil: ${e.message}`);
    return 1;
  }
  try {
    return await fn(l);
  } finally {
    await l.lukk();
  }
}

export const revisjon: Kommando = {
  navn: 'revisjon',
  beskrivelse: 'revisjonsloggen: hvem slo opp hvem, og om kjeden er hel',
  bruk,
  async kjoer(argumenter, kontekst) {
    const [under, ...rest] = argumenter;
    switch (under) {
      case 'liste':
        return liste(rest, kontekst);
      case 'verifiser':
        return verifiser(rest, kontekst);
      case 'beskjaer':
        return beskjaer(rest, kontekst);
      default:
        throw new BrukerFeil(
          `${under ? `Ukjent underkommando «${under}».` : 'Oppgi en underkommando.'}\n\n${bruk}`,
        );
    }
  },
};
