import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Beloep, ROUNDING_MODES, Sats, UgyldigBeloepError } from './index.js';

const kr = (v: string) => Beloep.kroner(v);

describe('construction', () => {
  it('takes decimal strings with at most two decimals, bigint and integers', () => {
    expect(Beloep.kroner('1234.50').toJSON()).toBe('1234.5');
    expect(Beloep.kroner(1234n).toJSON()).toBe('1234');
    expect(Beloep.kroner(1234).toJSON()).toBe('1234');
    expect(Beloep.oere(123450).toJSON()).toBe('1234.5');
    expect(Beloep.oere(-5n).toJSON()).toBe('-0.05');
  });

  it('refuses floats at run time and, for literals, at compile time', () => {
    // @ts-expect-error a float literal is not an integer of kroner
    expect(() => Beloep.kroner(0.1)).toThrow(UgyldigBeloepError);
    // @ts-expect-error a float literal is not an integer of øre
    expect(() => Beloep.oere(12.5)).toThrow(/heltall/);
    const wide: number = 0.1 + 0.2;
    expect(() => Beloep.kroner(wide)).toThrow(/desimaltall er ikke tillatt/);
    expect(() => Beloep.kroner(Number.NaN)).toThrow(UgyldigBeloepError);
    expect(() => Beloep.kroner(2 ** 60)).toThrow(UgyldigBeloepError);
  });

  it('refuses malformed strings with a reason', () => {
    for (const bad of ['1,5', '1.234', '', ' 1', '1e5', 'kr 5', '--1', '.5']) {
      expect(() => Beloep.kroner(bad), bad).toThrow(/høyst to desimaler/);
    }
  });

  it('round-trips through JSON, also with more than two decimals', () => {
    const b = kr('1000').dividedBy(3);
    expect(Beloep.fromJSON(JSON.parse(JSON.stringify(b))).equals(b)).toBe(true);
  });
});

describe('arithmetic', () => {
  it('is exact where floats are not', () => {
    expect(kr('0.10').plus(kr('0.20')).equals(kr('0.30'))).toBe(true);
    expect(kr('1.15').times(100).toJSON()).toBe('115');
  });

  it('multiplies by a Sats and divides by whole numbers', () => {
    // 0.06 × 480 000 / 11 = 2 618.1818…
    const pris = kr('480000').times(Sats.prosent(6)).dividedBy(11);
    expect(pris.round('KRONE', 'DOWN').toJSON()).toBe('2618');
    expect(pris.round('OERE', 'HALF_UP').toJSON()).toBe('2618.18');
    expect(kr('1200').times(Sats.prosent(30).komplement()).toJSON()).toBe('840');
    expect(kr('3000').times(Sats.broek(20, 41)).round('OERE', 'HALF_EVEN').toJSON()).toBe('1463.41');
  });

  it('compares numerically, never as strings', () => {
    expect(kr('9').lessThan(kr('10'))).toBe(true);
    expect(Beloep.max(kr('9'), kr('10'), kr('-11')).toJSON()).toBe('10');
    expect(Beloep.min(kr('9'), kr('10'), kr('-11')).toJSON()).toBe('-11');
    expect(kr('-0').isNegative()).toBe(false);
    expect(kr('-0.01').isNegative()).toBe(true);
    expect(kr('-5').atLeastZero().isZero()).toBe(true);
  });

  it('refuses division by zero', () => {
    expect(() => kr('1').dividedBy(0)).toThrow(/0/);
    expect(() => kr('1').ratioTo(Beloep.NULL)).toThrow(/0/);
  });
});

describe('rounding names its mode', () => {
  const cases: Array<[string, Record<(typeof ROUNDING_MODES)[number], string>]> = [
    ['2.5', { DOWN: '2', UP: '3', FLOOR: '2', CEILING: '3', HALF_UP: '3', HALF_DOWN: '2', HALF_EVEN: '2' }],
    ['3.5', { DOWN: '3', UP: '4', FLOOR: '3', CEILING: '4', HALF_UP: '4', HALF_DOWN: '3', HALF_EVEN: '4' }],
    [
      '-2.5',
      { DOWN: '-2', UP: '-3', FLOOR: '-3', CEILING: '-2', HALF_UP: '-3', HALF_DOWN: '-2', HALF_EVEN: '-2' },
    ],
    ['2.01', { DOWN: '2', UP: '3', FLOOR: '2', CEILING: '3', HALF_UP: '2', HALF_DOWN: '2', HALF_EVEN: '2' }],
  ];
  for (const [input, expected] of cases) {
    for (const mode of ROUNDING_MODES) {
      it(`${input} ${mode} → ${expected[mode]}`, () => {
        expect(kr(input).round('KRONE', mode).toJSON()).toBe(expected[mode]);
      });
    }
  }

  it('rounds to øre', () => {
    expect(kr('1').dividedBy(3).round('OERE', 'HALF_EVEN').toJSON()).toBe('0.33');
    expect(kr('2').dividedBy(3).round('OERE', 'DOWN').toJSON()).toBe('0.66');
  });

  it('DOWN never rounds a non-negative charge above its exact value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 1000 }), (oere, n) => {
        const exact = Beloep.oere(oere).dividedBy(n);
        return exact.round('KRONE', 'DOWN').lessThanOrEqual(exact);
      }),
    );
  });
});

