import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalRounding, desimalerFor, type Enhet, ROUNDING_MODES } from './avrunding.js';
import { Beloep } from './beloep.js';
import { Dec } from './decimal.js';
import { Sats } from './sats.js';

/*
 * Whole øre times a rate n / 10^k, or divided by a whole number, is kept as an integer fraction and
 * rounded and compared in integers. These properties hold that fraction to the 40-digit decimal the
 * same steps give, over the places the integers could go wrong: halves of an øre and of a krone,
 * negative amounts and divisors, and numerators and denominators next to 2^53.
 */

const MAKS = Number.MAX_SAFE_INTEGER;

/** Whole øre: small, usual, large, next to ±2^53, and numbers whose products land next to it. */
const oere = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.integer({ min: MAKS - 1000, max: MAKS }),
  fc.integer({ min: -MAKS, max: -MAKS + 1000 }),
  fc.integer({ min: -MAKS, max: MAKS }),
);

/** A rate n / 10^k as a string, with k up to 15 (the integer form's limit) and a few beyond. */
const sats = fc.oneof(
  fc.constantFrom('0.06', '0.75', '0.5', '0.25', '0.85', '1.5', '-0.3', '0.000001'),
  fc
    .tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 17 }))
    .map(([n, k]) => new Dec(n).dividedBy(new Dec(10).pow(k)).toFixed()),
  fc
    .tuple(fc.integer({ min: -MAKS, max: MAKS }), fc.integer({ min: 0, max: 15 }))
    .map(([n, k]) => new Dec(n).dividedBy(new Dec(10).pow(k)).toFixed()),
);

/** Divisors as the rules use them (months, days, hundredths of hours) and up to next to 2^53. */
const divisor = fc.oneof(
  fc.constantFrom(2, 3, 4, 6, 7, 8, 11, 12, 41, 100, 365, 366, 4100),
  fc.integer({ min: -1000, max: 1000 }).filter((n) => n !== 0),
  fc.integer({ min: -MAKS, max: MAKS }).filter((n) => n !== 0),
  fc.integer({ min: MAKS - 1000, max: MAKS }),
);

const enhet = fc.constantFrom<Enhet>('KRONE', 'OERE');

/** Every rounding of an amount, in both units, as strings. */
function avrundinger(b: Beloep): string[] {
  return ROUNDING_MODES.flatMap((m) => [b.round('KRONE', m).toJSON(), b.round('OERE', m).toJSON()]);
}

function avrundingerDec(d: Dec): string[] {
  return ROUNDING_MODES.flatMap((m) =>
    (['KRONE', 'OERE'] as const).map((e) => d.toDecimalPlaces(desimalerFor(e), decimalRounding(m)).toFixed()),
  );
}

/** What an amount answers that a fraction answers without the decimal. */
function svar(b: Beloep, annen: Beloep) {
  return {
    avrundet: avrundinger(b),
    compare: b.compare(annen),
    omvendt: annen.compare(b),
    isZero: b.isZero(),
    isNegative: b.isNegative(),
    isPositive: b.isPositive(),
    wholeOere: b.isWhole('OERE'),
    wholeKrone: b.isWhole('KRONE'),
    toJSON: b.toJSON(),
    negated: b.negated().toJSON(),
    abs: b.abs().toJSON(),
    atLeastZero: b.atLeastZero().toJSON(),
  };
}

function forventet(d: Dec, annen: Dec) {
  return {
    avrundet: avrundingerDec(d),
    compare: d.comparedTo(annen),
    omvendt: annen.comparedTo(d),
    isZero: d.isZero(),
    isNegative: d.isNegative() && !d.isZero(),
    isPositive: d.isPositive() && !d.isZero(),
    wholeOere: d.decimalPlaces() <= 2,
    wholeKrone: d.decimalPlaces() <= 0,
    toJSON: d.toFixed(),
    negated: d.negated().toFixed(),
    abs: d.abs().toFixed(),
    atLeastZero: (d.isNegative() ? new Dec(0) : d).toFixed(),
  };
}

