import { Beloep } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEREGNET_SKATT, beregn } from '../testhjelp.js';
import { delInntilG, delOverG, minstebeloepIBehold, vederlagEtterParagraf3 } from './vederlag.js';

const kr = (n: number | string) => Beloep.kroner(typeof n === 'number' ? n : n);
const G_2024 = kr(124_028);
const F_2024 = kr(10_000);

describe('§ 3 annet ledd, sentence by sentence', () => {
  it('takes 75 % of the income up to G after the fribeløp, never below zero', () => {
    expect(delInntilG(kr(300_000), G_2024, F_2024).beloep.toJSON()).toBe('85521');
    expect(delInntilG(kr(50_000), G_2024, F_2024).beloep.toJSON()).toBe('30000');
    expect(delInntilG(kr(8_000), G_2024, F_2024).beloep.toJSON()).toBe('0');
    expect(delInntilG(kr(-5_000), G_2024, F_2024).beloep.toJSON()).toBe('0');
  });

  it('takes 85 % of the income above G', () => {
    expect(delOverG(kr(300_000), G_2024).beloep.toJSON()).toBe('149576.2');
    expect(delOverG(kr(100_000), G_2024).beloep.toJSON()).toBe('0');
  });

  it('leaves 25 % of G plus the benefit of the fribeløp: 75 % of it by default, all of it by choice', () => {
    expect(minstebeloepIBehold(G_2024, F_2024, 'TRE_FJERDEDELER').beloep.toJSON()).toBe('38507');
    expect(minstebeloepIBehold(G_2024, F_2024, 'HELE').beloep.toJSON()).toBe('41007');
  });

  it('lets the minimum bind below G: 100 000 kr gives 61 493, not 67 500', () => {
    const r = vederlagEtterParagraf3(kr(100_000), G_2024, F_2024, 'TRE_FJERDEDELER');
    expect(r.etterSatsene.toJSON()).toBe('67500');
    expect(r.begrensetAvMinstebeloep).toBe(true);
    expect(r.beloep.toJSON()).toBe('61493');
    expect(vederlagEtterParagraf3(kr(100_000), G_2024, F_2024, 'HELE').beloep.toJSON()).toBe('58993');
  });

  it('charges nothing when the basis is below what the resident keeps', () => {
    expect(vederlagEtterParagraf3(kr(30_000), G_2024, F_2024, 'TRE_FJERDEDELER').beloep.isZero()).toBe(true);
  });
});

describe('worked examples through the product', () => {
  it('LHL 2025, second example: net 345 000 kr gives 272 396 kr a year (rounded down from 272 396.50)', () => {
    // LHL pasientombud (2025): net pension 300 000 + net leieinntekt 20 000 + avkastning 25 000.
    const { resultat, vederlag } = beregn({
      inntektsaar: 2025,
      beregningsdato: '2025-06-01',
      soeker: {
        alderspensjonFraFolketrygden: 380_000,
        nettoinntektVedUtleieAvFastEiendomMv: 20_000,
        utbytteFraAksje: 25_000,
        [BEREGNET_SKATT]: 80_000,
      },
    });
    expect(resultat.beregningsbeloep).toBe(345_000);
    expect(vederlag.etterSatsene).toBe(272_396.5);
    expect(vederlag.perAar).toBe(272_396);
    expect(vederlag.perMaaned).toBe(22_699);
  });

  it('Pensjonistforbundet «Kari» (2024): the basis is 325 000 kr', () => {
    const { resultat } = beregn({
      soeker: {
        alderspensjonFraFolketrygden: 300_000,
        samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg: 50_000,
        samledeOpptjenteRenterIInnenlandskeBanker: 20_000,
        [BEREGNET_SKATT]: 45_000,
      },
    });
    expect(resultat.beregningsbeloep).toBe(325_000);
  });

  it('uses the higher fribeløp in a double room against the resident’s wish, also in the minimum', () => {
    const enkelt = beregn({ soeker: { alderspensjonFraFolketrygden: 100_000 } }).vederlag;
    const dobbelt = beregn({
      soeker: { alderspensjonFraFolketrygden: 100_000 },
      vedtak: { dobbeltromMotEgetOenske: true },
    }).vederlag;
    expect(enkelt.perAar).toBe(61_493);
    expect(dobbelt.fribeloep).toEqual({ beloep: 48_300, dobbeltromMotEgetOenske: true });
    // 100 000 − (31 007 + 0.75 × 48 300) = 32 768 < 0.75 × (100 000 − 48 300) = 38 775
    expect(dobbelt.perAar).toBe(32_768);
  });

  it('never charges more than the stay costs', () => {
    const { vederlag, resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 900_000, [BEREGNET_SKATT]: 250_000 },
      vedtak: { oppholdskostnadPerMaaned: 30_000 },
    });
    expect(vederlag.etterSatsene).toBeGreaterThan(360_000);
    expect(vederlag.begrensetAvOppholdskostnad).toBe(true);
    expect(vederlag.perAar).toBe(360_000);
    expect(vederlag.perMaaned).toBe(30_000);
    expect(resultat.advarsler.map((a) => a.kode)).not.toContain('OPPHOLDSKOSTNAD_IKKE_OPPGITT');
  });

  it('uses the yearly average G when the municipality chooses it', () => {
    const v = beregn(
      { soeker: { alderspensjonFraFolketrygden: 300_000 } },
      { grunnbeloep: 'GJENNOMSNITT_FOR_AARET' },
    ).vederlag;
    expect(v.grunnbeloep).toEqual({ beloep: 122_225, forklaring: 'gjennomsnittlig G for 2024' });
  });
});

