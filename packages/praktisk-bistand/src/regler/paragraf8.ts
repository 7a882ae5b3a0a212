/**
 * Egenandelsforskriften § 8: the municipality's power to set its own rules and rates for praktisk bistand
 * og opplæring, never for personlig stell og egenomsorg, and help for a minor child's needs counted as
 * given to the parents.
 *
 * @lovtekst FOR-2011-12-16-1349 § 8 første ledd
 * «Kommunen kan selv fastsette regler for betaling av egenandel og betalingssatser for praktisk bistand og
 * opplæring etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b, herunder for
 * brukerstyrt personlig assistanse, som ikke er til personlig stell og egenomsorg.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 8 tredje ledd
 * «Egenandel kan bare kreves av den som mottar tjenesten. Dersom det ytes tjenester i hjemmet på grunn av
 * et mindreårig barns hjelpebehov, anses hjelpen ytt til foreldrene.»
 *
 * Two consequences here: the hours behind selvkost are hours of praktisk bistand, never personlig stell
 * og egenomsorg (which is free); and help given because of a child's needs is the parents' help, which is
 * why the child then belongs to the household (§ 10 tredje ledd). From 2 G the municipality's own rates
 * (the setting trinnOver2G) rest on første ledd.
 */
import type { Beregningslinje } from '@inntektsgrunnlag/regelverk';
import type { Vedtak } from '../vedtak.js';

export const HJEMMEL_PARAGRAF_8 = 'egenandelsforskriften § 8 første ledd';
export const HJEMMEL_PARAGRAF_8_BARN = 'egenandelsforskriften § 8 tredje ledd';

/** What the hours of the vedtak may cover, for the explanation of selvkost. */
export const TIMER_GJELDER =
  'Timene gjelder praktisk bistand og opplæring; personlig stell og egenomsorg gir ingen egenandel (§ 8 første ledd).';

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
