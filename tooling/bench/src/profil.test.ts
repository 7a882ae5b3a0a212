import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oppsummerProfil, sted } from './profil.js';

const mappe = mkdtempSync(join(tmpdir(), 'ig-bench-profil-'));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));

describe('profile summary', () => {
  it('names where code lives', () => {
    expect(sted('file:///work/main/packages/beregning/src/beregn.ts', 'f')).toBe('packages/beregning');
    expect(sted('file:///r/node_modules/.pnpm/zod@4.1.0/node_modules/zod/v4/core/schemas.js', 'f')).toBe(
      'zod',
    );
    expect(sted('file:///r/node_modules/.pnpm/@a+b@1/node_modules/@a/b/x.js', 'f')).toBe('@a/b');
    expect(sted('node:internal/buffer', 'f')).toBe('node');
    expect(sted('', '(garbage collector)')).toBe('(gc)');
  });

  it('sums own and inclusive time over the call tree', () => {
    // root → a (2 samples own) → b (6 samples own); c (2 samples own) directly under root.
    const fil = join(mappe, 'p.cpuprofile');
    const ramme = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    writeFileSync(
      fil,
      JSON.stringify({
        nodes: [
          { id: 1, callFrame: ramme('(root)', ''), children: [2, 4] },
          { id: 2, callFrame: ramme('a', 'file:///x/packages/money/src/a.ts'), children: [3] },
          { id: 3, callFrame: ramme('b', 'file:///x/packages/regelverk/src/b.ts') },
          { id: 4, callFrame: ramme('(garbage collector)', '') },
        ],
        samples: [2, 2, 3, 3, 3, 3, 3, 3, 4, 4],
      }),
    );
    const s = oppsummerProfil(fil);
    expect(s.egentid[0]).toEqual({ funksjon: 'b', sted: 'packages/regelverk', andel: 0.6 });
    expect(s.inkludert.map((x) => [x.funksjon, x.andel])).toEqual([
      ['a', 0.8],
      ['b', 0.6],
    ]);
    expect(s.perSted.find((x) => x.sted === '(gc)')?.andel).toBe(0.2);
  });

  it('counts only the last milliseconds when asked (the run after start-up)', () => {
    const fil = join(mappe, 'tid.cpuprofile');
    const ramme = (functionName: string) => ({
      functionName,
      url: 'file:///x/packages/money/src/a.ts',
      lineNumber: 0,
    });
    writeFileSync(
      fil,
      JSON.stringify({
        nodes: [
          { id: 1, callFrame: ramme('(root)'), children: [2, 3] },
          { id: 2, callFrame: ramme('oppstart') },
          { id: 3, callFrame: ramme('rad') },
        ],
        // Samples at 1, 2, 3 ms (start-up) and 11, 12 ms (rows); the profile ends at 12 ms.
        samples: [2, 2, 2, 3, 3],
        timeDeltas: [1000, 1000, 1000, 8000, 1000],
        startTime: 0,
        endTime: 12_000,
      }),
    );
    expect(oppsummerProfil(fil, 15, 5).egentid.map((x) => [x.funksjon, x.andel])).toEqual([['rad', 1]]);
    expect(oppsummerProfil(fil).egentid.map((x) => x.funksjon)).toEqual(['oppstart', 'rad']);
  });
});