const kroner = (o: number) => new Dec(o).dividedBy(100);

describe('an amount kept as an integer fraction answers as the 40-digit decimal', () => {
  it('for whole øre times a rate, then divided, in every rounding mode and comparison', () => {
    fc.assert(
      fc.property(oere, sats, divisor, divisor, oere, (o, s, d1, d2, annen) => {
        const a = Beloep.oere(o);
        const ad = kroner(o);
        const ganget = a.times(Sats.av(s));
        const gangetD = ad.times(new Dec(s));
        expect(svar(ganget, Beloep.oere(annen))).toEqual(forventet(gangetD, kroner(annen)));
        const delt = ganget.dividedBy(d1);
        const deltD = gangetD.dividedBy(new Dec(d1));
        expect(svar(delt, Beloep.oere(annen))).toEqual(forventet(deltD, kroner(annen)));
        // a second division and a rate after a division go through the decimal the fraction stands for
        const toGanger = delt.dividedBy(d2);
        const toGangerD = deltD.dividedBy(new Dec(d2));
        expect(svar(toGanger, Beloep.oere(annen))).toEqual(forventet(toGangerD, kroner(annen)));
        const etterpaa = delt.times(Sats.av(s)).plus(Beloep.oere(annen));
        const etterpaaD = deltD.times(new Dec(s)).plus(kroner(annen));
        expect(svar(etterpaa, Beloep.oere(annen))).toEqual(forventet(etterpaaD, kroner(annen)));
      }),
      { numRuns: 3000 },
    );
  }, 180_000);

  it('for whole øre divided by a whole number, and times whole numbers and rates before it', () => {
    fc.assert(
      fc.property(
        oere,
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        sats,
        divisor,
        oere,
        (o, m, s, d, annen) => {
          const b = Beloep.oere(o).times(Sats.av(s)).times(m).dividedBy(d);
          const bd = kroner(o).times(new Dec(s)).times(new Dec(m)).dividedBy(new Dec(d));
          expect(svar(b, Beloep.oere(annen))).toEqual(forventet(bd, kroner(annen)));
          const c = Beloep.oere(o).dividedBy(d);
          const cd = kroner(o).dividedBy(new Dec(d));
          expect(svar(c, Beloep.oere(annen))).toEqual(forventet(cd, kroner(annen)));
        },
      ),
      { numRuns: 3000 },
    );
  }, 180_000);

  it('rounds exact halves of an øre and of a krone, and their neighbours, in every mode', () => {
    // (2h + 1)·d / (2d) øre is h + ½ øre; ± 1 in the numerator is just below or above the tie.
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(-1, 0, 1),
        enhet,
        (h, d, skritt, e) => {
          // in bigint: the half kroner run past 2^53 øre, where the amount is the decimal's to begin with
          const teller = (2n * BigInt(h) + 1n) * BigInt(d) + BigInt(skritt);
          for (const [tall, nevner] of [
            [teller, 2 * d],
            [teller * 50n, 2 * d], // halves of a krone: 50·(2h + 1) øre
          ] as const) {
            const b = Beloep.oere(tall).dividedBy(nevner);
            const bd = new Dec(tall.toString()).dividedBy(100).dividedBy(new Dec(nevner));
            for (const m of ROUNDING_MODES) {
              expect(b.round(e, m).toJSON()).toBe(
                bd.toDecimalPlaces(desimalerFor(e), decimalRounding(m)).toFixed(),
              );
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  }, 180_000);

  it('adds and subtracts whole øre and a fraction as the decimal does, and steps on from there', () => {
    fc.assert(
      fc.property(oere, sats, divisor, oere, sats, divisor, (o, s, d, y, s2, d2) => {
        const hel = Beloep.oere(y);
        const helD = kroner(y);
        const kandidater: [Beloep, Dec][] = [
          [Beloep.oere(o).times(Sats.av(s)), kroner(o).times(new Dec(s))],
          [Beloep.oere(o).dividedBy(d), kroner(o).dividedBy(new Dec(d))],
          [Beloep.oere(o).times(Sats.av(s)).dividedBy(d), kroner(o).times(new Dec(s)).dividedBy(new Dec(d))],
        ];
        for (const [b, bd] of kandidater) {
          const summer: [Beloep, Dec][] = [
            [hel.minus(b), helD.minus(bd)],
            [b.minus(hel), bd.minus(helD)],
            [hel.plus(b), helD.plus(bd)],
            [b.plus(hel), bd.plus(helD)],
          ];
          for (const [x, xd] of summer) {
            expect(svar(x, hel)).toEqual(forventet(xd, helD));
            const videre: [Beloep, Dec][] = [
              [x.negated().minus(hel), xd.negated().minus(helD)],
              [x.times(Sats.av(s2)).dividedBy(d2), xd.times(new Dec(s2)).dividedBy(new Dec(d2))],
              [x.plus(b), xd.plus(bd)],
              [x.abs().minus(hel), xd.abs().minus(helD)],
            ];
            for (const [z, zd] of videre) expect(svar(z, hel)).toEqual(forventet(zd, helD));
          }
        }
      }),
      { numRuns: 600 },
    );
  }, 180_000);

  it('compares two fractions, and a fraction with an amount kept as the decimal', () => {
    fc.assert(
      fc.property(oere, divisor, oere, divisor, sats, (o1, d1, o2, d2, s) => {
        const a = Beloep.oere(o1).dividedBy(d1);
        const b = Beloep.oere(o2).times(Sats.av(s)).dividedBy(d2);
        const ad = kroner(o1).dividedBy(new Dec(d1));
        const bd = kroner(o2).times(new Dec(s)).dividedBy(new Dec(d2));
        expect(a.compare(b)).toBe(ad.comparedTo(bd));
        const stor = Beloep.fromJSON(`${o2}000000.001`);
        const storD = new Dec(`${o2}000000.001`);
        expect(a.compare(stor)).toBe(ad.comparedTo(storD));
        expect(stor.compare(a)).toBe(storD.comparedTo(ad));
      }),
      { numRuns: 2000 },
    );
  }, 180_000);

  it('prints the string of the decimal, also where the 40th digit is a tie or carries', () => {
    // Denominators 2^a·5^b give quotients that end, some at exactly 41 digits (a tie at the 40th);
    // others give long repeating quotients, and amounts below one øre start with zeros.
    const nevner = fc.oneof(
      divisor.map((d) => (d < 0 ? -d : d)).filter((d) => d > 1),
      fc
        .tuple(fc.integer({ min: 0, max: 52 }), fc.integer({ min: 0, max: 22 }))
        .map(([a, b]) => 2 ** a * 5 ** b)
        .filter((q) => q > 1 && q <= MAKS),
      fc.integer({ min: 1, max: 52 }).map((a) => 2 ** a),
      fc.integer({ min: 1, max: 22 }).map((b) => 5 ** b),
    );
    fc.assert(
      fc.property(oere, nevner, (o, q) => {
        const b = Beloep.oere(o).dividedBy(q);
        const d = kroner(o).dividedBy(new Dec(q));
        expect(b.toJSON()).toBe(d.toFixed());
        expect(b.toString()).toBe(d.toFixed());
        expect(b.negated().toJSON()).toBe(d.negated().toFixed());
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps amounts made the same way equal field for field, printed or not', () => {
    fc.assert(
      fc.property(oere, sats, divisor, oere, (o, s, d, y) => {
        const lag = () => Beloep.oere(y).minus(Beloep.oere(o).times(Sats.av(s)).dividedBy(d));
        const brukt = lag();
        brukt.toJSON();
        brukt.negated().toJSON();
        brukt.round('KRONE', 'HALF_UP');
        brukt.compare(Beloep.oere(y));
        expect(brukt).toStrictEqual(lag());
      }),
      { numRuns: 500 },
    );
  });
});
