import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The API is started with a larger young generation (docs/api.md, docs/benchmarks.md): under load a
 * lookup allocates some 280 kB, most of it garbage at once (the result's JSON text and its bytes), and
 * with Node's default 16 MB semi-space the scavenger ran so often that `--max-semi-space-size=64` cut
 * 7–12 % of the CPU per request (measured against the same code, both at once on one core). Nothing
 * fails without it, so this test is what keeps it from being dropped from a start command unnoticed.
 */
const FLAGG = '--max-semi-space-size=64';

function startskript(fil: string): string {
  const pakke = JSON.parse(readFileSync(fileURLToPath(new URL(fil, import.meta.url)), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return pakke.scripts.start as string;
}

describe('start command', () => {
  it.each([
    ['pnpm start (the repository root)', '../../../package.json', 'apps/api/src/main.ts'],
    ['pnpm --filter @inntektsgrunnlag/api start', '../package.json', 'src/main.ts'],
  ])('%s gives Node the larger young generation before the entry point', (_navn, fil, inngang) => {
    const skript = startskript(fil);
    const node = skript.lastIndexOf('node ');
    expect(node).toBeGreaterThanOrEqual(0);
    const kommando = skript.slice(node).split(/\s+/);
    expect(kommando.indexOf(FLAGG)).toBeGreaterThan(0);
    expect(kommando.indexOf(FLAGG)).toBeLessThan(kommando.indexOf(inngang));
  });

  it('is a flag this Node accepts', () => {
    const svar = spawnSync(process.execPath, [FLAGG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(svar.stderr).toBe('');
    expect(svar.status).toBe(0);
  });
});
