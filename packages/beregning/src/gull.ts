import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, type IsoDato, Regelverk } from '@inntektsgrunnlag/regelverk';
import { type Beregningsresultat, beregnMedPoster, personerFraForesporsel } from './beregn.js';
import type { EnhverBeregner } from './beregner.js';
import { foresporselSkjema } from './foresporsel.js';
import { valider } from './valideringsfeil.js';

/** A worked example (golden case): the request, the expected amounts by result path, and the sources. */
export interface Gullfil {
  id: string;
  kilde: string;
  utregning: string;
  foresporsel: unknown;
  forventet: Record<string, number>;
}

/** The value at a dotted path ("foreldrebetaling.barn.0.prisPerMaaned") of a result. */
export function hentSti(objekt: unknown, sti: string): unknown {
  return sti
    .split('.')
    .reduce<unknown>((o, del) => (o as Record<string, unknown> | undefined)?.[del], objekt);
}

/**
 * Compares a result with a golden case's expectations: each path must hold a number within ±1 kr
 * (the cases allow for rounding). Returns the differences; empty when the case passes.
 */
export function avvikFraGullfil(resultat: unknown, forventet: Record<string, number>): string[] {
  const avvik: string[] = [];
  for (const [sti, verdi] of Object.entries(forventet)) {
    const faktisk = hentSti(resultat, sti);
    if (typeof faktisk !== 'number' || Math.abs(faktisk - verdi) > 1) {
      avvik.push(`${sti}: forventet ${verdi}, fikk ${JSON.stringify(faktisk)}`);
    }
  }
  return avvik;
}

/**
 * Runs one request with inline posts through one area with its own tables and G, outside the full use
 * case: for package tests and for developers who import a calculator directly.
 */
export function beregnForesporsel(
  beregner: EnhverBeregner,
  raa: unknown,
  valg: { idag: IsoDato; innstillinger?: unknown; regelverk?: Regelverk },
): Beregningsresultat {
  const foresporsel = valider(foresporselSkjema, raa);
  const regelverk =
    valg.regelverk ??
    Regelverk.av([
      ...new Map(
        [GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, ...beregner.tabeller].map((t) => [t.navn, t]),
      ).values(),
    ]);
  return beregnMedPoster({
    beregner,
    foresporsel,
    personer: personerFraForesporsel(foresporsel),
    regelverk,
    innstillinger: valg.innstillinger,
    idag: valg.idag,
  }).resultat;
}
