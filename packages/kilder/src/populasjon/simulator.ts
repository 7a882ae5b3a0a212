import { randomUUID } from 'node:crypto';
import { begrensTilDeler } from '../folkeregisteret.js';
import type { Populasjon } from './typer.js';

/**
 * Answers as Skatteetaten's APIs give them, from the synthetic population: status and JSON body,
 * including the error bodies `{kode, melding, korrelasjonsid}` (docs/om/feil.md). The embedded adapter
 * and the stand-in server both answer through this, so the two can never disagree.
 */
export interface SimulertSvar {
  status: number;
  body: unknown;
}

/**
 * Rettighetspakker and the stages each allows, Summert skattegrunnlag V2 (table in
 * Skatteetaten/api-dokumentasjon docs/api/summertskattegrunnlag.md, last_updated Sep 2025), spelled
 * exactly as that page spells them. Compared exactly (case-sensitive): whether Skatteetaten's gateway
 * ignores case is not documented, so the stand-in does not, and a product that sends another spelling
 * than the documented one fails its tests instead of in production (the spelling is a setting,
 * KILDE_RETTIGHETSPAKKER).
 */
export const SSG_RETTIGHETSPAKKER: Readonly<Record<string, readonly string[]>> = {
  fiskeridirektoratetkontrollmanntall: ['oppgjoer'],
  fiskeridirektoratetmanntall: ['oppgjoer'],
  frirettshjelp: ['oppgjoer'],
  husbankenbostoette: ['oppgjoer'],
  husbankenlaantilskudd: ['oppgjoer'],
  kommuneboligsosialeformaal: ['oppgjoer'],
  kommuneforeldrebetaling: ['oppgjoer', 'utkast'],
  kommunelangtidsoppholdinstitusjon: ['oppgjoer'],
  kommunepersonligassistanse: ['oppgjoer'],
  laanekassen: ['oppgjoer'],
  ldir: ['oppgjoer'],
  nav: ['oppgjoer'],
  navsupplerendestoenad: ['oppgjoer', 'utkast'],
  norgesbank: ['oppgjoer', 'utkast'],
  ssb: ['oppgjoer'],
  udi: ['oppgjoer'],
  sivilrett: ['oppgjoer', 'utkast', 'fastsatt'],
};

/**
 * Beregnet skatt's rettighetspakker for municipalities, spelled as docs/api/beregnetskatt.md (Oct 2024)
 * spells them: camelCase. Compared exactly.
 */
export const BEREGNET_SKATT_RETTIGHETSPAKKER: readonly string[] = [
  'kommuneLangtidsoppholdInstitusjon',
  'kommunePraktiskBistand',
];

/** Avregning's rettighetspakker, spelled as docs/api/avregning.md (commit d63703d9): lower case. Compared exactly. */
export const AVREGNING_RETTIGHETSPAKKER: readonly string[] = [
  'kommunelangtidsoppholdinstitusjon',
  'kommunelangtidsoppholdsykehjem',
  'norgesbank',
  'ssb',
];

/**
 * Folkeregisteret's rettighetspakke on the path `folkeregisteret/{rettighetspakke}/api/v1/`
 * (src/konsumenttjenester/Endepunkter.md): only offentlig-med-hjemmel has that layout (the others are
 * `folkeregisteret/api/offentligutenhjemmel/`, `folkeregisteret/api/finans/`, which the product does not use).
 */
export const FREG_RETTIGHETSPAKKER: readonly string[] = ['offentlig-med-hjemmel'];

/**
 * Folkeregisteret's error body (src/spm-og-svar/sos-returkoder.md): `{kode, melding}`. The page names one
 * code, FREG-001 («Feil i tjenesten. Vennligst prøv igjen seinere.», 500); for the other statuses it
 * gives the explanation but no code, so the stand-in sends the explanation and no invented code.
 */
export function fregFeilbody(status: number): { kode?: string; melding: string } {
  const melding: Record<number, string> = {
    400: 'Feil i mottatte data.',
    401: 'Autentiseringsinformasjon mangler',
    403: 'Virksomheten er autentisert men mangler autorisasjon for den angitte tjenesten',
    404: 'Feil uri brukt eller at man ikke finner ressursen.',
  };
  return status >= 500
    ? { kode: 'FREG-001', melding: 'Feil i tjenesten. Vennligst prøv igjen seinere.' }
    : { melding: melding[status] ?? `HTTP ${status}` };
}

export type Skatteapi = 'SSG' | 'BSA' | 'AR';

/** Skatteetaten's error body. */
export function feilbody(kode: string, melding: string, korrelasjonsid: string = randomUUID()) {
  return { kode, melding, korrelasjonsid };
}

