import { avvikFraGullfil, beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { beregner } from './index.js';

const gullfiler = lesGullfiler('barnehage-');

describe('golden cases (testdata/golden/barnehage-*.json)', () => {
  it('finds the cases', () => {
    expect(gullfiler.map((g) => g.fil)).toEqual([
      'barnehage-tonsberg-2023.json',
      'barnehage-tusenbein-2025.json',
    ]);
  });

  for (const g of gullfiler) {
    it(`${g.id}: ${g.kilde}`, () => {
      const resultat = beregnForesporsel(beregner, g.foresporsel, { idag: '2026-11-27' });
      expect(avvikFraGullfil(resultat, g.forventet)).toEqual([]);
    });
  }
});
