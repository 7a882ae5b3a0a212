import type { Beloep } from '@inntektsgrunnlag/money';
import type { Persontype } from '@inntektsgrunnlag/person';
import type { Beregningslinje, EnhverTabell, IsoDato, Satsoppslag } from '@inntektsgrunnlag/regelverk';
import type {
  Grunnlagsblokk,
  Grunnlagsgruppe,
  PersonMedPoster,
  Postdefinisjon,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { z } from 'zod';
import type { Beregningstype } from './foresporsel.js';

/** Skatteetaten's stages of a tax settlement. */
export type Stadie = 'OPPGJOER' | 'UTKAST' | 'FASTSATT';

/** A warning in a result: something the case worker should look at, with a stable code. */
export interface Advarsel {
  kode: string;
  melding: string;
  /** The person it concerns, if any. */
  identifikator?: string;
}

/** What a Beregner is given: validated request facts, the persons' posts, settings, and rates. */
export interface Beregningsinput<TVedtak, TInnstillinger> {
  inntektsaar: number;
  /** The date the rules and rates are taken from (the vedtak date). */
  beregningsdato: IsoDato;
  /** False when the request gave no date and today's date was used. */
  beregningsdatoOppgitt: boolean;
  /** Persons with their posts (tax posts and extra posts), minimised to the area's allow-list. */
  personer: readonly PersonMedPoster[];
  vedtak: TVedtak;
  innstillinger: TInnstillinger;
  oppslag: Satsoppslag;
}

/** The income basis part of a result. */
export interface Grunnlagsresultat {
  /** The income basis after the area's additions and deductions (inntekt − fradrag). */
  beregningsbeloep: Beloep;
  inntekt: Grunnlagsblokk;
  fradrag: Grunnlagsblokk;
  /** Groups rules use but that are not in the basis (e.g. the partner's own income). */
  mellomregninger: Grunnlagsgruppe[];
  /** Explanation lines for the basis, in order. */
  linjer: Beregningslinje[];
  advarsler: Advarsel[];
}

/** A key figure of the fee, shown first and large. */
export interface Hovedtall {
  tekst: string;
  beloep: Beloep;
  hjemmel?: string;
}

/** The fee part of a result. */
export interface Avgiftsresultat {
  /** The fee in its JSON form (numbers in kroner), under the area's key in the result. */
  json: Record<string, unknown>;
  hovedtall: Hovedtall[];
  linjer: Beregningslinje[];
  advarsler: Advarsel[];
}

/**
 * One area's rules: how the basis is formed from posts, and what the municipality may charge.
 * Pure: no I/O, no clock, no environment.
 */
export interface Beregner<TVedtak = unknown, TInnstillinger = unknown> {
  beregningstype: Beregningstype;
  /** The area package's name and version (from its package.json): the rule version of a result. */
  pakke: { navn: string; versjon: string };
  /** Title of the result, e.g. "Vederlag for langtidsopphold i institusjon". */
  tittel: string;
  /** Where the fee goes in the result: `vederlag`, `egenandel` or `foreldrebetaling`. */
  avgiftsnoekkel: string;
  /** Skatteetaten's stages to try, in order (BARNEHAGE_SFO falls back to UTKAST). */
  stadier: readonly Stadie[];
  /** Skatteetaten's rettighetspakke for the area. */
  rettighetspakke: string;
  /** The person types a request may contain for this area. */
  persontyper: readonly Persontype[];
  /** The extra posts a case worker may enter, per person type. */
  ekstraposter: ReadonlyArray<{ tekniskNavn: string; persontyper: readonly Persontype[] }>;
  /** Which posts count, year by year. */
  postdefinisjon: Postdefinisjon;
  /** The area's vedtak facts (`vedtak` in the request). */
  vedtakSkjema: z.ZodType<TVedtak>;
  /** The area's municipal settings, every one with a documented default (parse of `{}` gives the defaults). */
  innstillingerSkjema: z.ZodType<TInnstillinger>;
  /** The zod schema of the fee's JSON form (for OpenAPI and tests). */
  avgiftSkjema: z.ZodType;
  /** The parameter tables the area uses (for the coverage test and operator files). */
  tabeller: readonly EnhverTabell[];
  grunnlag(input: Beregningsinput<TVedtak, TInnstillinger>): Grunnlagsresultat;
  avgift(input: Beregningsinput<TVedtak, TInnstillinger>, grunnlag: Grunnlagsresultat): Avgiftsresultat;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds areas with different vedtak and setting types
export type EnhverBeregner = Beregner<any, any>;
