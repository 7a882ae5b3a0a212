import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aapneLagring,
  KS_DEMOINTEGRASJONER,
  KS_DEMOUTSTEDER,
  ksDemoutstederensOffentligeNoekkel,
  LagringFeil,
} from '@inntektsgrunnlag/lagring';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

// Opening the embedded database takes a few seconds; each CLI call opens it once.
const TID = 300_000;
const NAA = new Date('2026-12-07T10:00:00Z');

async function kjoer(argv: string[], env: Record<string, string> = {}) {
  const t = testkontekst({ env, naa: () => NAA });
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe('ks-token', () => {
  it('prints a Maskinporten-shaped token of the demo issuer and the demo integration (json)', async () => {
    const { kode, ut, feil } = await kjoer([
      'ks-token',
      '--integrasjon',
      'demo-langtidsopphold',
      '--format',
      'json',
    ]);
    expect(feil).toBe('');
    expect(kode).toBe(0);
    const svar = JSON.parse(ut) as Record<string, string>;
    const demo = KS_DEMOINTEGRASJONER.find((d) => d.navn === 'demo-langtidsopphold');
    expect(Object.keys(svar)).toEqual(['token', 'integrasjonId', 'integrasjonPassord', 'rolleId']);
    expect(svar).toMatchObject({
      integrasjonId: demo?.id,
      integrasjonPassord: demo?.passord,
      rolleId: 'demo-langtidsopphold',
    });
    const { payload, protectedHeader } = await jwtVerify(
      svar.token as string,
      await importJWK(ksDemoutstederensOffentligeNoekkel(), 'RS256'),
      { issuer: KS_DEMOUTSTEDER.issuer, audience: 'unspecified', currentDate: NAA },
    );
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: KS_DEMOUTSTEDER.kid });
    expect(payload).toMatchObject({
      scope: 'ks:fiks',
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:999999999' },
      token_type: 'Bearer',
      iat: NAA.getTime() / 1000,
      exp: NAA.getTime() / 1000 + 3600,
    });
    expect(typeof payload.jti).toBe('string');
  });

  it('takes the id in any case, prints the headers as text, and a lifetime in minutes', async () => {
    const demo = KS_DEMOINTEGRASJONER[0];
    if (!demo) throw new Error('ingen demointegrasjon');
    const { kode, ut, feil } = await kjoer([
      'ks-token',
      '--integrasjon',
      demo.id.toUpperCase(),
      '--minutter',
      '5',
    ]);
    expect(kode).toBe(0);
    expect(ut).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$/m);
    expect(ut).toContain(`IntegrasjonId: ${demo.id}`);
    expect(ut).toContain(`IntegrasjonPassord: ${demo.passord}`);
    expect(feil).toMatch(/5 minutter/);
  });

  it('refuses anything but a demo integration, and a bad lifetime, with exit code 2', async () => {
    const ukjent = await kjoer(['ks-token', '--integrasjon', 'sykehjem']);
    expect(ukjent.kode).toBe(2);
    expect(ukjent.feil).toMatch(/ikke en demointegrasjon/);
    const minutter = await kjoer(['ks-token', '--integrasjon', 'demo-langtidsopphold', '--minutter', '0']);
    expect(minutter.kode).toBe(2);
    expect((await kjoer(['ks-token'])).kode).toBe(2);
  });

  it('warns that a production set-up refuses the demo token', async () => {
    const { kode, feil } = await kjoer(['ks-token', '--integrasjon', 'demo-praktisk-bistand'], {
      DATABASE_URL: 'postgres://ingen@127.0.0.1:1/ingen',
    });
    expect(kode).toBe(0);
    expect(feil).toMatch(/avviser API-et demotokenet/);
  });
});