describe('allocation', () => {
  it('spreads a yearly amount over 12 months without losing an øre, extra øre first', () => {
    const deler = kr('1000').allocate(12);
    expect(deler.map((d) => d.toJSON())).toEqual([
      '83.34',
      '83.34',
      '83.34',
      '83.34',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
    ]);
    expect(Beloep.sum(deler).equals(kr('1000'))).toBe(true);
  });

  it('allocates in whole kroner and by weights', () => {
    expect(
      kr('100')
        .allocate(11, 'KRONE')
        .map((d) => d.toJSON()),
    ).toEqual(['10', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9']);
    expect(
      kr('10')
        .allocate([1, 0, 2], 'KRONE')
        .map((d) => d.toJSON()),
    ).toEqual(['4', '0', '6']);
    expect(
      kr('-10')
        .allocate(3, 'KRONE')
        .map((d) => d.toJSON()),
    ).toEqual(['-4', '-3', '-3']);
  });

  it('refuses to allocate an amount that is not whole in the unit', () => {
    expect(() => kr('1').dividedBy(3).allocate(2)).toThrow(/rund av/);
    expect(() => kr('10').allocate(0)).toThrow(/minst 1/);
  });

  it('never loses or creates money, and parts differ by at most one unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 1, max: 24 }),
        (oere, n) => {
          const total = Beloep.oere(oere);
          const deler = total.allocate(n);
          const sorted = [...deler].sort((a, b) => a.compare(b));
          const first = sorted[0] as Beloep;
          const last = sorted[sorted.length - 1] as Beloep;
          return (
            deler.length === n &&
            Beloep.sum(deler).equals(total) &&
            last.minus(first).lessThanOrEqual(kr('0.01'))
          );
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('writes nb-NO with non-breaking spaces', () => {
    expect(kr('1234.5').format()).toBe('kr\u00a01\u00a0234,50');
    expect(kr('567127').format({ desimaler: 0 })).toBe('kr\u00a0567\u00a0127');
    expect(kr('-1234567.89').format()).toBe('kr\u00a0\u22121\u00a0234\u00a0567,89');
    expect(kr('0').format({ medValuta: false })).toBe('0,00');
    expect(kr('999').format({ desimaler: 0, medValuta: false })).toBe('999');
  });

  it('refuses to hide decimals', () => {
    expect(() => kr('10.5').format({ desimaler: 0 })).toThrow(/rund av/);
    expect(() => kr('10').dividedBy(3).toJsonNumber()).toThrow(/rund av/);
  });

  it('gives JSON numbers only for amounts with at most two decimals', () => {
    expect(kr('2618.18').toJsonNumber()).toBe(2618.18);
    expect(JSON.stringify({ b: kr('12.30') })).toBe('{"b":"12.3"}');
  });

  it('gives the double nearest to the exact øre amount, for any amount and after arithmetic', () => {
    // The reference: the amount written out with exactly two decimals, parsed by JavaScript.
    const medToDesimaler = (oere: bigint) => {
      const tegn = oere < 0n ? '-' : '';
      const a = oere < 0n ? -oere : oere;
      return Number(`${tegn}${a / 100n}.${String(a % 100n).padStart(2, '0')}`);
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
        fc.bigInt({ min: -999n, max: 999n }),
        (a, b) => {
          const sum = Beloep.oere(a).plus(Beloep.oere(b).times(3)).minus(Beloep.oere(b));
          return Object.is(sum.toJsonNumber(), medToDesimaler(a + 2n * b));
        },
      ),
      { numRuns: 5000 },
    );
    expect(Object.is(kr('-0.00').toJsonNumber(), 0)).toBe(true);
    expect(kr('10').dividedBy(4).toJsonNumber()).toBe(2.5);
  });
});

describe('Sats', () => {
  it('is made from strings, whole percentages and fractions only', () => {
    expect(Sats.av('0.75').toString()).toBe('0.75');
    expect(Sats.prosent(85).toString()).toBe('0.85');
    expect(Sats.prosent('12.5').toString()).toBe('0.125');
    // @ts-expect-error float literal
    expect(() => Sats.prosent(0.5)).toThrow();
    expect(() => Sats.av('0,5')).toThrow(/desimalstreng/);
    expect(() => Sats.broek(1, 0)).toThrow(/0/);
    expect(Sats.prosent(6).formatProsent()).toBe('6\u00a0%');
    expect(Sats.broek(20, 41).formatProsent()).toBe('48,78\u00a0%');
  });
});
