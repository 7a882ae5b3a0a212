import { type Beloep, Sats } from '@inntektsgrunnlag/money';
import type { IsoDato } from '@inntektsgrunnlag/regelverk';

/**
 * The 6 % rule in barnehage, forskrift om foreldrebetaling i barnehager § 3b (quoted at the end).
 *
 * Read per child: the monthly price is at most 6 % of the household's yearly income divided by the payment
 * months of the year (11 in barnehage, regler/maksimalpris.ts). The income limit below which the rule
 * reduces a price is price × months / 6 %. The last year («det siste året») is the request's income year; a
 * varig nedgang is the case worker's to document (the current income given inline, or
 * `kommune.annenDokumentertInntekt`). The reduction is given on application (§ 3d første ledd,
 * regler/kjernetid.ts): a vedtak whose household has not applied (`soektRedusertForeldrebetaling: false`)
 * skips the rule. Before FOR-2020-02-28-199 the rule stood in § 3 (the text of that time is not in Lovdata's
 * history), so a date before 28 February 2020 cites § 3. The same arithmetic serves SFO (regler/sfo.ts).
 *
 * @lovtekst FOR-2005-12-16-1478 § 3b første ledd
 * «Kommunen skal gi reduksjon i foreldrebetalingen slik at den per barn utgjør maksimalt seks prosent av
 * husholdningens samlede inntekter, dersom: … maksimalgrensen for foreldrebetaling for ett barnehageår
 * utgjør mer enn seks prosent av husholdningens inntekter det siste året eller, … det er en varig nedgang i
 * husholdningens inntekt inneværende år som gjør at foreldrebetalingen for ett barnehageår utgjør mer enn
 * seks prosent av husholdningens inntekter.»
 */
export const SEKS_PROSENT = Sats.prosent(6);

/** The day § 3a–§ 3f replaced the old § 3 (FOR-2020-02-28-199, in force the same day). */
export const NY_PARAGRAF_3_FRA: IsoDato = '2020-02-28';

export const HJEMMEL_SEKS_PROSENT_BARNEHAGE = 'forskrift om foreldrebetaling i barnehager § 3b første ledd';
const HJEMMEL_SEKS_PROSENT_FOER_2020 = 'forskrift om foreldrebetaling i barnehager § 3';

/** The paragraph that held the 6 % rule in barnehage on the date. */
export function hjemmelSeksProsentBarnehage(dato: IsoDato): string {
  return dato < NY_PARAGRAF_3_FRA ? HJEMMEL_SEKS_PROSENT_FOER_2020 : HJEMMEL_SEKS_PROSENT_BARNEHAGE;
}

/** The most a place may cost per month: 6 % of the yearly income over the payment months (exact). */
export function seksProsentPerMaaned(inntekt: Beloep, betalingsmaaneder: number): Beloep {
  return inntekt.atLeastZero().times(SEKS_PROSENT).dividedBy(betalingsmaaneder);
}

/**
 * The household income at and above which the 6 % rule gives no reduction on a monthly price: price ×
 * months / 0.06 (exact; 2 910 → 533 500, 3 230 → 592 166.67).
 */
export function inntektsgrenseSeksProsent(prisPerMaaned: Beloep, betalingsmaaneder: number): Beloep {
  // × 100 / 6 is ÷ 0.06 without a division by a rate.
  return prisPerMaaned.times(betalingsmaaneder).times(100).dividedBy(6);
}

/**
 * The limit as municipalities publish it: to the nearest krone, half up (3 230 → 592 167, 2 000 → 366 667).
 * Display only; the rule compares the exact amounts.
 */
export function visInntektsgrense(grense: Beloep): Beloep {
  return grense.round('KRONE', 'HALF_UP');
}
