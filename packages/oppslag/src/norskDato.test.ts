import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norskDato } from './oppslagstjeneste.js';

const fasit = (t: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(t);

describe('norskDato', () => {
  it('gives Norway’s calendar date for any instant, in any order of calls (the last minute is kept)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (tider) => tider.every((ms) => norskDato(new Date(ms)) === fasit(new Date(ms))),
      ),
      { numRuns: 500 },
    );
  });

  it('changes date at midnight in Oslo, in winter and in summer time, to the second', () => {
    // 2024-01-15 00:00 in Oslo is 23:00 UTC the day before; 2024-07-15 00:00 is 22:00 UTC.
    expect(norskDato(new Date('2024-01-14T22:59:59Z'))).toBe('2024-01-14');
    expect(norskDato(new Date('2024-01-14T23:00:00Z'))).toBe('2024-01-15');
    expect(norskDato(new Date('2024-07-14T21:59:59.999Z'))).toBe('2024-07-14');
    expect(norskDato(new Date('2024-07-14T22:00:00Z'))).toBe('2024-07-15');
    expect(norskDato(new Date('2024-07-14T21:59:30Z'))).toBe('2024-07-14');
    expect(() => norskDato(new Date(Number.NaN))).toThrow(RangeError);
  });
});
