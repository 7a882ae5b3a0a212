import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
    expect(json.kilde.tittel).toMatch(/NAV/);
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
});
