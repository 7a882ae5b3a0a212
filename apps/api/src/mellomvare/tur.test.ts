import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nyForesporselId } from './foresporselId.js';
import { gruppestoerrelse, Turkoe } from './tur.js';

const nesteTur = () => new Promise<void>((ok) => setImmediate(ok));

describe('Turkoe', () => {
  it('lets requests in first come, first served, a share of the queue per turn of the event loop', async () => {
    const k = new Turkoe();
    const inne: number[] = [];
    const alle = Array.from({ length: 40 }, (_, i) => k.tur().then(() => inne.push(i)));
    expect(k.ventende).toBe(40);
    expect(inne).toEqual([]); // nobody before the first turn
    const perTur: number[] = [];
    while (inne.length < 40) {
      const foer = inne.length;
      await nesteTur();
      perTur.push(inne.length - foer);
    }
    await Promise.all(alle);
    expect(inne).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // 40 waiting: 3 in the first turn, then as the queue shrinks, fewer; never all at once.
    expect(perTur[0]).toBe(gruppestoerrelse(40));
    expect(Math.max(...perTur)).toBeLessThan(40);
    expect(k.ventende).toBe(0);
  });

  it('a request alone gets its turn on the next turn', async () => {
    const k = new Turkoe();
    let inne = false;
    const p = k.tur().then(() => {
      inne = true;
    });
    await nesteTur();
    await p;
    expect(inne).toBe(true);
  });

  it('group size: at least one, at most sixteen, growing with the queue', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(gruppestoerrelse(x)).toBeGreaterThanOrEqual(1);
        expect(gruppestoerrelse(y)).toBeLessThanOrEqual(16);
        expect(gruppestoerrelse(x)).toBeLessThanOrEqual(gruppestoerrelse(y));
        expect(gruppestoerrelse(y)).toBeLessThanOrEqual(Math.max(1, y));
      }),
    );
  });
});

describe('nyForesporselId', () => {
  it('gives 128-bit URL-safe ids that do not repeat across refills of the random store', () => {
    const ider = Array.from({ length: 2_000 }, () => nyForesporselId());
    expect(new Set(ider).size).toBe(ider.length);
    for (const id of ider) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
