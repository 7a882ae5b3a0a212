import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { finnRotkatalog, konfigFraMiljoe, lesServermiljoe, OppsettFeil } from './miljoe.js';

const ROT = finnRotkatalog();

describe('settings from the environment', () => {
  it('has documented defaults', () => {
    const s = lesServermiljoe({}, ROT);
    expect(s).toMatchObject({
      port: 8080,
      corsOrigins: [],
      hastighet: { maks: 300, vinduMs: 60_000 },
      maksKropp: 2 * 1024 * 1024,
      tillitProxy: false,
      nivaa: 'info',
    });
    expect(s.hostFra(true)).toBe('127.0.0.1');
    expect(s.hostFra(false)).toBe('0.0.0.0');
  });

  it('reads the settings, and names every faulty one', () => {
    const s = lesServermiljoe(
      {
        PORT: '9000',
        CORS_ORIGINS: 'https://a.example, http://localhost:5173',
        API_RATE_LIMIT: '0',
        TRUST_PROXY: '1',
      },
      ROT,
    );
    expect(s).toMatchObject({
      port: 9000,
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      hastighet: null,
      tillitProxy: 1,
    });
    try {
      lesServermiljoe({ PORT: 'åtti', CORS_ORIGINS: '*', LOG_LEVEL: 'høyt', API_MAX_BODY: '2mb' }, ROT);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OppsettFeil);
      expect((e as OppsettFeil).feil.map((f) => f.variabel)).toEqual([
        'PORT',
        'API_MAX_BODY',
        'CORS_ORIGINS',
        'LOG_LEVEL',
      ]);
    }
  });

  it('refuses a faulty rate file, settings file or source setting before opening anything', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'api-miljoe-'));
    try {
      writeFileSync(
        join(mappe, 'satser.json'),
        JSON.stringify({ tabeller: { 'finnes.ikke': { verdier: [] } } }),
      );
      writeFileSync(join(mappe, 'kommune.json'), JSON.stringify({ kommunenavn: '', ukjent: 1 }));
      const env = { INNTEKTSGRUNNLAG_DATA: ':minne:' };
      await expect(
        konfigFraMiljoe({ ...env, SATSER_FILER: join(mappe, 'satser.json') }, ROT),
      ).rejects.toMatchObject({
        feil: [expect.objectContaining({ variabel: 'SATSER_FILER' })],
      });
      await expect(
        konfigFraMiljoe({ ...env, KOMMUNEINNSTILLINGER_FIL: join(mappe, 'kommune.json') }, ROT),
      ).rejects.toMatchObject({ feil: [expect.objectContaining({ variabel: 'KOMMUNEINNSTILLINGER_FIL' })] });
      await expect(konfigFraMiljoe({ ...env, KILDE: 'ftp' }, ROT)).rejects.toBeInstanceOf(OppsettFeil);
    } finally {
      rmSync(mappe, { recursive: true, force: true });
    }
  });
});

describe('pnpm start (main.ts)', () => {
  let prosess: ChildProcess | undefined;
  afterEach(() => {
    prosess?.kill('SIGTERM');
  });

  it('starts from source with embedded defaults, prints its address and the demo keys, and answers', async () => {
    prosess = spawn(
      process.execPath,
      [
        '--conditions=@inntektsgrunnlag/source',
        '--import',
        'tsx',
        fileURLToPath(new URL('./main.ts', import.meta.url)),
      ],
      {
        cwd: ROT,
        env: { ...process.env, PORT: '0', INNTEKTSGRUNNLAG_DATA: ':minne:', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let ut = '';
    let feil = '';
    prosess.stderr?.on('data', (d: Buffer) => {
      feil += d.toString();
    });
    const adresse = await new Promise<string>((ok, avvis) => {
      prosess?.stdout?.on('data', (d: Buffer) => {
        ut += d.toString();
        const m = /lytter på (http:\/\/[^\s]+)/.exec(ut);
        if (m && ut.includes('demo-langtidsopphold')) ok(m[1] as string);
      });
      prosess?.on('exit', (kode) => avvis(new Error(`avsluttet med ${kode}: ${feil}`)));
    });
    expect(adresse).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const n of [
      'demo-foreldrebetaling',
      'demo-praktisk-bistand',
      'demo-langtidsopphold',
      'demo-bruker-langtidsopphold',
    ]) {
      expect(ut).toContain(n);
    }
    const svar = await fetch(`${adresse}/api/v1/meg`, {
      headers: { Authorization: 'Bearer demo-langtidsopphold' },
    });
    expect(svar.status).toBe(200);
    expect(await svar.json()).toMatchObject({ aktoer: { id: 'demo-klient-langtidsopphold' } });
    const stoppet = new Promise<number | null>((ok) => prosess?.on('exit', ok));
    prosess.kill('SIGTERM');
    expect(await stoppet).toBe(0);
    expect(feil).toBe('');
  });

  it('refuses to start with a faulty setting, naming it, with exit code 2', async () => {
    const p = spawn(
      process.execPath,
      [
        '--conditions=@inntektsgrunnlag/source',
        '--import',
        'tsx',
        fileURLToPath(new URL('./main.ts', import.meta.url)),
      ],
      {
        cwd: ROT,
        env: { ...process.env, PORT: 'nitti', INNTEKTSGRUNNLAG_DATA: ':minne:' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let feil = '';
    p.stderr.on('data', (d: Buffer) => {
      feil += d.toString();
    });
    const kode = await new Promise<number | null>((ok) => p.on('exit', ok));
    expect(kode).toBe(2);
    expect(feil).toContain('PORT');
    expect(feil).not.toMatch(/\n\s+at /);
  });
});
