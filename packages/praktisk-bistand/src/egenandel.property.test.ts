import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { leggTilDager, Regelverk } from '@inntektsgrunnlag/regelverk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beregner } from './beregner.js';
import { maksEgenandel } from './egenandel.js';
import type { Trinn } from './innstillinger.js';
import { rundTilHalvtime } from './regler/paragraf9.js';
import { grunnbeloepForsteJanuar } from './regler/paragraf10.js';
import { MAKS_EGENANDEL_UNDER_2G } from './tabeller.js';

const regelverk = Regelverk.av(beregner.tabeller);

/** Dates where both G and the national maximum are known: 2016-01-01 … 2024-12-31. */
const datoArb = fc.integer({ min: 0, max: 3287 }).map((d) => leggTilDager('2016-01-01', d));
const inntektArb = fc.integer({ min: -500_000, max: 8_000_000 });

/**
 * Brackets as a municipality may set them: starting at 2 G, rising limits, rising maxima, the first at
 * least the highest national rate (230), so that crossing 2 G never lowers the maximum.
 */
const trinnArb = fc
  .array(
    fc.record({ stegTideler: fc.integer({ min: 1, max: 30 }), oekning: fc.integer({ min: 0, max: 4000 }) }),
    {
      maxLength: 6,
    },
  )
  .chain((steg) =>
    // From the highest national rate in the tables (230): below it the result carries the advarsel
    // TRINN_UNDER_NASJONALT_TAK, and monotony across 2 G is then not promised.
    fc.integer({ min: 230, max: 1500 }).map((start) => {
      let tideler = 20;
      let maks = start;
      return steg.map((s, i): Trinn => {
        if (i > 0) {
          tideler += s.stegTideler;
          maks += s.oekning;
        }
        return {
          fraOgMedG: Sats.av(`${Math.floor(tideler / 10)}.${tideler % 10}`),
          maksPerMaaned: Beloep.kroner(maks),
        };
      });
    }),
  );

/** Selvkost per month in øre, or none. */
const selvkostArb = fc.option(
  fc.integer({ min: 0, max: 2_000_000 }).map((o) => Beloep.oere(o)),
  { nil: null },
);

function maks(dato: string, inntekt: number, trinn: Trinn[], selvkost: Beloep | null) {
  const oppslag = regelverk.nyttOppslag();
  return maksEgenandel({
    inntekt: Beloep.kroner(inntekt),
    g: grunnbeloepForsteJanuar(oppslag, dato).g,
    nasjonaltTak: () => oppslag.oppslag(MAKS_EGENANDEL_UNDER_2G, dato),
    trinn,
    selvkost,
  });
}

/** a ≤ b, where null means "no maximum" (above every amount). */
function ikkeHoeyere(a: Beloep | null, b: Beloep | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  return a.lessThanOrEqual(b);
}