describe('invariants (fast-check, through the product)', () => {
  const datoer = [
    '2019-02-01',
    '2020-06-15',
    '2021-12-31',
    '2022-05-01',
    '2023-04-30',
    '2024-06-01',
    '2025-11-01',
    '2026-03-01',
    '2026-12-07',
  ];
  const tilfelle = fc.record({
    pensjon: fc.integer({ min: 0, max: 3_000_000 }),
    renter: fc.integer({ min: 0, max: 200_000 }),
    skatt: fc.integer({ min: 0, max: 1_000_000 }),
    gjeldsrenter: fc.integer({ min: 0, max: 100_000 }),
    dato: fc.constantFrom(...datoer),
    dobbeltrom: fc.boolean(),
    kostnad: fc.option(fc.integer({ min: 1, max: 150_000 }), { nil: undefined }),
    grunnbeloep: fc.constantFrom('PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'),
    fordel: fc.constantFrom('TRE_FJERDEDELER', 'HELE'),
  });
  type Tilfelle = typeof tilfelle extends fc.Arbitrary<infer T> ? T : never;

  function kjoer(t: Tilfelle, ekstraPensjon = 0) {
    return beregn(
      {
        inntektsaar: 2023,
        beregningsdato: t.dato,
        soeker: {
          alderspensjonFraFolketrygden: t.pensjon + ekstraPensjon,
          samledeOpptjenteRenterIInnenlandskeBanker: t.renter,
          samledePaaloepteRenterPaaGjeldIInnenlandskeBanker: t.gjeldsrenter,
          [BEREGNET_SKATT]: t.skatt,
        },
        vedtak: {
          dobbeltromMotEgetOenske: t.dobbeltrom,
          ...(t.kostnad !== undefined ? { oppholdskostnadPerMaaned: t.kostnad } : {}),
        },
      },
      { grunnbeloep: t.grunnbeloep, fordelAvFribeloepet: t.fordel },
    );
  }

  it('is never negative, in whole kroner, and per month is per year ÷ 12 rounded down', () => {
    fc.assert(
      fc.property(tilfelle, (t) => {
        const { vederlag } = kjoer(t);
        expect(vederlag.perAar).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(vederlag.perAar) && Number.isInteger(vederlag.perMaaned)).toBe(true);
        expect(vederlag.perMaaned).toBe(Math.floor(vederlag.perAar / 12));
      }),
      { numRuns: 150 },
    );
  });

  it('is never above the cost of the stay', () => {
    fc.assert(
      fc.property(tilfelle, fc.integer({ min: 1, max: 150_000 }), (t, kostnad) => {
        const { vederlag } = kjoer({ ...t, kostnad });
        expect(vederlag.perAar).toBeLessThanOrEqual(12 * kostnad);
        expect(vederlag.perMaaned).toBeLessThanOrEqual(kostnad);
      }),
      { numRuns: 150 },
    );
  });

  it('never leaves the resident less than 25 % of G plus the benefit of the fribeløp (or all they have)', () => {
    fc.assert(
      fc.property(tilfelle, (t) => {
        const { resultat, vederlag } = kjoer(t);
        const n = resultat.beregningsbeloep;
        const g = vederlag.grunnbeloep.beloep;
        const f = vederlag.fribeloep.beloep;
        // Computed here from G and F, not read from the result's own minimum.
        const minste = 0.25 * g + (t.fordel === 'HELE' ? f : 0.75 * f);
        expect(n - vederlag.perAar).toBeGreaterThanOrEqual(Math.min(n, minste) - 0.005);
        if (n <= minste) expect(vederlag.perAar).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never falls when income rises', () => {
    fc.assert(
      fc.property(tilfelle, fc.integer({ min: 0, max: 500_000 }), (t, mer) => {
        expect(kjoer(t, mer).vederlag.perAar).toBeGreaterThanOrEqual(kjoer(t).vederlag.perAar);
      }),
      { numRuns: 100 },
    );
  });

  /** The same case with a spouse at home (tenkt etterlattepensjon 0, no own income). */
  function medEktefelle(t: Tilfelle, ekstraPensjon = 0) {
    return beregn(
      {
        inntektsaar: 2023,
        beregningsdato: t.dato,
        soeker: {
          alderspensjonFraFolketrygden: t.pensjon + ekstraPensjon,
          samledeOpptjenteRenterIInnenlandskeBanker: t.renter,
          samledePaaloepteRenterPaaGjeldIInnenlandskeBanker: t.gjeldsrenter,
          [BEREGNET_SKATT]: t.skatt,
        },
        partner: { ekstra: { 'kommune.tenktEtterlattePensjon': 0 } },
        vedtak: {
          dobbeltromMotEgetOenske: t.dobbeltrom,
          ...(t.kostnad !== undefined ? { oppholdskostnadPerMaaned: t.kostnad } : {}),
        },
      },
      { grunnbeloep: t.grunnbeloep, fordelAvFribeloepet: t.fordel },
    );
  }

  it('§ 5 tredje ledd: a spouse at home lowers the basis by exactly half the pension, never raises the fee', () => {
    fc.assert(
      fc.property(tilfelle, (t) => {
        const alene = kjoer(t);
        const med = medEktefelle(t);
        expect(alene.resultat.beregningsbeloep - med.resultat.beregningsbeloep).toBe(t.pensjon / 2);
        expect(med.vederlag.perAar).toBeLessThanOrEqual(alene.vederlag.perAar);
      }),
      { numRuns: 100 },
    );
  });

  it('§ 5 tredje ledd: with a spouse at home the fee still never falls when the pension rises', () => {
    fc.assert(
      fc.property(tilfelle, fc.integer({ min: 0, max: 500_000 }), (t, mer) => {
        expect(medEktefelle(t, mer).vederlag.perAar).toBeGreaterThanOrEqual(medEktefelle(t).vederlag.perAar);
      }),
      { numRuns: 100 },
    );
  });
});