const PG_URL = process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_SKJEMA = `test_cli_ks_${process.pid}_${Date.now().toString(36)}`;
// Production mode: no demo data; the operator has made the role (as a KS role id, a UUID).
const KS_ROLLE = '6f9619ff-8b86-d011-b42d-00cf4fc964ff';
const postgres = await aapneLagring({ databaseUrl: PG_URL, skjema: PG_SKJEMA }).catch((e) => {
  if (!(e instanceof LagringFeil)) throw e;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL kreves i CI, men ${PG_URL} svarer ikke`);
  console.warn(`\n[cli] MERK: ks-integrasjon mot PostgreSQL HOPPES OVER: ${PG_URL} svarer ikke.\n`);
  return null;
});
await postgres?.roller.lagre({ id: KS_ROLLE, navn: 'Sykehjem', tjenesteomraade: 'LANGTIDSOPPHOLD' });

const katalog = mkdtempSync(join(tmpdir(), 'cli-ks-'));
afterAll(async () => {
  rmSync(katalog, { recursive: true, force: true });
  await postgres?.sql.exec(`DROP SCHEMA ${PG_SKJEMA} CASCADE`);
  await postgres?.lukk();
});

const VARIANTER: Array<{ navn: string; med: boolean; env: Record<string, string>; rolle: string }> = [
  {
    navn: 'the embedded database (demo roles)',
    med: true,
    env: { INNTEKTSGRUNNLAG_DATA: katalog },
    rolle: 'demo-langtidsopphold',
  },
  {
    navn: 'PostgreSQL (production mode)',
    med: postgres !== null,
    env: { DATABASE_URL: PG_URL, INNTEKTSGRUNNLAG_DB_SKJEMA: PG_SKJEMA },
    rolle: KS_ROLLE,
  },
];

for (const v of VARIANTER) {
  describe.skipIf(!v.med)(`ks-integrasjon on ${v.navn}`, () => {
    it(
      'creates, lists, rotates, changes and revokes; the password is shown once and stored only as a hash',
      async () => {
        const opprettet = await kjoer(
          [
            'ks-integrasjon',
            'opprett',
            '--navn',
            'Fagsystem sykehjem',
            '--organisasjonsnummer',
            '910753614',
            '--rolle',
            // A KS role id (a UUID) in upper case is the same role.
            v.rolle === KS_ROLLE ? v.rolle.toUpperCase() : v.rolle,
            '--format',
            'json',
          ],
          v.env,
        );
        expect(opprettet.feil).toMatch(/vises bare nå/);
        expect(opprettet.kode).toBe(0);
        const { integrasjon, passord } = JSON.parse(opprettet.ut) as {
          integrasjon: { id: string; roller: string[]; organisasjonsnummer: string };
          passord: string;
        };
        expect(integrasjon).toMatchObject({ roller: [v.rolle], organisasjonsnummer: '910753614' });
        expect(passord).toMatch(/^[A-Za-z0-9_-]{43}$/);

        const liste = await kjoer(['ks-integrasjon', 'liste'], v.env);
        expect(liste.kode).toBe(0);
        expect(liste.ut).toContain(integrasjon.id);
        expect(liste.ut).not.toContain(passord);

        const l = await aapneLagring(
          'DATABASE_URL' in v.env
            ? { databaseUrl: PG_URL, skjema: PG_SKJEMA }
            : { dataKatalog: katalog, demodata: false },
        );
        try {
          const rader = await l.sql.query('SELECT * FROM ks_integrasjoner');
          expect(JSON.stringify(rader)).not.toContain(passord);
          expect(
            (await l.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).ok,
          ).toBe(true);
        } finally {
          await l.lukk();
        }

        const rotert = await kjoer(['ks-integrasjon', 'roter', integrasjon.id], v.env);
        expect(rotert.kode).toBe(0);
        const nytt = /IntegrasjonPassord: (\S+)/.exec(rotert.ut)?.[1];
        expect(nytt).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(nytt).not.toBe(passord);

        const endret = await kjoer(
          ['ks-integrasjon', 'endre', integrasjon.id, '--organisasjonsnummer', '310827002'],
          v.env,
        );
        expect(endret).toMatchObject({ kode: 0 });
        expect(endret.ut).toContain('org 310827002');

        const tilbake = await kjoer(['ks-integrasjon', 'trekk-tilbake', integrasjon.id.toUpperCase()], v.env);
        expect(tilbake.kode).toBe(0);
        expect(tilbake.ut).toContain('TRUKKET TILBAKE');
        const json = JSON.parse(
          (await kjoer(['ks-integrasjon', 'liste', '--format', 'json'], v.env)).ut,
        ) as Array<{
          id: string;
          aktiv: boolean;
        }>;
        expect(json.find((i) => i.id === integrasjon.id)?.aktiv).toBe(false);
      },
      TID,
    );

    it(
      'refuses bad input with exit code 2 and names the field',
      async () => {
        const feil = await kjoer(
          [
            'ks-integrasjon',
            'opprett',
            '--navn',
            'X',
            '--organisasjonsnummer',
            '910753615',
            '--rolle',
            v.rolle,
          ],
          v.env,
        );
        expect(feil.kode).toBe(2);
        expect(feil.feil).toMatch(/organisasjonsnummer/);
        const rolle = await kjoer(
          [
            'ks-integrasjon',
            'opprett',
            '--navn',
            'X',
            '--organisasjonsnummer',
            '910753614',
            '--rolle',
            'finnes-ikke',
          ],
          v.env,
        );
        expect(rolle.kode).toBe(2);
        expect(rolle.feil).toMatch(/finnes-ikke/);
        expect((await kjoer(['ks-integrasjon', 'roter', 'ikke-en-uuid'], v.env)).kode).toBe(2);
        const ukjent = await kjoer(
          ['ks-integrasjon', 'roter', '00000000-0000-4000-8000-000000000000'],
          v.env,
        );
        expect(ukjent.kode).toBe(2);
        expect(ukjent.feil).toMatch(/Ingen KS-integrasjon/);
        expect((await kjoer(['ks-integrasjon', 'opprett', '--navn', 'X'], v.env)).kode).toBe(2);
        expect((await kjoer(['ks-integrasjon'], v.env)).kode).toBe(2);
      },
      TID,
    );
  });
}
