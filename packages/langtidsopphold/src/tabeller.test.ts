import { dekningsfeil, Regelverk, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import {
  DAG_ELLER_NATTOPPHOLD,
  FRIBELOEP,
  FRIBELOEP_DOBBELTROM,
  KORTTIDSOPPHOLD_PER_DOEGN,
  TABELLER,
} from './index.js';

describe('the yearly tables', () => {
  it.each(Regelverk.av(TABELLER).alleTabeller.map((t) => [t.navn, t] as const))(
    '%s has exactly one value every day it covers',
    (_, t) => {
      expect(dekningsfeil(t)).toEqual([]);
    },
  );

  it.each(TABELLER.flatMap((t) => t.verdier.map((v) => [`${t.navn}@${v.gyldigFra}`, v] as const)))(
    '%s is sourced: url, hjemmel, confidence, verified, whole kroner from 1 January',
    (_, v) => {
      expect(v.kilde.url).toMatch(/^https?:\/\//);
      expect(v.kilde.hjemmel).toMatch(/^egenandelsforskriften § [34]/);
      expect(['A', 'B', 'C']).toContain(v.kilde.konfidens);
      expect(v.verifisert).toBe('2026-11-27');
      expect(v.gyldigFra.slice(5)).toBe('01-01');
      expect(v.verdi.isWhole('KRONE') && v.verdi.isPositive()).toBe(true);
    },
  );

  it('starts where the sources start and ends with 2025: 2016–2017, 2018 (dobbeltrom) and 2026 were not found', () => {
    expect(TABELLER.map((t) => [t.navn, t.verdier[0]?.gyldigFra, t.dekketTil])).toEqual([
      ['langtidsopphold.fribeloep', '2018-01-01', '2025-12-31'],
      ['langtidsopphold.fribeloepDobbeltrom', '2019-01-01', '2025-12-31'],
      ['langtidsopphold.korttidsoppholdPerDoegn', '2018-01-01', '2025-12-31'],
      ['langtidsopphold.dagEllerNattopphold', '2018-01-01', '2025-12-31'],
    ]);
    const oppslag = Regelverk.av(TABELLER).nyttOppslag();
    expect(() => oppslag.verdi(FRIBELOEP, '2017-12-31')).toThrow(UtenforDekning);
    expect(() => oppslag.verdi(FRIBELOEP, '2026-01-01')).toThrow(/gjetter aldri/);
    expect(() => oppslag.verdi(FRIBELOEP_DOBBELTROM, '2018-06-01')).toThrow(UtenforDekning);
  });

  it('gives the value of the year (spot checks against the research note)', () => {
    const oppslag = Regelverk.av(TABELLER).nyttOppslag();
    const kr = (t: typeof FRIBELOEP, dato: string) => oppslag.verdi(t, dato).toJSON();
    expect(kr(FRIBELOEP, '2023-12-31')).toBe('9400');
    expect(kr(FRIBELOEP, '2024-01-01')).toBe('10000');
    expect(kr(FRIBELOEP, '2025-07-01')).toBe('10450');
    expect(kr(FRIBELOEP_DOBBELTROM, '2020-03-01')).toBe('41600');
    expect(kr(KORTTIDSOPPHOLD_PER_DOEGN, '2024-05-05')).toBe('193');
    expect(kr(DAG_ELLER_NATTOPPHOLD, '2025-12-31')).toBe('115');
  });

  it('always gives the double-room fribeløp above the ordinary one', () => {
    const oppslag = Regelverk.av(TABELLER).nyttOppslag();
    for (const v of FRIBELOEP_DOBBELTROM.verdier) {
      expect(v.verdi.greaterThan(oppslag.verdi(FRIBELOEP, v.gyldigFra))).toBe(true);
    }
  });

  it('records the conflicts it resolved in the source', () => {
    const kilde = (t: typeof FRIBELOEP, fra: string) =>
      t.verdier.find((v) => v.gyldigFra === fra)?.kilde.tittel;
    expect(kilde(FRIBELOEP, '2025-01-01')).toMatch(/9 450.*skrivefeil/);
    expect(kilde(FRIBELOEP_DOBBELTROM, '2020-01-01')).toMatch(/40 400/);
  });
});
