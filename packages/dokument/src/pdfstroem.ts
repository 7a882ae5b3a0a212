import { createHash, randomBytes } from 'node:crypto';
import { FONTER, type Fontnavn, fontdata } from './fonter.js';

/**
 * What every document (the beregning, the decision letter, the etteroppgjør) does with a new PDFKit
 * document before drawing: its file identifier, random so two renderings are two files, or in
 * deterministic mode a hash of `noekkel` (the input), so the same input gives the same bytes (PDFKit
 * keeps it in `_id`, with no option for it); the embedded fonts, with `normal` chosen; and the bytes
 * collected as they are written. Call the returned function after `doc.end()` for the whole file.
 */
export function klargjoerPdf(
  doc: PDFKit.PDFDocument,
  noekkel: string,
  deterministisk: boolean | undefined,
): () => Promise<Uint8Array> {
  const id = deterministisk ? createHash('sha256').update(noekkel).digest().subarray(0, 16) : randomBytes(16);
  (doc as unknown as { _id: Uint8Array })._id = new Uint8Array(id);

  const filer = fontdata();
  for (const navn of Object.keys(FONTER) as Fontnavn[]) doc.registerFont(navn, filer[navn]);
  doc.font('normal');

  const deler: Uint8Array[] = [];
  const ferdig = new Promise<void>((resolve, reject) => {
    doc.on('data', (d: Uint8Array) => deler.push(d));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  return async () => {
    await ferdig;
    return new Uint8Array(Buffer.concat(deler));
  };
}
