import { Beloep } from '@inntektsgrunnlag/money';

/**
 * The cap by the real cost of the stay: egenandelsforskriften (FOR-2011-12-16-1349) § 3 første ledd,
 * read in Lovdata's text.
 * @lovtekst FOR-2011-12-16-1349 § 3 første ledd
 * «Egenandelen må ikke overstige de reelle oppholdsutgifter. Kapitalutgiftene skal ikke tas med i
 * beregningen av oppholdsutgiftene. Kommunen fastsetter oppholdsutgiftene ved den enkelte institusjon.»
 *
 * The municipality fixes the cost per institution and gives it in the vedtak per month, without capital
 * costs (the field says so, and the result repeats it); the yearly cap is 12 months of it.
 */
export const HJEMMEL_OPPHOLDSKOSTNAD = 'egenandelsforskriften § 3 første ledd';

export function oppholdskostnadPerAar(perMaaned: Beloep): Beloep {
  return perMaaned.times(12);
}

/** The vederlag, never above the cost of the stay for the same period. */
export function begrensTilOppholdskostnad(
  vederlagPerAar: Beloep,
  kostnadPerAar: Beloep | undefined,
): { beloep: Beloep; begrenset: boolean } {
  if (!kostnadPerAar) return { beloep: vederlagPerAar, begrenset: false };
  const begrenset = vederlagPerAar.greaterThan(kostnadPerAar);
  return { beloep: begrenset ? Beloep.min(vederlagPerAar, kostnadPerAar) : vederlagPerAar, begrenset };
}
