import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalRounding, desimalerFor, type Enhet, ROUNDING_MODES, type RoundingMode } from './avrunding.js';
import { Beloep } from './beloep.js';
import { Dec } from './decimal.js';
import { Sats } from './sats.js';

/*
 * `Beloep` keeps whole øre as a safe integer and only fractions of an øre (and amounts beyond ±2^53
 * øre) as the 40-digit decimal. This file holds it to the decimal: every operation and every rounding
 * mode is done side by side on `Beloep` and on a plain decimal of kroner written the way `Beloep` was
 * before (one decimal per amount, every operation in the decimal), and every answer must be the same
 * string, number or boolean.
 */

const NBSP = '\u00a0';

/** The decimal model: what each method of Beloep answered when it was a decimal of kroner. */
const modell = {
  toJSON: (d: Dec) => d.toFixed(),
  round: (d: Dec, enhet: Enhet, modus: RoundingMode) =>
    d.toDecimalPlaces(desimalerFor(enhet), decimalRounding(modus)),
  isWhole: (d: Dec, enhet: Enhet) => d.decimalPlaces() <= desimalerFor(enhet),
  toJsonNumber: (d: Dec) => (d.decimalPlaces() <= 2 ? Number(d.toString()) : 'avvist'),
  toKronerBigInt: (d: Dec) => (d.decimalPlaces() <= 0 ? BigInt(d.toFixed(0)) : 'avvist'),
  format: (d: Dec, desimaler: 0 | 2, medValuta: boolean) => {
    if (d.decimalPlaces() > desimaler) return 'avvist';
    const [heltall = '0', broek] = d.abs().toFixed(desimaler).split('.');
    const gruppert = heltall.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    const negativ = d.isNegative() && !d.isZero();
    const tall = `${negativ ? '\u2212' : ''}${gruppert}${broek ? `,${broek}` : ''}`;
    return medValuta ? `kr${NBSP}${tall}` : tall;
  },
  allocate: (d: Dec, vekter: number[], enhet: Enhet) => {
    if (d.decimalPlaces() > desimalerFor(enhet)) return 'avvist';
    const skala = enhet === 'KRONE' ? 1 : 100;
    const enheter = BigInt(d.times(skala).toFixed(0));
    const fortegn = enheter < 0n ? -1n : 1n;
    const total = enheter * fortegn;
    const sumV = BigInt(vekter.reduce((a, b) => a + b, 0));
    const deler = vekter.map((v) => (total * BigInt(v)) / sumV);
    let rest = total - deler.reduce((a, b) => a + b, 0n);
    for (let i = 0; rest > 0n; i = (i + 1) % deler.length) {
      if (vekter[i] === 0) continue;
      deler[i] = (deler[i] ?? 0n) + 1n;
      rest -= 1n;
    }
    return deler.map((del) => new Dec((del * fortegn).toString()).dividedBy(skala).toFixed());
  },
};

function ellerAvvist<T>(f: () => T): T | 'avvist' {
  try {
    return f();
  } catch {
    return 'avvist';
  }
}

/** A pair: the amount as Beloep and as the decimal model, built the same way. */
interface Par {
  b: Beloep;
  d: Dec;
}

const SIKKER = BigInt(Number.MAX_SAFE_INTEGER);

/** Whole øre over a wide range: small, ordinary, large, around ±2^53 and far beyond it. */
const oere = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  fc.bigInt({ min: SIKKER - 300n, max: SIKKER + 300n }),
  fc.bigInt({ min: -SIKKER - 300n, max: -SIKKER + 300n }),
  fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }),
  // halves of a krone and of a hundred kroner: the ties of every rounding
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((k) => k * 100n + 50n),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((k) => k * 100n - 50n),
);

