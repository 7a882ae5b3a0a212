import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LagringFeil } from './database.js';
import { DeltHastighetsteller } from './hastighet.js';
import { Kildeplasser } from './kildeplasser.js';
import { aapneLagring, type Lagring } from './lagring.js';
import { postgresSvarer, slettSkjema, TEST_DATABASE_URL, unikSkjemanavn } from './testbaser.js';

const pgStatus = await postgresSvarer();
if (!pgStatus.ok) {
  const tekst = `[lagring] MERK: testene av delte kildeplasser HOPPES OVER: ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn}).`;
  if (process.env.CI === 'true') throw new Error(`${tekst} I CI kreves PostgreSQL.`);
  console.warn(`\n${tekst}\n`);
}

const sov = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting for a slot is bounded', () => {
  it('fails with LagringFeil, saying the database does not answer, instead of waiting for ever', async () => {
    const borte = {
      query: () => Promise.reject(new Error('Connection terminated')),
      exec: () => Promise.reject(new Error('Connection terminated')),
    };
    let kjoert = false;
    const e = await new Kildeplasser(borte, { leieMs: 1_000, maksVentMs: 100, ventMs: () => 5 })
      .for('AVREGNING')
      .kjoer(async () => {
        kjoert = true;
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LagringFeil);
    expect((e as Error).message).toMatch(/AVREGNING: databasen svarer ikke/);
    expect(kjoert).toBe(false);
  });
});

describe.skipIf(!pgStatus.ok)('the organisation’s call slots, shared through PostgreSQL', () => {
  const skjema = unikSkjemanavn();
  const aapne: Lagring[] = [];
  afterAll(async () => {
    for (const l of aapne) await l.lukk().catch(() => undefined);
    await slettSkjema(skjema);
  });

  /** Three storages on one schema, each with its own pool: as three instances. */
  async function tre(): Promise<Lagring[]> {
    while (aapne.length < 3) aapne.push(await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema }));
    return aapne;
  }

  it('three instances together never hold more than 5 slots of one API, and every call runs', async () => {
    const lagringer = await tre();
    const plasser = lagringer.map((l) => new Kildeplasser(l.sql, { maks: 5, leieMs: 30_000 }));
    let aktive = 0;
    let hoeyeste = 0;
    let ferdige = 0;
    const kall = async () => {
      aktive++;
      hoeyeste = Math.max(hoeyeste, aktive);
      await sov(5 + Math.floor(Math.random() * 10));
      aktive--;
      ferdige++;
    };
    await Promise.all(
      Array.from({ length: 90 }, (_, i) => (plasser[i % 3] as Kildeplasser).for('AVREGNING').kjoer(kall)),
    );
    expect(ferdige).toBe(90);
    expect(hoeyeste).toBeLessThanOrEqual(5);
    expect(hoeyeste).toBeGreaterThan(1);
    // Each API has its own five.
    let annen = 0;
    await Promise.all([
      (plasser[0] as Kildeplasser).for('AVREGNING').kjoer(async () => {
        await (plasser[1] as Kildeplasser).for('BEREGNET_SKATT').kjoer(async () => {
          annen++;
        });
      }),
    ]);
    expect(annen).toBe(1);
    const tatt = await (lagringer[0] as Lagring).sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM kildeplasser WHERE eier IS NOT NULL',
    );
    expect(Number(tatt[0]?.n)).toBe(0);
  }, 120_000);

  it('frees the slots of a process that died when their lease runs out', async () => {
    const [l] = await tre();
    const plasser = new Kildeplasser((l as Lagring).sql, { maks: 5, leieMs: 30_000 });
    await plasser.for('SUMMERT_SKATTEGRUNNLAG').kjoer(async () => undefined);
    // A dead process holds all five, with leases that run out in 300 ms.
    await (l as Lagring).sql.query(
      `UPDATE kildeplasser SET eier = 'død', utloeper = now() + interval '300 milliseconds'
       WHERE api = 'SUMMERT_SKATTEGRUNNLAG'`,
    );
    let kjoert = false;
    await plasser.for('SUMMERT_SKATTEGRUNNLAG').kjoer(async () => {
      kjoert = true;
    });
    expect(kjoert).toBe(true);
  }, 60_000);

  it('survives its database connections being terminated while calls wait and run', async () => {
    const lagringer = await tre();
    const plasser = lagringer.map((l) => new Kildeplasser(l.sql, { maks: 5, leieMs: 30_000 }));
    let ferdige = 0;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const alle = Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (plasser[i % 3] as Kildeplasser).for('AVREGNING').kjoer(async () => {
            await sov(10);
            ferdige++;
          }),
        ),
      );
      await sov(50);
      const avsluttet = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE pid <> pg_backend_pid() AND datname = current_database() AND application_name <> 'admin'
           AND query ILIKE '%kildeplasser%'`,
      );
      expect(avsluttet.rowCount).toBeGreaterThan(0);
      await alle;
      expect(ferdige).toBe(60);
    } finally {
      await admin.end();
    }
  }, 120_000);
});

describe.skipIf(!pgStatus.ok)('the per-client rate limit, counted once for all instances', () => {
  const skjema = unikSkjemanavn();
  const aapne: Lagring[] = [];
  afterAll(async () => {
    for (const l of aapne) await l.lukk().catch(() => undefined);
    await slettSkjema(skjema);
  });

  it('three instances together allow a client the limit once, and another client its own', async () => {
    for (let i = 0; i < 3; i++) aapne.push(await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema }));
    const tellere = aapne.map((l) => new DeltHastighetsteller(l.sql, 10, 60_000));
    const svar = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (tellere[i % 3] as DeltHastighetsteller).tell('aktoer:a')),
    );
    expect(svar.filter((s) => s.tillatt)).toHaveLength(10);
    expect(svar.every((s) => s.nullstillesOmSek >= 1 && s.nullstillesOmSek <= 60)).toBe(true);
    expect((await (tellere[1] as DeltHastighetsteller).tell('aktoer:b')).tillatt).toBe(true);
    // The key is stored hashed, never as given.
    const rader = await (aapne[0] as Lagring).sql.query<{ noekkel: string }>(
      'SELECT noekkel FROM hastighetsvinduer',
    );
    expect(rader.map((r) => r.noekkel).some((n) => n.includes('aktoer'))).toBe(false);
  }, 60_000);

  it('starts a new window when the old one is over', async () => {
    const teller = new DeltHastighetsteller((aapne[0] as Lagring).sql, 1, 300);
    expect((await teller.tell('aktoer:c')).tillatt).toBe(true);
    expect((await teller.tell('aktoer:c')).tillatt).toBe(false);
    await sov(400);
    expect((await teller.tell('aktoer:c')).tillatt).toBe(true);
  }, 60_000);
});
