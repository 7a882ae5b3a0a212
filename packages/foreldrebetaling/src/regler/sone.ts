/**
 * The barnehage price zones. The budget decisions give a lower maksimalpris in sentralitetssone 5 and 6 and
 * free barnehage in the innsatssone (innsatssona) in Nord-Troms and Finnmark, which the forskrift texts call
 * tiltakssonen; neither zone is defined in forskrift om foreldrebetaling. The definitions are those of the
 * regulation on grants to private barnehager, which uses the same words (quoted at the end). The same
 * definitions stood in FOR-2015-10-09-1166 from 1 August 2025, with «(oppdatert juni 2023)» after the index;
 * that the maksimalpris uses the same zones is consistent with every source but not written in one text,
 * and SSB's named list of class 5–6 municipalities was not found. Which zone the municipality is in is
 * therefore a kommuneinnstilling (`sone`, default ORDINAER), not something the product guesses; a vedtak
 * may name another zone for a place in a barnehage in another municipality.
 *
 * @lovtekst FOR-2026-03-23-454 § 7 andre ledd
 * «Med sentralitetssone 5 og sentralitetssone 6 menes kommuner som grupperes i nest-minst sentrale kommuner
 * (klasse 5) eller minst sentrale kommuner (klasse 6) i den siste versjonen av sentralitetsindeksen som
 * utarbeides av Statistisk sentralbyrå.»
 *
 * @lovtekst FOR-2026-03-23-454 § 7 tredje ledd
 * «Med kommuner i tiltakssonen i Finnmark og Nord-Troms menes alle kommuner i Finnmark samt sju kommuner i
 * Nord-Troms (Kåfjord, Skjervøy, Nordreisa, Kvænangen, Karlsøy, Lyngen og Storfjord).»
 */
import type { Innstillinger, Sone, Vedtak } from '../vedtak.js';

export const SONE_TEKST: Record<Sone, string> = {
  ORDINAER: 'ordinær sone',
  SENTRALITET_5_6: 'sentralitetssone 5–6',
  INNSATSSONE: 'innsatssonen (tiltakssonen) i Finnmark og Nord-Troms',
};

/** The zone of this vedtak: the vedtak's own, else the municipality's setting. */
export function soneFor(
  vedtak: Pick<Vedtak, 'sone'>,
  innst: Pick<Innstillinger, 'sone'>,
): { sone: Sone; fra: 'VEDTAK' | 'KOMMUNEINNSTILLING' } {
  return vedtak.sone !== undefined
    ? { sone: vedtak.sone, fra: 'VEDTAK' }
    : { sone: innst.sone, fra: 'KOMMUNEINNSTILLING' };
}
