import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Beloep } from './beloep.js';
import { Dec } from './decimal.js';
import { Sats } from './sats.js';

/*
 * An amount of whole øre times a rate with few decimals is done in integers when the product is whole
 * øre (beloep.ts, `times`). These hold that path to the decimal it replaces, on the rates the rules use
 * and on arbitrary ones, near the edges where the integer product stops being exact.
 */

const SIKKER = Number.MAX_SAFE_INTEGER;

const oere = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.integer({ min: SIKKER - 1000, max: SIKKER }),
  fc.integer({ min: -SIKKER, max: -SIKKER + 1000 }),
  // whole kroner: with a rate in whole per cent the product is whole øre, the path the rules take
  fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((k) => k * 100),
);

const sats = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '0.06', '0.75', '0.85', '0.25', '0.1', '2.5', '-0.3', '0.000001'),
  fc
    .tuple(fc.integer({ min: -(10 ** 7), max: 10 ** 7 }), fc.integer({ min: 0, max: 17 }))
    .map(([n, e]) => new Dec(n).dividedBy(new Dec(10).pow(e)).toFixed()),
  // more digits than a safe integer holds: left to the decimal
  fc.constantFrom('0.12345678901234567', '123456789012345678.5'),
);

describe('an amount of øre times a rate', () => {
  it('is the amount the decimal gives, in every output', () => {
    fc.assert(
      fc.property(oere, sats, (o, s) => {
        const b = Beloep.oere(o).times(Sats.av(s));
        const d = new Dec(o).dividedBy(100).times(new Dec(s));
        expect(b.toJSON()).toBe(d.toFixed());
        expect(b.isWhole('OERE')).toBe(d.decimalPlaces() <= 2);
        expect(b.round('KRONE', 'DOWN').toJSON()).toBe(d.toDecimalPlaces(0, Dec.ROUND_DOWN).toFixed());
        expect(b.isNegative()).toBe(d.isNegative() && !d.isZero());
      }),
      { numRuns: 3000 },
    );
  });

  it('is the same whether the rate was used before or not', () => {
    fc.assert(
      fc.property(fc.array(oere, { minLength: 1, maxLength: 5 }), sats, (alle, s) => {
        const r = Sats.av(s);
        for (const o of alle)
          expect(Beloep.oere(o).times(r).toJSON()).toBe(Beloep.oere(o).times(Sats.av(s)).toJSON());
      }),
    );
  });

  it('keeps equal rates equal field for field, however they were made', () => {
    const brukt = Sats.prosent(75);
    Beloep.kroner(1000).times(brukt);
    expect(brukt.toString()).toBe('0.75');
    expect(brukt).toStrictEqual(Sats.prosent(75));
    expect(Sats.av('0.75')).toStrictEqual(Sats.prosent(75));
    expect(Sats.broek(3, 4)).toStrictEqual(Sats.av('0.750'));
  });
});

describe('Sats.tilHeltallsbroek', () => {
  it('gives the rate as an integer over a power of ten, or null when it has too many digits', () => {
    expect(Sats.tilHeltallsbroek(Sats.prosent(6))).toEqual({ teller: 6, nevner: 100 });
    expect(Sats.tilHeltallsbroek(Sats.av('0.75'))).toEqual({ teller: 75, nevner: 100 });
    expect(Sats.tilHeltallsbroek(Sats.av('-0.3'))).toEqual({ teller: -3, nevner: 10 });
    expect(Sats.tilHeltallsbroek(Sats.av('12'))).toEqual({ teller: 12, nevner: 1 });
    expect(Sats.tilHeltallsbroek(Sats.broek(20, 41))).toBeNull();
    expect(Sats.tilHeltallsbroek(Sats.av('123456789012345678.5'))).toBeNull();
  });

  it('is n / 10^k equal to the rate', () => {
    fc.assert(
      fc.property(sats, (s) => {
        const h = Sats.tilHeltallsbroek(Sats.av(s));
        if (h === null) return;
        expect(new Dec(h.teller).dividedBy(h.nevner).equals(new Dec(s))).toBe(true);
      }),
    );
  });
});
