/**
 * Egenandelsforskriften § 8: egenandel for praktisk bistand og opplæring.
 *
 * The text of § 8 could not be read from Lovdata. The best source is Helsedirektoratet's reading of it
 * (tolkningsuttalelse 2013, gjengitt av Helsetilsynet, see `HELSEDIREKTORATET_PARAGRAF_8`):
 *
 * > «Det følger av § 8 at det kan tas egenbetaling for praktisk bistand, som ikke er til personlig
 * > stell og egenomsorg. Etter § 8 siste ledd siste pkt. skal tjenester ytt i hjemmet på grunn av et
 * > mindreårig barns hjelpebehov anses ytt til foreldrene.»
 *
 * Two consequences here: the hours behind selvkost are hours of praktisk bistand, never personlig
 * stell og egenomsorg (which is free); and help given because of a child's needs is the parents'
 * help, which is why the child then belongs to the household (§ 10 tredje ledd).
 */
import type { Beregningslinje } from '@inntektsgrunnlag/regelverk';
import type { Vedtak } from '../vedtak.js';

export const HJEMMEL_PARAGRAF_8 = 'egenandelsforskriften § 8';
export const HJEMMEL_PARAGRAF_8_BARN = 'egenandelsforskriften § 8 siste ledd siste pkt.';

/** What the hours of the vedtak may cover, for the explanation of selvkost. */
export const TIMER_GJELDER =
  'Timene gjelder praktisk bistand og opplæring; personlig stell og egenomsorg gir ingen egenandel (§ 8).';

/** Whether the help is given because of a minor child's needs, and so counts as given to the parents. */
export function hjelpenAnsesYttForeldrene(vedtak: Pick<Vedtak, 'hjelpGrunnetBarnsBehov'>): boolean {
  return vedtak.hjelpGrunnetBarnsBehov;
}

/** The explanation line when the help is given because of a child's needs. */
export function barnetsBehovLinje(): Beregningslinje {
  return {
    tekst: 'Hjelpen ytes på grunn av barnets hjelpebehov og anses ytt til foreldrene',
    operasjon: 'INFO',
    kilde: 'REGEL',
    hjemmel: HJEMMEL_PARAGRAF_8_BARN,
  };
}
