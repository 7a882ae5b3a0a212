import { sjekkIdentifikator } from '@inntektsgrunnlag/person';
import { describe, expect, it } from 'vitest';
import { syntetiskIdentifikator, tilfeller } from './generer.js';

describe('the benchmark cases', () => {
  it('are the same for the same seed, and differ for another', () => {
    const a = [...tilfeller(30)];
    expect([...tilfeller(30)]).toEqual(a);
    expect([...tilfeller(30, 7)]).not.toEqual(a);
  });

  it('mix the three areas, each with inline posts (no lookup) and unique synthetic identifiers', () => {
    const rader = [...tilfeller(300)].map((l) => JSON.parse(l));
    expect(new Set(rader.map((r) => r.beregningstype))).toEqual(
      new Set(['BARNEHAGE_SFO', 'LANGTIDSOPPHOLD_INSTITUSJON', 'PRAKTISK_BISTAND']),
    );
    const ider = rader.flatMap((r) => r.personer.map((p: { identifikator: string }) => p.identifikator));
    expect(new Set(ider).size).toBe(ider.length);
    for (const r of rader) {
      for (const p of r.personer) {
        expect(p.poster).toBeDefined();
        const sjekk = sjekkIdentifikator(p.identifikator);
        expect(sjekk.gyldig && sjekk.syntetisk).toBe(true);
      }
    }
  });

  it('makes a valid synthetic fødselsnummer from any running number', () => {
    for (const n of [0, 1, 999, 123_456, 400_000]) {
      const s = sjekkIdentifikator(syntetiskIdentifikator(n));
      expect(s.gyldig, String(n)).toBe(true);
    }
  });
});
