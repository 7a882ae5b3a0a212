import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The law the letters quote is data: every `@lovtekst <ID> § <n> [<ledd>]` in this folder's code is
 * followed by a quote in «…» that must stand word for word in the law texts in `lovtekst/` (the
 * repository root), in that paragraph and, where a ledd is named, in that ledd.
 */

const mappe = fileURLToPath(new URL('.', import.meta.url));
const lovtekstmappe = fileURLToPath(new URL('../../../../lovtekst/', import.meta.url));

const LEDD = ['første', 'annet|andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende|syvende'];

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Lovtekst {
  fil: string;
  id: string;
  tekst: string;
}

/** The law texts by their Lovdata id (LOV-…, FOR-…), from the front matter's id or refid. */
function lovtekster(): Lovtekst[] {
  return readdirSync(lovtekstmappe)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((fil) => {
      const tekst = readFileSync(join(lovtekstmappe, fil), 'utf8');
      const id = /^id: "([^"]+)"/m.exec(tekst)?.[1];
      const refid = /^refid: "(lov|forskrift)\/([^"]+)"/m.exec(tekst);
      return {
        fil,
        id: id ?? (refid ? `${refid[1] === 'lov' ? 'LOV' : 'FOR'}-${refid[2]}` : ''),
        tekst,
      };
    });
}

/** The text of a paragraph (from its heading to the next), or null. */
function paragraf(tekst: string, nr: string): string | null {
  const linjer = tekst.split('\n');
  const start = linjer.findIndex((l) =>
    new RegExp(`^#+ § ${nr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`).test(l),
  );
  if (start < 0) return null;
  const slutt = linjer.findIndex((l, i) => i > start && /^#+ /.test(l));
  return linjer.slice(start + 1, slutt < 0 ? undefined : slutt).join('\n');
}

/** The ledd of a paragraph: blocks between blank lines, a list belonging to the ledd before it. */
function leddAv(paragraftekst: string): string[] {
  const blokker = paragraftekst
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b && !/^\*.*\*$/.test(b));
  const ut: string[] = [];
  for (const b of blokker) {
    if (b.startsWith('- ') && ut.length > 0) ut[ut.length - 1] += `\n${b}`;
    else ut.push(b);
  }
  return ut;
}

interface Sitat {
  fil: string;
  linje: number;
  id: string;
  nr: string;
  ledd: string | undefined;
  sitat: string;
}

function sitater(): Sitat[] {
  const ut: Sitat[] = [];
  const gaa = (m: string) => {
    for (const navn of readdirSync(m)) {
      const sti = join(m, navn);
      if (statSync(sti).isDirectory()) gaa(sti);
      else if (navn.endsWith('.ts') && !navn.endsWith('.test.ts')) {
        const linjer = readFileSync(sti, 'utf8').split('\n');
        linjer.forEach((l, i) => {
          const tag = /@lovtekst (\S+) § (\S+)(?: (\S+) ledd)?/.exec(l);
          if (!tag) return;
          const neste = linjer[i + 1] ?? '';
          const s = /«(.+)»/.exec(neste);
          ut.push({
            fil: relative(mappe, sti),
            linje: i + 1,
            id: tag[1] as string,
            nr: tag[2] as string,
            ledd: tag[3],
            sitat: s ? (s[1] as string) : '',
          });
        });
      }
    }
  };
  gaa(mappe);
  return ut;
}

describe('the law the letters quote', () => {
  const lover = lovtekster();
  const alle = sitater();

  it('has quotes, each in «…» on the line after its tag', () => {
    expect(alle.length).toBeGreaterThanOrEqual(25);
    for (const s of alle) expect(s.sitat, `${s.fil}:${s.linje}`).not.toBe('');
  });

  it('quotes every law from a text in lovtekst/, word for word, in the paragraph and ledd named', () => {
    const feil: string[] = [];
    for (const s of alle) {
      const hvor = `${s.fil}:${s.linje} (${s.id} § ${s.nr}${s.ledd ? ` ${s.ledd} ledd` : ''})`;
      const kandidater = lover.filter((l) => l.id === s.id);
      if (kandidater.length === 0) {
        feil.push(`${hvor}: ingen lovtekst med id ${s.id} i lovtekst/`);
        continue;
      }
      const treff = kandidater.some((l) => {
        const p = paragraf(l.tekst, s.nr);
        if (p === null || !normal(p).includes(normal(s.sitat))) return false;
        if (!s.ledd) return true;
        const nr = LEDD.findIndex((o) => new RegExp(`^(${o})$`).test(s.ledd as string));
        const ledd = leddAv(p)[nr];
        return nr >= 0 && ledd !== undefined && normal(ledd).includes(normal(s.sitat));
      });
      if (!treff) feil.push(`${hvor}: «${s.sitat}» står ikke der`);
    }
    expect(feil).toEqual([]);
  });

  it('catches a quote that is not in the law (the check is live)', () => {
    const fvl = lover.find((l) => l.id === 'LOV-1967-02-10');
    const p = fvl ? paragraf(fvl.tekst, '29') : null;
    expect(p).not.toBeNull();
    expect(normal(p as string)).toContain('Fristen for å klage er 3 uker');
    expect(normal(p as string)).not.toContain('Fristen for å klage er 4 uker');
    expect(leddAv(paragraf(fvl?.tekst ?? '', '27') ?? '')).toHaveLength(4);
  });
});