describe('the monthly maximum (properties)', () => {
  it('never falls when the household’s income rises', () => {
    fc.assert(
      fc.property(datoArb, inntektArb, inntektArb, trinnArb, selvkostArb, (dato, x, y, trinn, selvkost) => {
        const [lav, hoey] = x <= y ? [x, y] : [y, x];
        expect(
          ikkeHoeyere(maks(dato, lav, trinn, selvkost).maks, maks(dato, hoey, trinn, selvkost).maks),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never exceeds selvkost and is never negative', () => {
    fc.assert(
      fc.property(datoArb, inntektArb, trinnArb, selvkostArb, (dato, inntekt, trinn, selvkost) => {
        const r = maks(dato, inntekt, trinn, selvkost);
        if (r.maks !== null) {
          expect(r.maks.isNegative()).toBe(false);
          expect(r.maks.isWhole('OERE')).toBe(true);
        }
        if (selvkost !== null) {
          expect(r.maks).not.toBeNull();
          expect(r.maks?.lessThanOrEqual(selvkost)).toBe(true);
        }
        // Below 2 G there is always a maximum, and it is at most the national rate.
        if (r.under2G) {
          expect(r.maks?.lessThanOrEqual(r.grense.maks ?? Beloep.NULL)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds end to end: a household through the whole beregning never gets a maximum above selvkost', () => {
    fc.assert(
      fc.property(
        datoArb,
        fc.integer({ min: -100_000, max: 1_500_000 }),
        fc.integer({ min: -100_000, max: 1_500_000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (dato, soeker, partner, timerHundredeler, kostnadOere) => {
          const timer = `${Math.floor(timerHundredeler / 100)}.${String(timerHundredeler % 100).padStart(2, '0')}`;
          const kostnad = Beloep.oere(kostnadOere);
          const r = beregnForesporsel(
            beregner,
            {
              beregningstype: 'PRAKTISK_BISTAND',
              inntektsaar: 2022,
              beregningsdato: dato,
              // 2022 is rarely the proposed year of the date (§ 10 første ledd); the reason is then given.
              personer: [
                {
                  identifikator: '23914510023',
                  type: 'SOEKER',
                  poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: soeker }],
                },
                {
                  identifikator: '09825010081',
                  type: 'EKTEFELLE',
                  poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: partner }],
                },
              ],
              vedtak: {
                timerPerMaaned: timer,
                kostnadPerTime: kostnad.toJSON(),
                inntektsaarBegrunnelse: { aarsak: 'LIKNING_MANGLER', forklaring: 'egenskapstest' },
              },
            },
            { idag: '2026-11-27' },
          );
          const e = r.egenandel as { maksPerMaaned: number; under2G: boolean; toG: number };
          // § 9 andre ledd: the hours are rounded to the nearest half hour before selvkost is computed.
          const selvkost = kostnad.times(rundTilHalvtime(Sats.av(timer)));
          expect(r.beregningsbeloep).toBe(soeker + partner);
          expect(e.under2G).toBe(soeker + partner < e.toG);
          expect(e.maksPerMaaned).toBeGreaterThanOrEqual(0);
          expect(Beloep.kroner(e.maksPerMaaned.toFixed(2)).lessThanOrEqual(selvkost)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the 2 G limit is the same on every day of a year (G pr. 1. januar, § 10 andre ledd)', () => {
    fc.assert(
      fc.property(datoArb, fc.integer({ min: 0, max: 364 }), (dato, dag) => {
        const annen = leggTilDager(`${dato.slice(0, 4)}-01-01`, dag);
        fc.pre(annen.slice(0, 4) === dato.slice(0, 4));
        const oppslag = regelverk.nyttOppslag();
        expect(
          grunnbeloepForsteJanuar(oppslag, dato).g.equals(grunnbeloepForsteJanuar(oppslag, annen).g),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds hours to a whole or half hour, at most a quarter hour away, never up on a tie', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_440_000 }), (titusendeler) => {
        const timer = Sats.av(
          `${Math.floor(titusendeler / 10000)}.${String(titusendeler % 10000).padStart(4, '0')}`,
        );
        const r = rundTilHalvtime(timer);
        const halve = r.times(Sats.av('2'));
        expect(halve.toString()).toMatch(/^\d+$/);
        const avstand = r.minus(timer);
        expect(avstand.compare(Sats.av('0.25'))).toBeLessThanOrEqual(0);
        expect(Sats.av('-0.25').compare(avstand)).toBeLessThanOrEqual(0);
        if (avstand.equals(Sats.av('0.25'))) throw new Error('rundet opp på likt');
      }),
      { numRuns: 500 },
    );
  });

  it('never exceeds the case worker’s § 9 tredje ledd amount, and only lowers the maximum', () => {
    fc.assert(
      fc.property(
        datoArb,
        inntektArb,
        trinnArb,
        selvkostArb,
        fc.integer({ min: 0, max: 500_000 }).map((o) => Beloep.oere(o)),
        (dato, inntekt, trinn, selvkost, beholder) => {
          const oppslag = regelverk.nyttOppslag();
          const grunnlag = {
            inntekt: Beloep.kroner(inntekt),
            g: grunnbeloepForsteJanuar(oppslag, dato).g,
            nasjonaltTak: () => oppslag.oppslag(MAKS_EGENANDEL_UNDER_2G, dato),
            trinn,
            selvkost,
          };
          const uten = maksEgenandel(grunnlag);
          const med = maksEgenandel({ ...grunnlag, beholderTilstrekkelig: beholder });
          expect(med.maks).not.toBeNull();
          expect(med.maks?.lessThanOrEqual(beholder)).toBe(true);
          expect(ikkeHoeyere(med.maks, uten.maks)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
