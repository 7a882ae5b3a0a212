import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TJENESTEOMRAADER } from './index.js';

/**
 * A legal basis whose source is Lovdata quotes the law text kept in lovtekst/ (Lovdata's open data):
 * the quote is found verbatim (whitespace aside) in a file of that law.
 */
const LOVTEKST = fileURLToPath(new URL('../../../lovtekst/', import.meta.url));

const normaliser = (t: string) =>
  t
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').replace(/^\s*-\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

const tekster = new Map<string, string[]>();
for (const fil of readdirSync(LOVTEKST).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  const tekst = readFileSync(`${LOVTEKST}${fil}`, 'utf8');
  const refid = /^refid: "([^"]+)"$/m.exec(tekst)?.[1];
  if (refid) tekster.set(refid, [...(tekster.get(refid) ?? []), normaliser(tekst)]);
}

describe('lovhjemler quoted from Lovdata', () => {
  it('quote the law text kept in lovtekst/', () => {
    const lovdata = TJENESTEOMRAADER.flatMap((o) => o.lovhjemler).filter((h) =>
      h.kilde.url?.startsWith('https://lovdata.no/'),
    );
    expect(lovdata.length).toBeGreaterThan(0);
    for (const h of lovdata) {
      const refid = /(lov|forskrift)\/\d{4}-\d{2}-\d{2}-\d+/.exec(h.kilde.url ?? '')?.[0] ?? '';
      const filer = tekster.get(refid) ?? [];
      expect(filer.length, `${h.hjemmel}: ${refid} finnes ikke i lovtekst/`).toBeGreaterThan(0);
      expect(h.kilde.sitat, h.hjemmel).toBeTruthy();
      const sitat = normaliser(h.kilde.sitat ?? '');
      expect(
        filer.some((t) => t.includes(sitat)),
        `${h.hjemmel}: «${sitat}»`,
      ).toBe(true);
      expect(h.hjemmel).not.toMatch(/ikke verifisert/);
    }
  });
});
