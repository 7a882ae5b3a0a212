import type { Stadie } from '@inntektsgrunnlag/beregning';
import type { IsoDato } from '@inntektsgrunnlag/regelverk';
import type { Avregning, BeregnetSkatt, SummertSkattegrunnlag } from '@inntektsgrunnlag/skattegrunnlag';
import type { Rettighetspakkevalg } from './tilganger.js';

/**
 * The ports through which tax and population data enter. The embedded synthetic population and the
 * HTTP adapters for Skatteetaten's real APIs implement the same ports, so every caller (the fetch step,
 * the tests, the demos) works the same against both.
 *
 * Every method resolves to the source's answer, parsed with the schemas of
 * `@inntektsgrunnlag/skattegrunnlag`, or rejects with a {@link KildeFeil} subclass
 * (`PersonIkkeFunnet`, `IngenDataForAar`, `DataFinnesIkkeLenger`, `IkkeTilgang`, `Tidsavbrudd`, …).
 */

/** Skatteetaten's stage as it appears in the SSG path. */
export function stadieSti(stadie: Stadie): 'oppgjoer' | 'utkast' | 'fastsatt' {
  return stadie === 'OPPGJOER' ? 'oppgjoer' : stadie === 'UTKAST' ? 'utkast' : 'fastsatt';
}

export interface Skatteoppslag {
  /** The rettighetspakke, a path segment (e.g. kommunelangtidsoppholdinstitusjon). */
  rettighetspakke: string;
  inntektsaar: number;
  /** Fødselsnummer or D-nummer. */
  identifikator: string;
}

/** Summert skattegrunnlag V2: `GET /v2/{stadie}/{rettighetspakke}/{inntektsaar}/{personidentifikator}`. */
export interface SummertSkattegrunnlagPort {
  hent(oppslag: Skatteoppslag & { stadie: Stadie }): Promise<SummertSkattegrunnlag>;
}

/** Beregnet skatt V2: `GET /v2/{rettighetspakke}/{inntektsaar}/{personidentifikator}`. */
export interface BeregnetSkattPort {
  hent(oppslag: Skatteoppslag): Promise<BeregnetSkatt>;
}

/** Avregning V2: `GET /v2/{rettighetspakke}/{inntektsaar}/{personidentifikator}` (path inferred, see docs/kilder.md). */
export interface AvregningPort {
  hent(oppslag: Skatteoppslag): Promise<Avregning>;
}

/** Folkeregisteret's address grading (Adressegradering). */
export type Adressegradering = 'ugradert' | 'klientadresse' | 'fortrolig' | 'strengtFortrolig';

/** Folkeregisteret's kinds of family relation (Familierelasjonstype). */
export type Familierolle =
  | 'mor'
  | 'far'
  | 'medmor'
  | 'barn'
  | 'soesken'
  | 'ektefelleEllerPartner'
  | 'doedfoedtBarn';

export interface Familierelasjon {
  /** The related person's identifier (absent for a person without one). */
  relatertPerson?: string;
  relatertPersonsRolle: Familierolle | string;
  minRolleForPerson?: Familierolle | string;
}

/** What the product reads from Folkeregisteret about a person: the current values only. */
export interface Folkeregisterperson {
  identifikator: string;
  /** foedselsnummer or dNummer, as Folkeregisteret types the identifier. */
  identifikatortype?: string;
  navn?: { fornavn: string; mellomnavn: string | null; etternavn: string };
  foedselsdato?: IsoDato;
  /** ugift, gift, enkeEllerEnkemann, skilt, separert, registrertPartner, … */
  sivilstand?: { type: string; relatertVedSivilstand?: string };
  familierelasjoner: Familierelasjon[];
  /** `ugradert` when Folkeregisteret has no grading. */
  adressebeskyttelse: Adressegradering;
  /** bosatt, utflyttet, doed, … */
  status?: string;
}

/** The `part` values (dataminimering): what a lookup asks Folkeregisteret for. */
export const FREG_DELER = [
  'navn',
  'foedsel',
  'sivilstand',
  'familierelasjon',
  'adressebeskyttelse',
  'status',
] as const;
export type FregDel = (typeof FREG_DELER)[number];

/** Folkeregisteret: `GET /folkeregisteret/{rettighetspakke}/api/v1/personer/{pnr}?part=…`. */
export interface FolkeregisterPort {
  hentPerson(identifikator: string, deler: readonly FregDel[]): Promise<Folkeregisterperson>;
}

/** Every source, as the fetch step uses them. */
export interface Kilder {
  /** What the source is, for results and diagnostics: "innebygd syntetisk populasjon", "Skatteetaten (HTTP)". */
  beskrivelse: string;
  /** True for synthetic test data (never a real person's figures); results then say so. */
  syntetisk: boolean;
  summertSkattegrunnlag: SummertSkattegrunnlagPort;
  beregnetSkatt: BeregnetSkattPort;
  avregning: AvregningPort;
  folkeregister: FolkeregisterPort;
  /** The rettighetspakke spellings set for this deployment (KILDE_RETTIGHETSPAKKER); absent: the documented ones. */
  rettighetspakker?: Rettighetspakkevalg;
}
