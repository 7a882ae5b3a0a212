// Issue 19, item 8: two stand-ins on one machine with the same client id do not overwrite each other's
// key file (each prints its own, and each removes its own when stopped).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PAKKE = fileURLToPath(new URL('../..', import.meta.url));
const prosesser: ChildProcess[] = [];
afterAll(() => {
  for (const p of prosesser) if (p.exitCode === null) p.kill('SIGKILL');
});

async function startStandin(): Promise<{ p: ChildProcess; noekkelfil: string }> {
  const p = spawn(
    process.execPath,
    ['--conditions=@inntektsgrunnlag/source', '--import', 'tsx', 'src/standin/main.ts', '--port', '0'],
    { cwd: PAKKE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prosesser.push(p);
  let ut = '';
  p.stdout?.on('data', (d: Buffer) => {
    ut += d.toString();
  });
  p.stderr?.on('data', (d: Buffer) => {
    ut += d.toString();
  });
  const noekkelfil = await new Promise<string>((ok, nei) => {
    const t = setInterval(() => {
      const m = /MASKINPORTEN_NOEKKEL_FIL=(\S+)/.exec(ut);
      if (m) {
        clearInterval(t);
        ok(m[1] as string);
      }
    }, 50);
    p.once('exit', (kode) => {
      clearInterval(t);
      nei(new Error(`stand-in stoppet (${kode}): ${ut}`));
    });
  });
  return { p, noekkelfil };
}

describe('the stand-in process', () => {
  it('two on one machine keep a key file each, and remove their own when stopped', async () => {
    const [a, b] = await Promise.all([startStandin(), startStandin()]);
    expect(a.noekkelfil).not.toBe(b.noekkelfil);
    expect(readFileSync(a.noekkelfil, 'utf8')).not.toBe(readFileSync(b.noekkelfil, 'utf8'));
    const stoppet = new Promise((ok) => a.p.once('exit', ok));
    a.p.kill('SIGTERM');
    await stoppet;
    expect(existsSync(a.noekkelfil)).toBe(false);
    expect(existsSync(b.noekkelfil)).toBe(true);
  }, 60_000);
});