/** A start amount from every constructor. */
const start: fc.Arbitrary<Par> = fc.oneof(
  oere.map((o) => ({ b: Beloep.oere(o), d: new Dec(o.toString()).dividedBy(100) })),
  oere.map((o) => {
    const d = new Dec(o.toString()).dividedBy(100);
    return { b: Beloep.kroner(d.toFixed()), d };
  }),
  oere.map((o) => {
    const d = new Dec(o.toString()).dividedBy(100);
    return { b: Beloep.fromJSON(d.toFixed(2)), d };
  }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((k) => ({
    b: Beloep.kroner(k),
    d: new Dec(k.toString()),
  })),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((k) => ({ b: Beloep.kroner(k), d: new Dec(k) })),
  fc
    .integer({ min: -(2 ** 40), max: 2 ** 40 })
    .map((o) => ({ b: Beloep.oere(o), d: new Dec(o).dividedBy(100) })),
  // amounts with more than two decimals, through JSON
  fc
    .tuple(oere, fc.integer({ min: 1, max: 99 }))
    .map(([o, n]) => new Dec(o.toString()).dividedBy(100).dividedBy(n))
    .map((d) => ({ b: Beloep.fromJSON(d.toFixed()), d })),
);

const modus = fc.constantFrom(...ROUNDING_MODES);
const enhet = fc.constantFrom<Enhet>('KRONE', 'OERE');
const satsTekst = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '0.06', '0.75', '1.25', '-0.3', '0.000001', '12.5'),
  fc
    .tuple(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: 0, max: 8 }))
    .map(([n, e]) => new Dec(n).dividedBy(10 ** e).toFixed()),
);
const faktor = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constant(Number.MAX_SAFE_INTEGER),
);

type Steg = (p: Par, q: Par) => Par;

/** One operation, done on both sides. */
const steg: fc.Arbitrary<Steg> = fc.oneof(
  fc.constant<Steg>((p, q) => ({ b: p.b.plus(q.b), d: p.d.plus(q.d) })),
  fc.constant<Steg>((p, q) => ({ b: p.b.minus(q.b), d: p.d.minus(q.d) })),
  fc.constant<Steg>((p, q) => ({
    b: Beloep.sum([p.b, q.b, p.b]),
    d: new Dec(0).plus(p.d).plus(q.d).plus(p.d),
  })),
  faktor.map<Steg>((f) => (p) => ({ b: p.b.times(f), d: p.d.times(new Dec(f.toString())) })),
  faktor.map<Steg>((f) => (p) => ({ b: p.b.times(BigInt(f)), d: p.d.times(new Dec(f.toString())) })),
  satsTekst.map<Steg>((s) => (p) => ({ b: p.b.times(Sats.av(s)), d: p.d.times(new Dec(s)) })),
  fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })).map<Steg>(([t, n]) => (p) => ({
    b: p.b.times(Sats.broek(t, n)),
    d: p.d.times(new Dec(t).dividedBy(new Dec(n))),
  })),
  fc
    .oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }))
    .filter((n) => n !== 0)
    .map<Steg>((n) => (p) => ({ b: p.b.dividedBy(n), d: p.d.dividedBy(new Dec(n)) })),
  fc
    .bigInt({ min: -(10n ** 20n), max: 10n ** 20n })
    .filter((n) => n !== 0n)
    .map<Steg>((n) => (p) => ({ b: p.b.dividedBy(n), d: p.d.dividedBy(new Dec(n.toString())) })),
  fc.constant<Steg>((p) => ({ b: p.b.negated(), d: p.d.negated() })),
  fc.constant<Steg>((p) => ({ b: p.b.abs(), d: p.d.abs() })),
  fc.constant<Steg>((p) => {
    const d = p.d.isNegative() ? new Dec(0) : p.d;
    return { b: p.b.atLeastZero(), d };
  }),
  fc.tuple(enhet, modus).map<Steg>(([e, m]) => (p) => ({ b: p.b.round(e, m), d: modell.round(p.d, e, m) })),
  fc.constant<Steg>((p, q) => ({ b: Beloep.min(p.b, q.b), d: q.d.lessThan(p.d) ? q.d : p.d })),
  fc.constant<Steg>((p, q) => ({ b: Beloep.max(p.b, q.b), d: q.d.greaterThan(p.d) ? q.d : p.d })),
);

/** Every answer an amount gives, as plain values. */
function svar(b: Beloep, annen: Beloep, vekter: number[]) {
  return {
    toJSON: b.toJSON(),
    toString: b.toString(),
    isZero: b.isZero(),
    isNegative: b.isNegative(),
    isPositive: b.isPositive(),
    wholeKrone: b.isWhole('KRONE'),
    wholeOere: b.isWhole('OERE'),
    toJsonNumber: ellerAvvist(() => b.toJsonNumber()),
    toKronerBigInt: ellerAvvist(() => b.toKronerBigInt()),
    format2: ellerAvvist(() => b.format()),
    format0: ellerAvvist(() => b.format({ desimaler: 0, medValuta: false })),
    compare: b.compare(annen),
    equals: b.equals(annen),
    gt: b.greaterThan(annen),
    gte: b.greaterThanOrEqual(annen),
    lt: b.lessThan(annen),
    lte: b.lessThanOrEqual(annen),
    ratioTo: ellerAvvist(() => b.ratioTo(annen).toString()),
    allocateOere: ellerAvvist(() => b.allocate(vekter).map((x) => x.toJSON())),
    allocateKrone: ellerAvvist(() => b.allocate(vekter, 'KRONE').map((x) => x.toJSON())),
    rounded: ROUNDING_MODES.flatMap((m) => [b.round('KRONE', m).toJSON(), b.round('OERE', m).toJSON()]),
  };
}

