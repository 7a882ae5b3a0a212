import { describe, expect, it } from 'vitest';
import { beregn } from '../testhjelp.js';
import { enMaanedEtter, friperiode } from './friperiode.js';

describe('the free first month (§ 6, number unverified)', () => {
  it.each([
    ['2024-03-15', '2024-04-15'],
    ['2024-12-20', '2025-01-20'],
    ['2023-01-31', '2023-03-01'], // February 2023 has no 31st: the month ends on 28 February
    ['2024-01-30', '2024-03-01'], // 2024 is a leap year: the month ends on 29 February
    ['2024-01-29', '2024-02-29'],
  ])('one month from %s: vederlag from %s', (inn, fra) => {
    expect(enMaanedEtter(inn)).toBe(fra);
  });

  it('gives the month from the moving-in date free', () => {
    expect(friperiode('2024-03-15', 0)).toMatchObject({
      gis: true,
      fraOgMed: '2024-03-15',
      tilOgMed: '2024-04-14',
      foersteDagMedVederlag: '2024-04-15',
    });
  });

  it('gives it after exactly 60 korttid-døgn, but not after 61', () => {
    expect(friperiode('2024-03-15', 60).gis).toBe(true);
    const ingen = friperiode('2024-03-15', 61);
    expect(ingen).toMatchObject({ gis: false, foersteDagMedVederlag: '2024-03-15' });
    expect(ingen.begrunnelse).toMatch(/61 døgn/);
  });

  it('shows the free period in the result and its explanation', () => {
    const { vederlag, resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000 },
      vedtak: { innflyttingsdato: '2024-06-10', korttidsdoegnSammeAar: 12 },
    });
    expect(vederlag.friperiode).toMatchObject({
      gis: true,
      tilOgMed: '2024-07-09',
      foersteDagMedVederlag: '2024-07-10',
    });
    expect(JSON.stringify(resultat.tabell)).toContain('Betalingsfri første måned');
  });
});
