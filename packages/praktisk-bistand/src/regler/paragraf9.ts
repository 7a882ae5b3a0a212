/**
 * The municipality's own rates from 2 G, and the ceiling at selvkost. Probably egenandelsforskriften
 * § 9; **neither the paragraph number nor its text could be verified** (Lovdata was not readable, and
 * no source quoting § 9 was found). The best source is the department's own summary
 * (`HOD_SELVKOST`, regjeringen.no, 06.01.2012):
 *
 * > «Kommunen kan i utgangspunktet selv bestemme nivået på egenandelene. Øvre tak er imidlertid det
 * > tjenesten koster å produsere. Egenandelene skal ses i sammenheng med brukerens inntekter, slik at
 * > vedkommende beholder tilstrekkelig til å dekke personlige behov og bære sitt ansvar som forsørger.»
 *
 * So: from 2 G the municipality sets its own maximum (here as brackets of G, a kommuneinnstilling),
 * and no charge, below or above 2 G, may exceed what the service costs to produce (selvkost: the
 * vedtak's hours per month × the cost of an hour).
 */
import type { Beloep, Sats } from '@inntektsgrunnlag/money';
import type { Trinn } from '../innstillinger.js';

export const HJEMMEL_KOMMUNENS_SATSER =
  'egenandelsforskriften kapittel 2 (kommunens egne satser fra 2 G; trolig § 9, ikke verifisert)';
export const HJEMMEL_SELVKOST =
  'egenandelsforskriften kapittel 2 (øvre tak er selvkost; trolig § 9, ikke verifisert)';

/** Selvkost per month: the hours the vedtak grants times what an hour costs to produce. Exact. */
export function selvkostPerMaaned(timerPerMaaned: Sats, kostnadPerTime: Beloep): Beloep {
  return kostnadPerTime.times(timerPerMaaned);
}

export interface ValgtTrinn {
  trinn: Trinn;
  /** The bracket's upper limit in G (exclusive), or null for the last, open bracket. */
  tilG: Sats | null;
}

/**
 * The bracket the income falls in: the last whose lower limit (fraOgMedG × G) the income reaches.
 * Brackets are half-open, [fraOgMedG, next fraOgMedG). Null when there are no brackets or the income is
 * below the first (which starts at 2 G, so only for incomes the national rule covers).
 */
export function finnTrinn(inntekt: Beloep, g: Beloep, trinn: readonly Trinn[]): ValgtTrinn | null {
  for (let i = trinn.length - 1; i >= 0; i--) {
    const t = trinn[i] as Trinn;
    if (inntekt.greaterThanOrEqual(g.times(t.fraOgMedG))) {
      return { trinn: t, tilG: trinn[i + 1]?.fraOgMedG ?? null };
    }
  }
  return null;
}

/** The lower of a maximum and selvkost; no maximum (null) leaves selvkost as the only limit. */
export function begrensTilSelvkost(maks: Beloep | null, selvkost: Beloep | null): Beloep | null {
  if (selvkost === null) return maks;
  if (maks === null) return selvkost;
  return maks.lessThanOrEqual(selvkost) ? maks : selvkost;
}