function forventet(d: Dec, annen: Dec, vekter: number[]) {
  const sammenlign = d.comparedTo(annen);
  return {
    toJSON: modell.toJSON(d),
    toString: modell.toJSON(d),
    isZero: d.isZero(),
    isNegative: d.isNegative() && !d.isZero(),
    isPositive: d.isPositive() && !d.isZero(),
    wholeKrone: modell.isWhole(d, 'KRONE'),
    wholeOere: modell.isWhole(d, 'OERE'),
    toJsonNumber: modell.toJsonNumber(d),
    toKronerBigInt: modell.toKronerBigInt(d),
    format2: modell.format(d, 2, true),
    format0: modell.format(d, 0, false),
    compare: sammenlign,
    equals: d.equals(annen),
    gt: sammenlign > 0,
    gte: sammenlign >= 0,
    lt: sammenlign < 0,
    lte: sammenlign <= 0,
    ratioTo: annen.isZero() ? 'avvist' : d.dividedBy(annen).toFixed(),
    allocateOere: modell.allocate(d, vekter, 'OERE'),
    allocateKrone: modell.allocate(d, vekter, 'KRONE'),
    rounded: ROUNDING_MODES.flatMap((m) => [
      modell.round(d, 'KRONE', m).toFixed(),
      modell.round(d, 'OERE', m).toFixed(),
    ]),
  };
}

const vekter = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => Array.from({ length: n }, () => 1)),
  fc
    .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
    .filter((v) => v.some((x) => x > 0)),
);

describe('Beloep on integer øre answers exactly as the 40-digit decimal', () => {
  it('after any chain of operations, for every answer and rounding mode', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(fc.tuple(steg, start), { maxLength: 6 }),
        start,
        vekter,
        (a, kjede, annen, v) => {
          let p = a;
          for (const [s, q] of kjede) {
            p = s(p, q);
            expect(svar(p.b, annen.b, v)).toEqual(forventet(p.d, annen.d, v));
          }
          expect(svar(p.b, annen.b, v)).toEqual(forventet(p.d, annen.d, v));
          expect(svar(annen.b, p.b, v)).toEqual(forventet(annen.d, p.d, v));
        },
      ),
      { numRuns: 3000 },
    );
  }, 180_000);

  it('rounds the ties of every mode the same way, negative and positive, in both units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
        fc.constantFrom(0n, 50n, 5n, 49n, 51n, 99n, 1n),
        (k, r) => {
          for (const o of [k * 100n + r, k * 100n - r, k * 1000n + r * 10n + 5n]) {
            const b = Beloep.oere(o);
            const d = new Dec(o.toString()).dividedBy(100);
            const halv = { b: b.dividedBy(10), d: d.dividedBy(10) };
            for (const p of [{ b, d }, halv]) {
              for (const m of ROUNDING_MODES) {
                for (const e of ['KRONE', 'OERE'] as const) {
                  expect(p.b.round(e, m).toJSON()).toBe(modell.round(p.d, e, m).toFixed());
                }
              }
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  }, 180_000);

  it('parses and prints the same strings', () => {
    const tekster = fc.oneof(
      oere.map((o) => new Dec(o.toString()).dividedBy(100).toFixed()),
      fc
        .tuple(fc.boolean(), fc.stringMatching(/^\d{1,25}$/), fc.stringMatching(/^\d{1,2}$/))
        .map(([neg, h, b]) => `${neg ? '-' : ''}${h}.${b}`),
      fc.stringMatching(/^-?\d{1,20}$/),
    );
    fc.assert(
      fc.property(tekster, (t) => {
        expect(Beloep.kroner(t).toJSON()).toBe(new Dec(t).toFixed());
        expect(Beloep.fromJSON(t).toJSON()).toBe(new Dec(t).toFixed());
        expect(Beloep.kroner(t).format()).toBe(modell.format(new Dec(t), 2, true));
      }),
      { numRuns: 3000 },
    );
  }, 180_000);
});
