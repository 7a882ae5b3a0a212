import type { Beloep } from '@inntektsgrunnlag/money';
import type { Maksimalpris } from '../tabeller.js';
import type { Sone } from '../vedtak.js';

/**
 * Forskrift om foreldrebetaling i barnehager § 1, the maksimalpris (quoted at the end). The amounts, and the
 * lower prices of the zones (regler/sone.ts), are in the budget decisions, not in the forskrift: table
 * `foreldrebetaling.maksimalpris`. The yearly maksimalgrense is the monthly one over eleven payment months:
 * KD's merknad to § 1 in the 2005 text (read in skoledata.net's copy, not in Lovdata's current text),
 * «Begrensningen på årsbeløpet ses i forhold til en betaling elleve måneder i året.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 1 første ledd
 * «Foreldrebetaling for en plass i barnehage skal ikke settes høyere enn en maksimalgrense. Betaling for kost
 * kan komme i tillegg.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 1 andre ledd
 * «Maksimalgrensen blir fastsatt i Stortingets årlige budsjettvedtak. Maksimalgrensen gjelder for et heldags
 * ordinært barnehagetilbud innenfor gjeldende lov og forskrifter. Med heldagstilbud menes avtalt ukentlig
 * oppholdstid på 41 timer eller mer.»
 */
export const HJEMMEL_MAKSPRIS = 'forskrift om foreldrebetaling i barnehager § 1 første ledd';

/** Payment months per barnehage year (KD's merknad to § 1): the 6 % rule divides the yearly cap by this. */
export const BETALINGSMAANEDER_BARNEHAGE = 11;

/** The maksimalpris of the zone, or the ordinary price where the zone has none of its own in the period. */
export function maksimalprisForSone(m: Maksimalpris, sone: Sone): { pris: Beloep; egenSonepris: boolean } {
  const sonepris =
    sone === 'SENTRALITET_5_6' ? m.sentralitet56 : sone === 'INNSATSSONE' ? m.innsatssone : undefined;
  return sonepris ? { pris: sonepris, egenSonepris: true } : { pris: m.ordinaer, egenSonepris: false };
}
