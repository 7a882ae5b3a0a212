import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The law-quote convention for this package: every `@lovtekst FOR-2011-12-16-1349 § n <ledd> ledd` quote
 * is found verbatim in that paragraph and ledd of `lovtekst/egenandelsforskriften.md` (Lovdata's text).
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = fileURLToPath(new URL('./', import.meta.url));
const ORDINALER = ['første', 'annet', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende'];
const normaliser = (t: string) => t.replace(/\s+/g, ' ').trim();

function ledd(paragraf: string): string[] {
  const tekst = readFileSync(`${ROT}lovtekst/egenandelsforskriften.md`, 'utf8');
  const m = new RegExp(`#### § ${paragraf}\\.[^\\n]*\\n([\\s\\S]*?)(?=\\n#{2,4} |$)`).exec(tekst);
  if (!m?.[1]) return [];
  return m[1]
    .split(/\n\s*\n/)
    .map(normaliser)
    .filter((b) => b !== '' && !b.startsWith('*Endret'));
}

function sitater(): Array<{ fil: string; paragraf: string; ledd: string; sitat: string }> {
  const ut: Array<{ fil: string; paragraf: string; ledd: string; sitat: string }> = [];
  for (const fil of readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const kilde = readFileSync(`${SRC}${fil}`, 'utf8');
    for (const m of kilde.matchAll(
      /@lovtekst FOR-2011-12-16-1349 § (\d+) (\S+) ledd\s*\n((?:\s*\*[^\n]*\n)+?)\s*\*\s*(?:\n|[A-Z]|\/)/g,
    )) {
      const blokk = (m[3] ?? '').replace(/^\s*\*\s?/gm, '');
      const sitat = /«([\s\S]*?)»/.exec(blokk)?.[1];
      if (sitat) ut.push({ fil, paragraf: m[1] as string, ledd: m[2] as string, sitat: normaliser(sitat) });
    }
  }
  return ut;
}

describe('law quotes', () => {
  const alle = sitater();

  it('finds the quotes (§ 3 første, annet and sjette ledd; § 6 første and fjerde ledd)', () => {
    expect(alle.map((s) => `§ ${s.paragraf} ${s.ledd}`).sort()).toEqual([
      '§ 3 annet',
      '§ 3 første',
      '§ 3 sjette',
      '§ 6 fjerde',
      '§ 6 første',
    ]);
  });

  for (const s of alle) {
    it(`${s.fil}: § ${s.paragraf} ${s.ledd} ledd is quoted verbatim`, () => {
      const nr = ORDINALER.indexOf(s.ledd);
      expect(nr).toBeGreaterThanOrEqual(0);
      expect(ledd(s.paragraf)[nr]).toContain(s.sitat);
    });
  }
});