/** The documented messages (docs/api/summertskattegrunnlag.md, beregnetskatt.md, avregning.md). */
export const MELDINGER = {
  SSG: {
    '003': 'Ukjent url benyttet.',
    '004': 'Feil i forbindelse med autentisering.',
    '005': 'Feil i forbindelse med autorisering.',
    '006': 'Feil i forbindelse med validering av inputdata.',
    '007': 'Ikke treff på oppgitt personidentifikator.',
    '008': 'Ingen summert skattegrunnlag funnet på oppgitt personidentifikator og inntektsår.',
    '011': 'Skattegrunnlag finnes ikke lenger.',
  },
  BSA: {
    '003': 'Ukjent url benyttet.',
    '004': 'Feil i forbindelse med autentisering.',
    '005': 'Feil i forbindelse med autorisering.',
    '006': 'Feil i forbindelse med validering av inputdata.',
    '007': 'Fant ikke beregnet skatt for gitt inntektsår og identifikator',
    '009': 'Ikke treff på oppgitt identifikator',
  },
  AR: {
    '003': 'Ukjent url benyttet.',
    '004': 'Feil i forbindelse med autentisering.',
    '005': 'Feil i forbindelse med autorisering.',
    '006': 'Feil i forbindelse med validering av inputdata.',
    '007': 'Fant ikke avregning for gitt identifikator og inntektsår',
    '009': 'Ikke treff på oppgitt identifikator',
  },
} as const;

function feil(status: number, kode: string, melding: string): SimulertSvar {
  return { status, body: feilbody(kode, melding) };
}

/** 403 for a rettighetspakke the API does not know: SSG-005, BSA-005, AR-005. */
export function ikkeAutorisert(api: Skatteapi, grunn: string): SimulertSvar {
  return feil(403, `${api}-005`, `${MELDINGER[api]['005']} ${grunn}`);
}

/** 400 for bad input: SSG-006, BSA-006, AR-006. */
function ugyldigInndata(api: Skatteapi, grunn: string): SimulertSvar {
  return feil(400, `${api}-006`, `${MELDINGER[api]['006']} ${grunn}`);
}

export interface Skatteforespoersel {
  api: Skatteapi;
  /** SSG only: oppgjoer, utkast, fastsatt. */
  stadie?: string;
  rettighetspakke: string;
  inntektsaar: string;
  identifikator: string;
}

/** Answers one lookup in Summert skattegrunnlag, Beregnet skatt or Avregning. */
export function simulerSkatteetaten(pop: Populasjon, f: Skatteforespoersel): SimulertSvar {
  const pakke = f.rettighetspakke;
  if (f.api === 'SSG') {
    const stadier = SSG_RETTIGHETSPAKKER[pakke];
    if (!stadier) return ikkeAutorisert('SSG', `Ukjent rettighetspakke ${f.rettighetspakke}.`);
    if (!['oppgjoer', 'utkast', 'fastsatt'].includes(f.stadie ?? '')) {
      return ugyldigInndata('SSG', `Ukjent stadie ${f.stadie}.`);
    }
    if (!stadier.includes(f.stadie ?? '')) {
      return ikkeAutorisert(
        'SSG',
        `Rettighetspakken ${f.rettighetspakke} gir ikke tilgang til stadie ${f.stadie}.`,
      );
    }
  } else {
    const pakker = f.api === 'BSA' ? BEREGNET_SKATT_RETTIGHETSPAKKER : AVREGNING_RETTIGHETSPAKKER;
    if (!pakker.includes(pakke)) return ikkeAutorisert(f.api, `Ukjent rettighetspakke ${f.rettighetspakke}.`);
  }
  if (!/^\d{4}$/.test(f.inntektsaar)) return ugyldigInndata(f.api, 'Inntektsåret må være fire sifre.');
  if (!/^\d{11}$/.test(f.identifikator))
    return ugyldigInndata(f.api, 'Personidentifikatoren må være 11 sifre.');

  const person = pop.personer.get(f.identifikator);
  if (!person) {
    return f.api === 'SSG'
      ? feil(404, 'SSG-007', MELDINGER.SSG['007'])
      : feil(404, `${f.api}-009`, MELDINGER[f.api]['009']);
  }
  const aar = person.aar.get(Number(f.inntektsaar));
  if (f.api === 'SSG') {
    if (aar?.slettet) return feil(410, 'SSG-011', MELDINGER.SSG['011']);
    const svar = f.stadie === 'oppgjoer' ? aar?.oppgjoer : f.stadie === 'utkast' ? aar?.utkast : undefined;
    return svar ? { status: 200, body: svar } : feil(404, 'SSG-008', MELDINGER.SSG['008']);
  }
  const svar = f.api === 'BSA' ? aar?.beregnetSkatt : aar?.avregning;
  return svar ? { status: 200, body: svar } : feil(404, `${f.api}-007`, MELDINGER[f.api]['007']);
}

/** Answers one person lookup in Folkeregisteret, limited to the parts asked for. */
export function simulerFolkeregisteret(
  pop: Populasjon,
  f: { rettighetspakke: string; identifikator: string; deler: readonly string[] },
): SimulertSvar {
  if (!FREG_RETTIGHETSPAKKER.includes(f.rettighetspakke)) return { status: 404, body: fregFeilbody(404) };
  if (!/^\d{11}$/.test(f.identifikator)) return { status: 400, body: fregFeilbody(400) };
  const person = pop.personer.get(f.identifikator);
  if (!person) return { status: 404, body: fregFeilbody(404) };
  // Without `part`, Folkeregisteret answers with person-basis (src/konsumenttjenester/dataminimering.md).
  const deler =
    f.deler.length > 0 ? f.deler : ['navn', 'foedsel', 'sivilstand', 'adressebeskyttelse', 'status'];
  return { status: 200, body: begrensTilDeler(person.freg, deler) };
}
