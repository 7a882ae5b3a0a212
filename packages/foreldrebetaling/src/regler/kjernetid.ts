import type { Beloep } from '@inntektsgrunnlag/money';
import { aarFor, type IsoDato } from '@inntektsgrunnlag/regelverk';
import type { Timer } from '../vedtak.js';
import { NY_PARAGRAF_3_FRA } from './seksProsent.js';

/**
 * Gratis kjernetid, forskrift om foreldrebetaling i barnehager § 3c (quoted at the end of this comment):
 * 20 free hours a week from 1 August of the calendar year the child turns two, when the household's income
 * is lower than the limit Stortinget sets. It is given on application, like the 6 % rule (§ 3d første
 * ledd), and the merknad to § 3c fixes the order and the part-time case:
 *
 * @lovtekst FOR-2005-12-16-1478 § 3c merknad
 * «Har søker søkt om gratis kjernetid, jf. § 3c , skal kommunen trekke fra de 20 gratis timene fra
 * foreldrebetalingen etter at redusert foreldrebetaling og søskenmoderasjon er trukket fra.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3c merknad
 * «Dersom noen av de som har rett på fritak for 20 timer velger å kun benytte de 20 timene, er tilbudet
 * gratis.»
 *
 * Before 28 February 2020 the rule was § 3 syvende ledd, from 1 August 2019 for «to-, tre-, fire- og
 * femåringer» (FOR-2019-04-05-457; table `foreldrebetaling.gratisKjernetid` quotes it), read as
 * municipalities did: by the year the child turns the age (Frøland 2016: «tre-, fire- og femåringer (barn
 * født i 2011, 2012 og 2013)»). «Fram til skolestart»: a child who still has a barnehage place has not
 * started school (utsatt skolestart included), so there is no upper age.
 *
 * When the limit is needed. Only for a child the rule reaches (in the age range, in barnehage, in a
 * household that has applied) whose price is still above 0 after the 6 % rule and the sibling discount:
 * then the income must be compared with the limit, and a date after the table's coverage is refused
 * (UtenforDekning names the table and says how the value is added). A price of 0 has nothing left to free,
 * and a child outside the range or a household that has not applied gets no reduction, whatever the limit;
 * no other case is spared the lookup (a high income is not a reason to assume a limit below it).
 *
 * The money value of the 20 hours is not set nationally: by default the price × 20 / the place's agreed
 * weekly hours, taken after the 6 % rule and the sibling discount as the merknad says; kommuneinnstillinger
 * may choose another price basis or a fixed number of hours (docs/kommuneinnstillinger/foreldrebetaling.md).
 *
 * @lovtekst FOR-2005-12-16-1478 § 3c første ledd
 * «Kommunen skal gi fritak for foreldrebetaling for 20 timer per uke til alle barn fra og med 1. august i
 * det kalenderåret de fyller to år og fram til skolestart, dersom: … husholdningens samlede inntekter i det
 * siste året er lavere enn inntektsgrensen fastsatt av Stortinget, eller, … det er en varig nedgang i
 * husholdningens inntekter i inneværende år som gjør at husholdningens inntekter er lavere enn
 * inntektsgrensen fastsatt av Stortinget.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3d første ledd
 * «En husholdning kan søke om reduksjon i foreldrebetalingen og gratis kjernetid til kommunen.»
 */
export const HJEMMEL_KJERNETID = 'forskrift om foreldrebetaling i barnehager § 3c første ledd';
const HJEMMEL_KJERNETID_FOER_2020 = 'forskrift om foreldrebetaling i barnehager § 3';
export const HJEMMEL_SOEKNAD = 'forskrift om foreldrebetaling i barnehager § 3d første ledd';

/** The paragraph that held gratis kjernetid on the date. */
export function hjemmelKjernetid(dato: IsoDato): string {
  return dato < NY_PARAGRAF_3_FRA ? HJEMMEL_KJERNETID_FOER_2020 : HJEMMEL_KJERNETID;
}

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
