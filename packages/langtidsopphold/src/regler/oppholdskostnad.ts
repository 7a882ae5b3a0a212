import { Beloep } from '@inntektsgrunnlag/money';

/**
 * The cap by the real cost of the stay: «Egenandelen skal ikke overstige de reelle
 * oppholdsutgiftene» (smartepenger, «Betaling på sykehjem»; Pensjonistforbundet 2017: «Egenbetalingen
 * må ikke overstige de reelle kostnadene ved oppholdet, den såkalte kurdøgnsprisen»; Bergen, Årdal).
 * The forskrift's own wording and paragraph were NOT found (probably § 3; unverified): the sources are
 * secondary. The municipality gives the cost per month in the vedtak; the yearly cap is 12 months of it.
 */
export const HJEMMEL_OPPHOLDSKOSTNAD =
  'egenandelsforskriften (paragraf ikke verifisert; «reelle oppholdsutgifter», sekundærkilder)';

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
