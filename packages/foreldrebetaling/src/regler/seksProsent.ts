import { type Beloep, Sats } from '@inntektsgrunnlag/money';

/**
 * The 6 % rule.
 *
 * Barnehage, forskrift om foreldrebetaling i barnehager § 3b (Udir's rendering):
 * > «Kommunen skal gi reduksjon i foreldrebetalingen slik at den per barn utgjør maksimalt seks prosent av
 * > husholdningens samlede inntekter, dersom: a. maksimalgrensen for foreldrebetaling for ett barnehageår
 * > utgjør mer enn seks prosent av husholdningens inntekter det siste året …»
 *
 * SFO, forskrift til opplæringslova § 1B-1 (from 1 August 2020; in opplæringsforskrifta kap. 2 from 1 August
 * 2024, paragraph not found):
 * > «… gi reduksjon i foreldrebetalinga for skolefritidsordninga … slik at den per elev utgjer maksimalt seks
 * > prosent av inntektene til hushaldet …»
 *
 * Read per child: the monthly price is at most 6 % of the household's yearly income divided by the payment
 * months of the year (11 for barnehage). The income limit below which the rule reduces a price is
 * price × months / 6 %.
 */
export const SEKS_PROSENT = Sats.prosent(6);

export const HJEMMEL_SEKS_PROSENT_BARNEHAGE = 'forskrift om foreldrebetaling i barnehager § 3b';

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
