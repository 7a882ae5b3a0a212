import type { Beloep } from '@inntektsgrunnlag/money';
import type { Maksimalpris } from '../tabeller.js';
import type { Sone } from '../vedtak.js';

/**
 * Forskrift om foreldrebetaling i barnehager § 1 (Udir's rendering):
 *
 * > «Foreldrebetaling for en plass i barnehage skal ikke settes høyere enn en maksimalgrense. Betaling for
 * > kost kan komme i tillegg. Maksimalgrensen blir fastsatt i Stortingets årlige budsjettvedtak.
 * > Maksimalgrensen gjelder for et heldags ordinært barnehagetilbud … Med heldagstilbud menes avtalt ukentlig
 * > oppholdstid på 41 timer eller mer.»
 *
 * KD's merknad (2005): «Begrensningen på årsbeløpet ses i forhold til en betaling elleve måneder i året.»
 * The zone prices (sentralitet 5–6, innsatssonen) are set in the budget decisions; how they are written
 * into the forskrift was not found.
 */
export const HJEMMEL_MAKSPRIS = 'forskrift om foreldrebetaling i barnehager § 1';

/** Payment months per barnehage year (KD's merknad to § 1): the 6 % rule divides the yearly cap by this. */
export const BETALINGSMAANEDER_BARNEHAGE = 11;

export const SONE_TEKST: Record<Sone, string> = {
  ORDINAER: 'ordinær sone',
  SENTRALITET_5_6: 'sentralitetssone 5–6',
  INNSATSSONE: 'innsatssonen (tiltakssonen) i Finnmark og Nord-Troms',
};

/** The maksimalpris of the zone, or the ordinary price where the zone has none of its own in the period. */
export function maksimalprisForSone(m: Maksimalpris, sone: Sone): { pris: Beloep; egenSonepris: boolean } {
  const sonepris =
    sone === 'SENTRALITET_5_6' ? m.sentralitet56 : sone === 'INNSATSSONE' ? m.innsatssone : undefined;
  return sonepris ? { pris: sonepris, egenSonepris: true } : { pris: m.ordinaer, egenSonepris: false };
}
