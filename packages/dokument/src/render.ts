import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';
import PDFDocument from 'pdfkit';
import pakke from '../package.json' with { type: 'json' };
import { datoKort } from './format.js';
import { skrivInnhold } from './innhold.js';
import { A4, MARG, Oppsett, type Plassering } from './oppsett.js';
import { klargjoerPdf } from './pdfstroem.js';
import { type DokumentmetadataInn, type RenderValg, validerInndata } from './skjema.js';
import { avgiftFor, tittelFor } from './tekster.js';

/**
 * XMP is XML written by PDFKit without escaping; the Info dictionary must say the same as the XMP
 * (PDF/A), so characters XML would need escaped are replaced in both, and control characters dropped.
 */
export function xmpTrygg(tekst: string): string {
  return (
    tekst
      .replace(/&/g, 'og')
      .replace(/[<>]/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

export interface Pdfdokument {
  pdf: Uint8Array;
  /** Where each table row was placed (for tests of page breaking). */
  plasseringer: Plassering[];
  sider: number;
}

/** Renders and also returns the layout log; `renderPdf` is the public form. */
export async function lagPdf(
  resultat: Beregningsresultat | unknown,
  metadata: DokumentmetadataInn | unknown,
  valg?: RenderValg,
): Promise<Pdfdokument> {
  const { resultat: r, metadata: m, valg: v } = validerInndata(resultat, metadata, valg);
  const tittel = tittelFor(r.beregningstype, r.tabell.tittel);
  const avgift = avgiftFor(r.avgiftsnoekkel).toLowerCase();
  const opprettet = new Date(Date.parse(m.opprettet));

  const doc = new PDFDocument({
    size: [A4.bredde, A4.hoeyde],
    margins: { top: MARG.topp, bottom: MARG.bunn, left: MARG.venstre, right: MARG.hoeyre },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'nb-NO',
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: xmpTrygg(`${tittel}, inntektsår ${r.inntektsaar}`),
      Subject: xmpTrygg(
        `Beregning av inntektsgrunnlag og ${avgift} (${r.beregningstype}), inntektsår ${r.inntektsaar}, beregningsdato ${datoKort(r.beregningsdato)}`,
      ),
      Author: xmpTrygg(m.kommunenavn),
      Creator: 'Inntektsgrunnlag',
      Producer: xmpTrygg(`Inntektsgrunnlag ${pakke.name} ${pakke.version} (PDFKit)`),
      Keywords: xmpTrygg(
        [r.beregningstype, `inntektsår ${r.inntektsaar}`, m.saksreferanse ? `sak ${m.saksreferanse}` : '']
          .filter(Boolean)
          .join('; '),
      ),
      CreationDate: opprettet,
    },
  });
  const pdf = klargjoerPdf(doc, JSON.stringify([r, m]), v.deterministisk);

  const oppsett = new Oppsett(doc);
  skrivInnhold(oppsett, r, m);
  const sider = doc.bufferedPageRange().count;
  oppsett.bunntekst(
    `${m.kommunenavn} · ${tittel} · inntektsår ${r.inntektsaar}${m.saksreferanse ? ` · sak ${m.saksreferanse}` : ''}`,
  );
  doc.end();
  return { pdf: await pdf(), plasseringer: oppsett.logg, sider };
}

/**
 * Renders a beregning result as a PDF/A-2b document for the archive: the fee first, the persons,
 * warnings, every figure of the fee, the Beregningstabell with its legal references, the basis per
 * person, the visningsposter, avregning (long-term stays only), the rates and rule versions used,
 * and who made it when. Throws Valideringsfeil for a bad result, metadata or option.
 */
export async function renderPdf(
  resultat: Beregningsresultat,
  metadata: DokumentmetadataInn,
  valg?: RenderValg,
): Promise<Uint8Array> {
  return (await lagPdf(resultat, metadata, valg)).pdf;
}
