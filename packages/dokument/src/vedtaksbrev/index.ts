import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';
import { lagVedtaksbrev, type Vedtaksbrevgrunnlag } from './innhold.js';
import type { Vedtaksbrevmetadata } from './modell.js';
import { type Pdfvalg, vedtaksbrevTilPdf } from './pdf.js';
import type { BrevdataInn, BrevmetadataInn } from './skjema.js';

export { hjemlerI, lagVedtaksbrev, type MedHjemler, type Vedtaksbrevgrunnlag } from './innhold.js';
export { type Logo, lesLogo, logoSkjema, MAKS_LOGO_BYTE } from './logo.js';
export { KLAGE_FORELDREBETALING, KLAGE_HELSE_OG_OMSORG, type Klageordning } from './lovkrav.js';
export type { Brevdel, Brevelement, Brevpart, Vedtaksbrev, Vedtaksbrevmetadata } from './modell.js';
export type { Brevkontekst, EnhverVedtaksmodul, Faktarad, Vedtaksmodul } from './omraader/felles.js';
export { ETTEROPPGJOERSMODULER, VEDTAKSMODULER } from './omraader/index.js';
export type { Pdfvalg } from './pdf.js';
export {
  type Brevdata,
  type BrevdataInn,
  type Brevmetadata,
  type BrevmetadataInn,
  brevdataSkjema,
  brevmetadataSkjema,
  MAKS_VURDERINGER,
  type Vedtaksbrevinnstillinger,
  type VedtaksbrevinnstillingerInn,
  vedtaksbrevinnstillingerSkjema,
} from './skjema.js';
export { SPRAAK, type Spraak, spraakSkjema } from './spraak.js';

/** A rendered letter: the PDF/A-2b and its metadata for the archive. */
export interface RendretVedtaksbrev extends Vedtaksbrevgrunnlag {
  pdf: Uint8Array;
}

/** Builds and renders a letter, returning the PDF, its content and its metadata (for journaling). */
export async function lagVedtaksbrevPdf(
  resultat: Beregningsresultat | unknown,
  brevdata: BrevdataInn | unknown,
  metadata: BrevmetadataInn | unknown,
  valg?: Pdfvalg,
): Promise<RendretVedtaksbrev> {
  const grunnlag = lagVedtaksbrev(resultat, brevdata, metadata);
  return { ...grunnlag, pdf: await vedtaksbrevTilPdf(grunnlag.brev, grunnlag.metadata, grunnlag.logo, valg) };
}

/**
 * The decision letter of a beregning as PDF/A-2b, in bokmål or nynorsk: the decision (the fee per
 * month and from when), the facts and the rules it rests on, the case worker's considerations, and
 * the appeal, the right to see the documents and what the area's own rules require. Throws
 * Valideringsfeil naming every bad field (resultat.…, vedtaksbrev.…, metadata.…).
 */
export async function renderVedtaksbrev(
  resultat: Beregningsresultat | unknown,
  brevdata: BrevdataInn | unknown,
  metadata: BrevmetadataInn | unknown,
  valg?: Pdfvalg,
): Promise<Uint8Array> {
  return (await lagVedtaksbrevPdf(resultat, brevdata, metadata, valg)).pdf;
}

/** The letter's metadata alone (title, date, parties with their screening, signatory), for an archive message. */
export function vedtaksbrevMetadata(
  resultat: Beregningsresultat | unknown,
  brevdata: BrevdataInn | unknown,
  metadata: BrevmetadataInn | unknown,
): Vedtaksbrevmetadata {
  return lagVedtaksbrev(resultat, brevdata, metadata).metadata;
}
