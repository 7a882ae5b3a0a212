import { Beloep, Sats } from '@inntektsgrunnlag/money';

/**
 * Egenandelsforskriften (FOR-2011-12-16-1349) § 3 andre ledd, read in Lovdata's text (the kroner amounts
 * change every 1 January by amending regulation, see tabeller.ts):
 * @lovtekst FOR-2011-12-16-1349 § 3 andre ledd
 * «Av inntekter inntil folketrygdens grunnbeløp, fratrukket et fribeløp på kroner … pr. år, kan det kreves
 * betalt 75 prosent årlig. Av inntekter utover folketrygdens grunnbeløp betales inntil 85 prosent.
 * Betalingen skal begrenses slik at enhver har i behold til eget bruk minst 25 prosent av folketrygdens
 * grunnbeløp i tillegg til fordelen av fribeløpet. Beboer som, uten selv å ønske det, legges på dobbeltrom
 * skal ved beregningen tilstås et fribeløp på kroner … pr. år.»
 *
 * Each function below is one sentence of it. The fribeløp passed in is already the double-room one when
 * that applies (last sentence). Nothing here rounds: rounding is the caller's last step.
 */

export const SATS_INNTIL_G = Sats.prosent(75);
export const SATS_OVER_G = Sats.prosent(85);
export const ANDEL_AV_G_I_BEHOLD = Sats.prosent(25);

/** How «fordelen av fribeløpet» is read (kommuneinnstilling `fordelAvFribeloepet`). */
export type FordelAvFribeloepet = 'TRE_FJERDEDELER' | 'HELE';

/** First sentence: 75 % of the income up to G after the fribeløp; never below zero. */
export function delInntilG(
  n: Beloep,
  g: Beloep,
  fribeloep: Beloep,
): { inntektInntilG: Beloep; etterFribeloep: Beloep; beloep: Beloep } {
  const inntektInntilG = Beloep.min(n, g).atLeastZero();
  const etterFribeloep = inntektInntilG.minus(fribeloep).atLeastZero();
  return { inntektInntilG, etterFribeloep, beloep: etterFribeloep.times(SATS_INNTIL_G) };
}

/** Second sentence: 85 % of the income above G. */
export function delOverG(n: Beloep, g: Beloep): { inntektOverG: Beloep; beloep: Beloep } {
  const inntektOverG = n.minus(g).atLeastZero();
  return { inntektOverG, beloep: inntektOverG.times(SATS_OVER_G) };
}

/**
 * Third sentence: what the resident keeps at least, 25 % of G plus «fordelen av fribeløpet». The
 * fribeløp is taken off before the 75 % rate, so its benefit to the resident is 75 % of it (the
 * default reading, used by Leikanger, Hamar, Årdal and Vestre Toten); Pensjonistforbundet reads it as
 * the whole fribeløp (setting `HELE`).
 */
export function minstebeloepIBehold(
  g: Beloep,
  fribeloep: Beloep,
  lesemaate: FordelAvFribeloepet,
): { fjerdedelAvG: Beloep; fordelAvFribeloepet: Beloep; beloep: Beloep } {
  const fjerdedelAvG = g.times(ANDEL_AV_G_I_BEHOLD);
  const fordelAvFribeloepet = lesemaate === 'HELE' ? fribeloep : fribeloep.times(SATS_INNTIL_G);
  return { fjerdedelAvG, fordelAvFribeloepet, beloep: fjerdedelAvG.plus(fordelAvFribeloepet) };
}

export interface Paragraf3Resultat {
  inntektInntilG: Beloep;
  inntektInntilGEtterFribeloep: Beloep;
  delInntilG: Beloep;
  inntektOverG: Beloep;
  delOverG: Beloep;
  /** 75 % part + 85 % part, before the floor. */
  etterSatsene: Beloep;
  fjerdedelAvG: Beloep;
  fordelAvFribeloepet: Beloep;
  minstebeloepIBehold: Beloep;
  /** The most that can be charged and leave the resident the minimum: max(0, N − minimum). */
  hoeyestEtterMinstebeloep: Beloep;
  begrensetAvMinstebeloep: boolean;
  /** The yearly vederlag under § 3 annet ledd, not rounded. */
  beloep: Beloep;
}

/** § 3 annet ledd on a yearly basis N (the beregningsgrunnlag), a G and a fribeløp. */
export function vederlagEtterParagraf3(
  n: Beloep,
  g: Beloep,
  fribeloep: Beloep,
  lesemaate: FordelAvFribeloepet,
): Paragraf3Resultat {
  const inntil = delInntilG(n, g, fribeloep);
  const over = delOverG(n, g);
  const etterSatsene = inntil.beloep.plus(over.beloep);
  const behold = minstebeloepIBehold(g, fribeloep, lesemaate);
  const hoeyestEtterMinstebeloep = n.minus(behold.beloep).atLeastZero();
  const begrensetAvMinstebeloep = hoeyestEtterMinstebeloep.lessThan(etterSatsene);
  return {
    inntektInntilG: inntil.inntektInntilG,
    inntektInntilGEtterFribeloep: inntil.etterFribeloep,
    delInntilG: inntil.beloep,
    inntektOverG: over.inntektOverG,
    delOverG: over.beloep,
    etterSatsene,
    fjerdedelAvG: behold.fjerdedelAvG,
    fordelAvFribeloepet: behold.fordelAvFribeloepet,
    minstebeloepIBehold: behold.beloep,
    hoeyestEtterMinstebeloep,
    begrensetAvMinstebeloep,
    beloep: begrensetAvMinstebeloep ? hoeyestEtterMinstebeloep : etterSatsene,
  };
}
