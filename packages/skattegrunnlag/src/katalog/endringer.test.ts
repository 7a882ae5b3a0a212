import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endringerMellom, KATALOGAAR, katalogFor, UkjentInntektsaarError } from '../index.js';

/**
 * data/poster-changes.md, written from the TSVs when they were transcribed: the summary table and,
 * per year, the added, removed and re-categorised posts.
 */
const md = readFileSync(new URL('../../data/poster-changes.md', import.meta.url), 'utf8');

const oppsummering = new Map(
  [
    ...md.matchAll(/^\| *(\d{4}) *\| *(\d+) *\| *([\d–]+) *\| *([\d–]+) *\| *([\d–]+) *\| *([\d–]+) *\|$/gm),
  ].map((m) => [
    Number(m[1]),
    { antall: Number(m[2]), lagtTil: m[3], fjernet: m[4], endretKategori: m[5], endretVisningstekst: m[6] },
  ]),
);

function seksjon(aar: number, overskrift: string): string[] {
  const del = md.split(`## ${aar} vs ${aar - 1}`)[1]?.split(/^## /m)[0] ?? '';
  const under = del.split(new RegExp(`^### ${overskrift} \\(\\d+\\)$`, 'm'))[1]?.split(/^###? /m)[0] ?? '';
  return under
    .split('\n')
    .filter((l) => l.startsWith('- `'))
    .map((l) => l.slice(2).replace(/ {2,}/g, ' '));
}

const tom = (v: string | null, ingen: string) => (v === null ? ingen : v);
// Runs of spaces count as one on both sides: one TSV text has a double space, and the markdown (an
// exact copy of the shared file) keeps it in one place but not in every table.
const somPostlinje = (p: { tekniskNavn: string; kategori: string | null; visningstekst: string | null }) =>
  `\`${p.tekniskNavn}\` (${tom(p.kategori, 'ingen kategori')}) – ${tom(p.visningstekst, '(ingen visningstekst)')}`.replace(
    / {2,}/g,
    ' ',
  );

describe('endringerMellom', () => {
  it('the summary table covers every catalogue year', () => {
    expect([...oppsummering.keys()]).toEqual([...KATALOGAAR]);
  });

  // A new income year needs its section in data/poster-changes.md (see docs/skattegrunnlag.md).
  for (const aar of KATALOGAAR.slice(1)) {
    it(`${aar - 1} → ${aar} matches data/poster-changes.md`, () => {
      const e = endringerMellom(aar - 1, aar);
      const rad = oppsummering.get(aar);
      expect(katalogFor(aar).ssgPoster()).toHaveLength(rad?.antall ?? -1);
      expect(String(e.lagtTil.length)).toBe(rad?.lagtTil);
      expect(String(e.fjernet.length)).toBe(rad?.fjernet);
      expect(String(e.endretKategori.length)).toBe(rad?.endretKategori);
      expect(String(e.endretVisningstekst.length)).toBe(rad?.endretVisningstekst);
      expect(e.lagtTil.map(somPostlinje)).toEqual(seksjon(aar, 'Lagt til'));
      expect(e.fjernet.map(somPostlinje)).toEqual(seksjon(aar, 'Fjernet'));
      expect(
        e.endretKategori.map((k) => `\`${k.tekniskNavn}\`: '${k.fra ?? ''}' → '${k.til ?? ''}'`),
      ).toEqual(seksjon(aar, 'Endret kategori'));
    });
  }

  it('2019 has as many posts as the table says', () => {
    expect(katalogFor(2019).ssgPoster()).toHaveLength(oppsummering.get(2019)?.antall ?? -1);
  });

  it('names a visningstekst change with both texts', () => {
    const e = endringerMellom(2022, 2023);
    expect(e.endretVisningstekst.length).toBeGreaterThan(0);
    for (const v of e.endretVisningstekst) {
      expect(v.fra).not.toBe(v.til);
      expect(katalogFor(2022).finn(v.tekniskNavn)?.visningstekst).toBe(v.fra ?? v.tekniskNavn);
      expect(katalogFor(2023).finn(v.tekniskNavn)?.visningstekst).toBe(v.til ?? v.tekniskNavn);
    }
  });

  it('is symmetric and leads from one list to the other, for any two years (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KATALOGAAR), fc.constantFrom(...KATALOGAAR), (a, b) => {
        const fram = endringerMellom(a, b);
        const tilbake = endringerMellom(b, a);
        expect(fram.lagtTil).toEqual(tilbake.fjernet);
        expect(fram.endretKategori.map((k) => [k.tekniskNavn, k.til, k.fra])).toEqual(
          tilbake.endretKategori.map((k) => [k.tekniskNavn, k.fra, k.til]),
        );
        const navn = (aar: number) =>
          katalogFor(aar)
            .alle()
            .map((p) => p.tekniskNavn);
        const fjernet = new Set(fram.fjernet.map((p) => p.tekniskNavn));
        expect(
          new Set([...navn(a).filter((n) => !fjernet.has(n)), ...fram.lagtTil.map((p) => p.tekniskNavn)]),
        ).toEqual(new Set(navn(b)));
        if (a === b)
          expect(fram.lagtTil.length + fram.fjernet.length + fram.endretVisningstekst.length).toBe(0);
      }),
    );
  });

  it('refuses a year without a catalogue', () => {
    expect(() => endringerMellom(2016, 2017)).toThrow(UkjentInntektsaarError);
  });
});
