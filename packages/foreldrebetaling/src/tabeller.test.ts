import { Beloep } from '@inntektsgrunnlag/money';
import { dekningsfeil, type EnhverTabell, Regelverk, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import {
  BETALINGSMAANEDER_BARNEHAGE,
  GRATIS_KJERNETID,
  inntektsgrenseSeksProsent,
  KJERNETID_INNTEKTSGRENSE,
  MAKSIMALPRIS,
  maksimalprisForSone,
  SFO_GRATISTIMER,
  SFO_SAERLEGE_BEHOV_TRINN,
  SFO_SEKS_PROSENT_TRINN,
  SOESKENMODERASJON,
  TABELLER,
  visInntektsgrense,
} from './index.js';

const regelverk = Regelverk.av([...TABELLER]);

describe('tables', () => {
  for (const t of TABELLER) {
    it(`${t.navn}: exactly one value every covered day, none outside, every value sourced and verified`, () => {
      expect(dekningsfeil(regelverk.tabell(t))).toEqual([]);
      for (const v of t.verdier) {
        expect(v.kilde.tittel.length).toBeGreaterThan(10);
        expect(v.kilde.hjemmel).toBeTruthy();
        expect(v.kilde.konfidens).toMatch(/^[ABC]$/);
        expect(v.verifisert).toBe('2026-12-07');
      }
    });
  }

  it('round-trips every value through the operator-file schema', () => {
    for (const t of TABELLER) {
      for (const v of t.verdier) {
        expect(t.visVerdi(t.verdiSkjema.parse(t.visVerdi(v.verdi)))).toEqual(t.visVerdi(v.verdi));
      }
    }
  });

  it.each([
    ['2018-06-01', 2910],
    ['2019-01-01', 2990],
    ['2019-08-01', 3040],
    ['2020-05-01', 3135],
    ['2021-05-01', 3230],
    ['2022-05-01', 3315],
    ['2022-08-01', 3050],
    ['2023-09-01', 3000],
    ['2024-09-01', 2000],
    ['2025-08-01', 1200],
    ['2026-11-27', 1200],
  ])('ordinary maksimalpris on %s is %d', (dato, kr) => {
    expect(regelverk.nyttOppslag().verdi(MAKSIMALPRIS, dato).ordinaer.toJSON()).toBe(String(kr));
  });

  it('has the zone prices only where sources give them, and the zone falls back to the ordinary price', () => {
    const o = regelverk.nyttOppslag();
    expect(maksimalprisForSone(o.verdi(MAKSIMALPRIS, '2024-07-31'), 'SENTRALITET_5_6')).toEqual({
      pris: Beloep.kroner(3000),
      egenSonepris: false,
    });
    expect(maksimalprisForSone(o.verdi(MAKSIMALPRIS, '2024-08-01'), 'SENTRALITET_5_6').pris.toJSON()).toBe(
      '1500',
    );
    expect(maksimalprisForSone(o.verdi(MAKSIMALPRIS, '2025-08-01'), 'SENTRALITET_5_6').pris.toJSON()).toBe(
      '700',
    );
    expect(maksimalprisForSone(o.verdi(MAKSIMALPRIS, '2023-07-31'), 'INNSATSSONE').pris.toJSON()).toBe(
      '3000',
    );
    expect(maksimalprisForSone(o.verdi(MAKSIMALPRIS, '2023-08-01'), 'INNSATSSONE').pris.isZero()).toBe(true);
    // The 2025 zone price rests on one source only and says so.
    expect(o.oppslag(MAKSIMALPRIS, '2025-03-01').kilde.konfidens).toBe('C');
  });

  it('refuses dates outside what the sources cover, never extrapolating', () => {
    const o = regelverk.nyttOppslag();
    expect(() => o.verdi(MAKSIMALPRIS, '2017-12-31')).toThrow(UtenforDekning);
    expect(() => o.verdi(MAKSIMALPRIS, '2027-01-01')).toThrow(UtenforDekning);
    // The kjernetid income limit from 1 August 2026 was not found.
    expect(o.verdi(KJERNETID_INNTEKTSGRENSE, '2025-07-31').toJSON()).toBe('642700');
    expect(o.verdi(KJERNETID_INNTEKTSGRENSE, '2025-08-01').toJSON()).toBe('669050');
    expect(o.verdi(KJERNETID_INNTEKTSGRENSE, '2026-07-31').toJSON()).toBe('669050');
    expect(() => o.verdi(KJERNETID_INNTEKTSGRENSE, '2026-08-01')).toThrow(UtenforDekning);
  });

  it('child 3 became free on 1 August 2023 (FOR-2023-05-16-710), in the text of § 3a from 28 February 2020', () => {
    const o = regelverk.nyttOppslag();
    expect(o.verdi(SOESKENMODERASJON, '2023-07-31').barn3Pluss.toString()).toBe('0.5');
    expect(o.verdi(SOESKENMODERASJON, '2023-08-01').barn3Pluss.toString()).toBe('1');
    expect(o.verdi(SOESKENMODERASJON, '2023-08-01').barn2.toString()).toBe('0.3');
    expect(o.oppslag(SOESKENMODERASJON, '2020-02-27').kilde.hjemmel).toBe(
      'forskrift om foreldrebetaling i barnehager § 3',
    );
    expect(o.oppslag(SOESKENMODERASJON, '2020-02-28').kilde).toMatchObject({
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3a første ledd',
      konfidens: 'A',
    });
  });

  it('rests every rule value on the law text from its first date, and says where amounts are not law text', () => {
    const o = regelverk.nyttOppslag();
    const regler: Array<[EnhverTabell, string]> = [
      [GRATIS_KJERNETID, '2019-08-01'],
      [SFO_SEKS_PROSENT_TRINN, '2020-08-01'],
      [SFO_GRATISTIMER, '2022-08-01'],
      [SFO_SAERLEGE_BEHOV_TRINN, '2020-08-01'],
      [SOESKENMODERASJON, '2023-08-01'],
    ];
    for (const [t, dato] of regler) {
      const k = o.oppslag(t, dato).kilde;
      expect(k.konfidens, t.navn).toBe('A');
      expect(k.url, t.navn).toMatch(/^https:\/\/lovdata\.no\//);
    }
    for (const v of [...MAKSIMALPRIS.verdier, ...KJERNETID_INNTEKTSGRENSE.verdier]) {
      expect(v.kilde.tittel).toMatch(/ikke lovtekst/);
      expect(v.kilde.konfidens).not.toBe('A');
    }
  });

  it('SFO: 6 % for 1.–2. trinn from 1.8.2020 and 1.–4. from 1.8.2021; 12 free hours for 1., 1.–2., 1.–3. trinn', () => {
    const o = regelverk.nyttOppslag();
    expect(o.verdi(SFO_SEKS_PROSENT_TRINN, '2020-07-31')).toEqual([]);
    expect(o.verdi(SFO_SEKS_PROSENT_TRINN, '2020-08-01')).toEqual([1, 2]);
    expect(o.verdi(SFO_SEKS_PROSENT_TRINN, '2021-08-01')).toEqual([1, 2, 3, 4]);
    expect(o.verdi(SFO_GRATISTIMER, '2022-07-31').trinn).toEqual([]);
    expect(o.verdi(SFO_GRATISTIMER, '2022-08-01').trinn).toEqual([1]);
    expect(o.verdi(SFO_GRATISTIMER, '2023-08-01').trinn).toEqual([1, 2]);
    expect(o.verdi(SFO_GRATISTIMER, '2024-08-01')).toEqual({ timerPerUke: 12, trinn: [1, 2, 3] });
    // From 1 August 2026 a statutory right (opplæringslova § 4-5 andre ledd), with the same content.
    expect(o.verdi(SFO_GRATISTIMER, '2026-08-01')).toEqual({ timerPerUke: 12, trinn: [1, 2, 3] });
    expect(o.verdi(SFO_SEKS_PROSENT_TRINN, '2026-12-31')).toEqual([1, 2, 3, 4]);
  });

  it('SFO is free for pupils with særlege behov on 5.–7. trinn from 1 August 2020', () => {
    const o = regelverk.nyttOppslag();
    expect(o.verdi(SFO_SAERLEGE_BEHOV_TRINN, '2020-07-31')).toEqual([]);
    expect(o.verdi(SFO_SAERLEGE_BEHOV_TRINN, '2020-08-01')).toEqual([5, 6, 7]);
    expect(o.oppslag(SFO_SAERLEGE_BEHOV_TRINN, '2024-08-01').kilde.hjemmel).toBe(
      'opplæringsforskrifta § 2-3 første ledd',
    );
  });
});

describe('the 6 % income limit reproduces the published municipal limits', () => {
  it.each([
    [2910, '533500', 'Asker 2018'],
    [3040, '557333', 'Fyresdal 2019'],
    [3135, '574750', 'Skiptvet 2020'],
    [3230, '592167', 'Kyrkjebakken/Nissedal 2021'],
    [3000, '550000', 'Tønsberg 2023'],
    [2000, '366667', 'Stord 2024'],
    [2655, '486750', 'NRK 2016'],
  ])('%d × 11 / 0.06 → %s (%s)', (makspris, grense) => {
    const eksakt = inntektsgrenseSeksProsent(Beloep.kroner(makspris), BETALINGSMAANEDER_BARNEHAGE);
    expect(visInntektsgrense(eksakt).toJSON()).toBe(grense);
  });

  it('keeps the exact limit for the rule itself', () => {
    expect(inntektsgrenseSeksProsent(Beloep.kroner(3230), 11).round('OERE', 'HALF_EVEN').toJSON()).toBe(
      '592166.67',
    );
  });
});
