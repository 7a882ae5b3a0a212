import { Beloep } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beregn } from '../testhjelp.js';
import { delDoegn, korttidsopphold } from './korttidsopphold.js';

describe('korttidsopphold (§ 4)', () => {
  it('splits the døgn at the 60th of the calendar year', () => {
    expect(delDoegn(20, 0)).toEqual({ korttid: 20, langtid: 0 });
    expect(delDoegn(20, 50)).toEqual({ korttid: 10, langtid: 10 });
    expect(delDoegn(20, 70)).toEqual({ korttid: 0, langtid: 20 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 366 }), fc.integer({ min: 0, max: 366 }), (d, t) => {
        const { korttid, langtid } = delDoegn(d, t);
        expect(korttid + langtid).toBe(d);
        expect(t + korttid).toBeLessThanOrEqual(Math.max(60, t));
      }),
    );
  });

  it('charges døgn past 60 at the yearly vederlag’s share per day, rounded down', () => {
    const r = korttidsopphold({
      doegn: 20,
      dagEllerNattopphold: 3,
      tidligereDoegnSammeAar: 50,
      doegnsats: Beloep.kroner(193),
      dagEllerNattsats: Beloep.kroner(110),
      vederlagPerAar: Beloep.kroner(200_000),
      dagerIAaret: 366,
    });
    expect(r.beloepDoegn.toJSON()).toBe('1930');
    expect(r.beloepDagEllerNatt.toJSON()).toBe('330');
    // 200 000 × 10 / 366 = 5 464.48… → 5 464
    expect(r.beloepEtterLangtidsregler.toJSON()).toBe('5464');
    expect(r.sum.toJSON()).toBe('7724');
  });

  it('charges a stay through the product with the year’s rates', () => {
    const { vederlag, resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000 },
      vedtak: { korttidsdoegnSammeAar: 55, korttidsopphold: { doegn: 10, dagEllerNattopphold: 4 } },
    });
    // 2024: 193 per døgn, 110 per dag/natt; 5 døgn past 60 at the yearly
    // vederlag 235 097 (G 124 028) × 5 / 366 = 3 211.71 → 3 211.
    expect(vederlag.korttidsopphold).toEqual({
      doegnMedKorttidssats: 5,
      doegnsats: 193,
      beloepDoegn: 965,
      dagEllerNattsats: 110,
      beloepDagEllerNatt: 440,
      doegnEtterLangtidsregler: 5,
      beloepEtterLangtidsregler: 3_211,
      sum: 4_616,
    });
    expect(vederlag.perAar).toBe(235_097);
    expect(resultat.hovedtall.map((h) => h.tekst)).toContain('Egenandel for korttidsoppholdet');
  });

  it('refuses more døgn than a year has, naming the field', () => {
    expect(() => beregn({ vedtak: { korttidsdoegnSammeAar: 300, korttidsopphold: { doegn: 100 } } })).toThrow(
      /vedtak\.korttidsopphold\.doegn: .*366/,
    );
  });
});
