import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

async function kjoer(argv: string[]) {
  const t = testkontekst();
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe('valider', () => {
  it('reports two valid numbers and one invalid with its reason, and exits 1', async () => {
    const r = await kjoer(['valider', '02013299997', '30108299939', '12345678901']);
    expect(r.kode).toBe(1);
    const linjer = r.ut.trim().split('\n');
    expect(linjer).toHaveLength(3);
    expect(linjer[0]).toMatch(/^02013299997\s+gyldig\s+fødselsnummer$/);
    expect(linjer[1]).toMatch(
      /^30108299939\s+gyldig\s+fødselsnummer \(kontrollsiffer etter regelen fra 2032\)$/,
    );
    expect(linjer[2]).toMatch(/^12345678901\s+UGYLDIG\s+måned 34 i fødselsdatoen finnes ikke$/);
  });

  it('exits 0 when all are valid, and gives JSON on request', async () => {
    const r = await kjoer(['valider', '04817299771', '--format', 'json']);
    expect(r.kode).toBe(0);
    expect(JSON.parse(r.ut)).toEqual([
      {
        identifikator: '04817299771',
        gyldig: true,
        type: 'FOEDSELSNUMMER',
        syntetisk: true,
        kontrollsifferregel: 'REGEL_1964',
      },
    ]);
  });

  it('refuses a call without numbers with exit code 2', async () => {
    const r = await kjoer(['valider']);
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/Oppgi minst én identifikator/);
  });
});

describe('grunnbeloep', () => {
  it.each([
    ['2024-06-01', '124028'],
    ['2026-06-01', '136549'],
    ['2024-04-30', '118620'],
    ['2015-05-01', '90068'],
  ])('%s → %s', async (dato, g) => {
    const r = await kjoer(['grunnbeloep', dato]);
    expect(r).toMatchObject({ kode: 0, ut: `${g}\n`, feil: '' });
  });

  it('refuses a date before 1 May 2015 with a clear message and no stack trace', async () => {
    const r = await kjoer(['grunnbeloep', '2015-04-30']);
    expect(r.kode).toBe(2);
    expect(r.ut).toBe('');
    expect(r.feil).toMatch(/Feil: Folketrygdens grunnbeløp \(G\).*1\. mai 2015.*før/);
    expect(r.feil).not.toMatch(/\n\s+at /);
  });

  it('refuses a malformed date and an unknown option', async () => {
    expect((await kjoer(['grunnbeloep', '2024-13-01'])).feil).toMatch(/ÅÅÅÅ-MM-DD/);
    expect((await kjoer(['grunnbeloep', '2024-06-01', '--ukjent'])).kode).toBe(2);
  });

  it('gives the yearly average and the source as JSON', async () => {
    expect((await kjoer(['grunnbeloep', '2024-06-01', '--gjennomsnitt'])).ut).toBe('122225\n');
    const json = JSON.parse((await kjoer(['grunnbeloep', '2024-06-01', '--format', 'json'])).ut);
    expect(json).toMatchObject({ dato: '2024-06-01', grunnbeloep: 124028, gyldigFra: '2024-05-01' });
    expect(json.kilde.tittel).toMatch(/Folketrygdloven \(LOV-1997-02-28-19\) § 1-4/);
  });
});

describe('the process', () => {
  it('prints only the command’s output on stdout, so it can be redirected', () => {
    const cwd = fileURLToPath(new URL('../../../', import.meta.url));
    const ut = execFileSync(
      process.execPath,
      [
        '--conditions=@inntektsgrunnlag/source',
        '--import',
        'tsx',
        'apps/cli/src/main.ts',
        'grunnbeloep',
        '2024-06-01',
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(ut).toBe('124028\n');
    const feil = spawnSync(
      process.execPath,
      ['--conditions=@inntektsgrunnlag/source', '--import', 'tsx', 'apps/cli/src/main.ts', 'ukjent'],
      { cwd, encoding: 'utf8' },
    );
    expect(feil.status).toBe(2);
    expect(feil.stdout).toBe('');
    expect(feil.stderr).toMatch(/Ukjent kommando/);
  });

  it('exits 141 (as killed by SIGPIPE), saying nothing, when the reader closes the output early', async () => {
    // `pnpm cli beregn saker.jsonl | head -c 100`: most rows never run, so the run must not look done.
    const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-roer-'));
    try {
      const gull = lesGullfiler('') as Array<{ foresporsel: unknown }>;
      const rader = Array.from({ length: 600 }, (_, i) => JSON.stringify(gull[i % gull.length]?.foresporsel));
      writeFileSync(join(mappe, 'mange.jsonl'), `${rader.join('\n')}\n`);
      const barn = spawn(
        process.execPath,
        [
          '--conditions=@inntektsgrunnlag/source',
          '--import',
          'tsx',
          'apps/cli/src/main.ts',
          'beregn',
          join(mappe, 'mange.jsonl'),
        ],
        {
          cwd: fileURLToPath(new URL('../../../', import.meta.url)),
          env: { ...process.env, INNTEKTSGRUNNLAG_DATA: ':minne:' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let lest = 0;
      let stderr = '';
      // Like `head -c 100`: take the first chunk, then close the pipe.
      barn.stdout.once('data', (b: Buffer) => {
        lest = b.length;
        barn.stdout.destroy();
      });
      barn.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      const [kode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((ok) =>
        barn.on('exit', (k, s) => ok([k, s])),
      );
      expect(lest).toBeGreaterThan(0);
      expect(signal).toBe(null);
      expect(kode).toBe(141);
      expect(stderr).not.toMatch(/\d{11}/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(mappe, { recursive: true, force: true });
    }
  }, 120_000);
});
