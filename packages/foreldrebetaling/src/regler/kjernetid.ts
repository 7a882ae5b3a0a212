import type { Beloep } from '@inntektsgrunnlag/money';
import { aarFor, type IsoDato } from '@inntektsgrunnlag/regelverk';
import type { Timer } from '../vedtak.js';

/**
 * Forskrift om foreldrebetaling i barnehager § 3c (Udir's rendering; the rest of the text was not seen):
 *
 * > «Kommunen skal gi fritak for foreldrebetaling for 20 timer per uke til alle barn fra og med 1. august i
 * > det kalenderåret de fyller to år og fram til skolestart, dersom: a. husholdningens samlede inntekter i
 * > det siste året er lavere enn inntektsgrensen fastsatt av Stortinget …»
 *
 * «Fram til skolestart»: a child who still has a barnehage place has not started school (utsatt skolestart
 * included), so there is no upper age. The value of the free hours is not set nationally: by default the
 * price × 20 / the place's agreed weekly hours, taken after the 6 % rule and the sibling discount
 * (Norddal: «først bereknast etter ordninga med redusert foreldrebetaling, deretter skal det trekkast frå
 * betalinga for dei 20 gratis opphaldstimane»). A kommuneinnstilling may choose the price after the 6 %
 * rule alone (Overhalla) or a fixed number of hours.
 */
export const HJEMMEL_KJERNETID = 'forskrift om foreldrebetaling i barnehager § 3c';

/** 1 August of the year the child turns `fraAlder`: the first day with the right to free core time. */
export function kjernetidFraDato(foedselsdato: IsoDato, fraAlder: number): IsoDato {
  return `${aarFor(foedselsdato) + fraAlder}-08-01`;
}

export function harKjernetidAlder(foedselsdato: IsoDato, dato: IsoDato, fraAlder: number): boolean {
  return dato >= kjernetidFraDato(foedselsdato, fraAlder);
}

/** «lavere enn inntektsgrensen»: strictly below. */
export function underKjernetidGrense(inntekt: Beloep, grense: Beloep): boolean {
  return inntekt.lessThan(grense);
}

/**
 * The value of `timer` free hours of a place priced `pris` for `timebasis` hours a week: pris × timer /
 * timebasis, and the whole price when the free hours cover the place (20 free hours of a 15-hour place).
 * Multiplies before it divides, so a value that comes out even is exact (2 050 × 20 / 41 = 1 000).
 */
export function verdiAvGratistimer(pris: Beloep, timer: number, timebasis: Timer): Beloep {
  const gratis = timer * 100;
  if (gratis >= timebasis.hundredeler) return pris;
  return pris.times(gratis).dividedBy(timebasis.hundredeler);
}
