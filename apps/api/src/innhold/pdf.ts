import {
  type Kommuneinnstillinger,
  type Oppslagsresultat,
  resultatSomPdf as pdf,
} from '@inntektsgrunnlag/oppslag';

/** The result's PDF/A document (the metadata, avregning included, is oppslag's: the same as the CLI's). */
export async function resultatSomPdf(
  resultat: Oppslagsresultat,
  innstillinger: Kommuneinnstillinger,
): Promise<Buffer> {
  return Buffer.from(await pdf(resultat, innstillinger));
}

/** A file name without personal data: the area and the year. */
export function pdfFilnavn(resultat: Oppslagsresultat): string {
  return `beregning-${resultat.beregningstype.toLowerCase()}-${resultat.inntektsaar}.pdf`;
}
