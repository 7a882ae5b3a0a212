import { describe, expect, it } from 'vitest';
import { beregn } from '../testhjelp.js';
import { enMaanedEtter, friperiode } from './friperiode.js';

describe('the free first month (§ 6 første ledd)', () => {
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
    expect(friperiode('2024-03-15')).toMatchObject({
      gis: true,
      fraOgMed: '2024-03-15',
      tilOgMed: '2024-04-14',
      foersteDagMedVederlag: '2024-04-15',
    });
  });

  it('counts the time in the institution moved from directly (§ 6 første ledd annet punktum)', () => {
    // In hospital from 2024-03-01, moved directly in on 2024-03-15: the month from 1 March ends 31 March.
    expect(friperiode('2024-03-15', '2024-03-01')).toMatchObject({
      gis: true,
      fraOgMed: '2024-03-15',
      tilOgMed: '2024-03-31',
      foersteDagMedVederlag: '2024-04-01',
    });
    // A month or more there already: the fee runs from the moving-in date.
    const ingen = friperiode('2024-03-15', '2024-02-10');
    expect(ingen).toMatchObject({ gis: false, foersteDagMedVederlag: '2024-03-15' });
    expect(ingen.begrunnelse).toMatch(/direkte fra annen institusjon.*2024-02-10.*omme 2024-03-09/);
    // Exactly one month: the month ends the day before the moving-in, so nothing after it is free.
    expect(friperiode('2024-03-15', '2024-02-15')).toMatchObject({
      gis: false,
      foersteDagMedVederlag: '2024-03-15',
    });
    expect(friperiode('2024-03-15', '2024-02-16')).toMatchObject({ gis: true, tilOgMed: '2024-03-15' });
  });

  it('no longer takes the month away after 60 korttid-døgn: § 6 has no such rule', () => {
    const { vederlag } = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000 },
      vedtak: { innflyttingsdato: '2024-06-10', korttidsdoegnSammeAar: 61 },
    });
    expect(vederlag.friperiode).toMatchObject({ gis: true, foersteDagMedVederlag: '2024-07-10' });
  });

  it('refuses a transfer date after the moving-in, or without one, naming the field', () => {
    const soeker = { alderspensjonFraFolketrygden: 300_000 };
    expect(() =>
      beregn({
        soeker,
        vedtak: { innflyttingsdato: '2024-06-10', direkteFraInstitusjonFraOgMed: '2024-06-11' },
      }),
    ).toThrow(/vedtak\.direkteFraInstitusjonFraOgMed: kan ikke være etter innflyttingsdato/);
    expect(() => beregn({ soeker, vedtak: { direkteFraInstitusjonFraOgMed: '2024-06-01' } })).toThrow(
      /vedtak\.innflyttingsdato: må oppgis/,
    );
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
