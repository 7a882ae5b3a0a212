import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts the document embeds: DejaVu Sans Condensed (regular, bold, oblique) from the npm package
 * `dejavu-fonts-ttf` (Bitstream Vera licence with DejaVu changes in the public domain: free to embed
 * and redistribute). PDF/A requires every font to be embedded; a TrueType font with full Latin and
 * the symbols we use (§, −, ×, ÷, ≈, ›) lets us avoid the 14 standard fonts, which are never embedded.
 * Read from the installed package, never fetched.
 */
export const FONTER = {
  normal: 'DejaVuSansCondensed.ttf',
  fet: 'DejaVuSansCondensed-Bold.ttf',
  kursiv: 'DejaVuSansCondensed-Oblique.ttf',
} as const;

export type Fontnavn = keyof typeof FONTER;

let lastet: Record<Fontnavn, Buffer> | undefined;

function fontmappe(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The font files, read once per process (about 2 MB together) and shared by every document. */
export function fontdata(): Record<Fontnavn, Buffer> {
  if (!lastet) {
    const mappe = fontmappe();
    lastet = {
      normal: readFileSync(join(mappe, FONTER.normal)),
      fet: readFileSync(join(mappe, FONTER.fet)),
      kursiv: readFileSync(join(mappe, FONTER.kursiv)),
    };
  }
  return lastet;
}
