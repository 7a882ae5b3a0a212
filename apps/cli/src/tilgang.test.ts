// Issue 19, item 8: an operator creates and revokes roles and API keys from the CLI in production mode
// (PostgreSQL, no demo data), with no script against the storage API.
import { aapneLagring, LagringFeil } from '@inntektsgrunnlag/lagring';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

const PG_URL = process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_SKJEMA = `test_cli_tilgang_${process.pid}_${Date.now().toString(36)}`;
const postgres = await aapneLagring({ databaseUrl: PG_URL, skjema: PG_SKJEMA }).catch((e) => {
  if (!(e instanceof LagringFeil)) throw e;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL kreves i CI, men ${PG_URL} svarer ikke`);
  console.warn(`\n[cli] MERK: rolle og api-noekkel mot PostgreSQL HOPPES OVER: ${PG_URL} svarer ikke.\n`);
  return null;
});
afterAll(async () => {
  await postgres?.sql.exec(`DROP SCHEMA ${PG_SKJEMA} CASCADE`);
  await postgres?.lukk();
});

const ENV = { DATABASE_URL: PG_URL, INNTEKTSGRUNNLAG_DB_SKJEMA: PG_SKJEMA };

async function kjoer(argv: string[]) {
  const t = testkontekst({ env: ENV });
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe.skipIf(!postgres)('rolle and api-noekkel in production mode (PostgreSQL)', () => {
  it('creates a role and a key that works, rotates it, revokes it, and refuses what is wrong', async () => {
    const l = postgres as NonNullable<typeof postgres>;
    const rolle = await kjoer([
      'rolle',
      'opprett',
      '--id',
      'sykehjem',
      '--navn',
      'Sykehjem',
      '--tjenesteomraade',
      'LANGTIDSOPPHOLD',
    ]);
    expect(rolle).toMatchObject({ kode: 0 });
    expect(rolle.ut).toMatch(/Rolle lagret: sykehjem {2}Sykehjem {2}LANGTIDSOPPHOLD {2}uten avregning/);
    expect((await kjoer(['rolle', 'liste', '--format', 'json'])).ut).toContain('"sykehjem"');

    const ny = await kjoer([
      'api-noekkel',
      'opprett',
      '--navn',
      'Gerica',
      '--rolle',
      'sykehjem',
      '--format',
      'json',
    ]);
    expect(ny.kode).toBe(0);
    expect(ny.feil).toMatch(/vises bare nå/);
    const { klient, noekkel } = JSON.parse(ny.ut) as { klient: { id: string }; noekkel: string };
    expect((await l.klienter.autentiser(noekkel)).ok).toBe(true);

    const rotert = await kjoer(['api-noekkel', 'roter', klient.id, '--format', 'json']);
    expect(rotert.kode).toBe(0);
    const ny2 = (JSON.parse(rotert.ut) as { noekkel: string }).noekkel;
    expect(await l.klienter.autentiser(noekkel)).toEqual({ ok: false, kode: 'AKTOER_UKJENT' });
    expect((await l.klienter.autentiser(ny2)).ok).toBe(true);

    expect((await kjoer(['api-noekkel', 'trekk-tilbake', klient.id])).kode).toBe(0);
    const a = await l.klienter.autentiser(ny2);
    expect(a.ok && a.aktoer.aktiv).toBe(false);
    expect((await kjoer(['api-noekkel', 'liste'])).ut).toMatch(/TRUKKET TILBAKE/);
    expect((await kjoer(['api-noekkel', 'aktiver', klient.id])).kode).toBe(0);
    const b = await l.klienter.autentiser(ny2);
    expect(b.ok && b.aktoer.aktiv).toBe(true);

    // Refusals: an unknown role, an unknown area, an unknown client; nothing half made.
    const ukjentRolle = await kjoer(['api-noekkel', 'opprett', '--navn', 'X', '--rolle', 'finnes-ikke']);
    expect(ukjentRolle.kode).toBe(2);
    expect(ukjentRolle.feil).toMatch(/rollen «finnes-ikke» finnes ikke/);
    const ukjentOmraade = await kjoer([
      'rolle',
      'opprett',
      '--id',
      'x',
      '--navn',
      'X',
      '--tjenesteomraade',
      'SKOLE',
    ]);
    expect(ukjentOmraade.kode).toBe(2);
    expect((await kjoer(['api-noekkel', 'trekk-tilbake', 'finnes-ikke'])).kode).toBe(1);
    expect((await kjoer(['api-noekkel', 'opprett', '--navn', 'X'])).kode).toBe(2);
    expect((await l.klienter.alle()).map((k) => k.id)).toEqual([klient.id]);
  }, 60_000);
});
