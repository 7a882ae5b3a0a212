import { BEREGNINGSTYPER } from '@inntektsgrunnlag/beregning';
import { dekningsfeil } from '@inntektsgrunnlag/regelverk';
import { posterUtenforKatalog } from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import { BEREGNERE, standardRegelverk, standardtabeller } from './register.js';

describe('the standard rule set: every table of every area', () => {
  const regelverk = standardRegelverk();

  it('holds folketrygdens G and every area’s tables, each once', () => {
    const navn = regelverk.alleTabeller.map((t) => t.navn);
    expect(new Set(navn).size).toBe(navn.length);
    expect(navn).toContain('folketrygden.grunnbeloep');
    for (const b of Object.values(BEREGNERE)) {
      for (const t of b.tabeller) expect(navn).toContain(t.navn);
    }
    expect(standardtabeller().length).toBe(navn.length);
  });

  // The generic coverage test (after Catala's tests_couverture_temporelle): every day of every
  // table's coverage has exactly one value, and the days just outside are refused.
  for (const t of regelverk.alleTabeller) {
    it(`coverage: ${t.navn} (${t.dekketFra} – ${t.dekketTil})`, () => {
      expect(dekningsfeil(t)).toEqual([]);
    });
  }

  it('every value carries a source and a verification date', () => {
    for (const t of regelverk.alleTabeller) {
      for (const v of t.verdier) {
        expect(v.kilde.tittel.length, `${t.navn} ${v.gyldigFra}`).toBeGreaterThan(5);
        expect(v.verifisert, `${t.navn} ${v.gyldigFra}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe('every area’s post definition names only posts in that year’s catalogue', () => {
  for (const type of BEREGNINGSTYPER) {
    it(type, () => {
      expect(posterUtenforKatalog(BEREGNERE[type].postdefinisjon)).toEqual([]);
    });
  }
});
