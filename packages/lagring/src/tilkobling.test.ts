// Issue 19, items 1 and 2: a lost database connection never kills the process, an audit group whose
// COMMIT outcome is unknown is never recorded twice, and waiting for the chain's lock has a bound.
// Against the real PostgreSQL (connections terminated with pg_terminate_backend), and the embedded one
// where the fault can be staged there too.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aapnePglite,
  aapnePostgres,
  type Database,
  DatabaseUtilgjengelig,
  erTilkoblingsfeil,
  LaasTidsavbrudd,
  LagringFeil,
  oversettFeil,
  type Sql,
  UkjentUtfall,
} from './database.js';
import { migrer } from './migrering.js';
import { ANTALL_KOLONNER, type NyRevisjonspost, Revisjonslogg } from './revisjonslogg.js';
import { postgresSvarer, slettSkjema, TEST_DATABASE_URL, unikSkjemanavn } from './testbaser.js';

const pgStatus = await postgresSvarer();

const post = (korrelasjonsid: string): NyRevisjonspost => ({
  tidspunkt: '2026-11-27T09:00:00.000Z',
  aktoer: { type: 'KLIENT', id: 'gerica', visningsnavn: 'Gerica' },
  rolleId: 'sykehjem',
  tjenesteomraade: 'LANGTIDSOPPHOLD',
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  identifikatorer: ['04817299771'],
  inntektsaar: 2024,
  utfall: 'TILLATT',
  korrelasjonsid,
});

const vent = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A connection of the test's own (not the product's pool) to terminate and inspect with. */
async function admin(): Promise<pg.Client> {
  const k = new pg.Client({ connectionString: TEST_DATABASE_URL });
  k.on('error', () => undefined);
  await k.connect();
  return k;
}

/** Terminates every connection of the product's pool on this schema (only ours: the name carries it). */
async function terminer(a: pg.Client, skjema: string): Promise<number> {
  const r = await a.query(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
    [`inntektsgrunnlag/${skjema}`],
  );
  return (r.rows[0] as { n: number }).n;
}

describe('which errors mean the connection', () => {
  it('knows the lost connection, the refused one and the lock wait, and leaves the rest alone', () => {
    expect(erTilkoblingsfeil(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(
      erTilkoblingsfeil(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(erTilkoblingsfeil(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(erTilkoblingsfeil(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    const unik = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(erTilkoblingsfeil(unik)).toBe(false);
    expect(oversettFeil(unik)).toBe(unik);
    expect(oversettFeil(Object.assign(new Error('lock timeout'), { code: '55P03' }))).toBeInstanceOf(
      LaasTidsavbrudd,
    );
    const tapt = oversettFeil(new Error('Connection terminated unexpectedly'));
    expect(tapt).toBeInstanceOf(DatabaseUtilgjengelig);
    expect(tapt).toBeInstanceOf(LagringFeil);
  });
});

describe.skipIf(!pgStatus.ok)('a lost PostgreSQL connection (pg_terminate_backend)', () => {
  let db: Database;
  let a: pg.Client;
  const skjema = unikSkjemanavn();
  beforeAll(async () => {
    db = await aapnePostgres(TEST_DATABASE_URL, skjema);
    await migrer(db);
    a = await admin();
  });
  afterAll(async () => {
    await db.lukk();
    await a.end();
    await slettSkjema(skjema);
  });

  it('a transaction whose connection is terminated between statements fails cleanly; the next one works', async () => {
    // The client is checked out and idle when the server drops it: the 'error' event comes with no
    // statement to fail. Without a listener on the checked-out client, that event kills the process
    // (here: vitest's unhandled error, which fails the run).
    const feil = await db
      .transaksjon(async (tx) => {
        const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [
          { pid: number },
        ];
        await a.query('SELECT pg_terminate_backend($1)', [pid]);
        await vent(200);
        return tx.query('SELECT 1');
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(feil).toBeInstanceOf(DatabaseUtilgjengelig);
    expect((feil as Error).message).toMatch(/Databasen svarer ikke/);
    // The lost client is destroyed, not handed to the next caller.
    for (let i = 0; i < 8; i++) {
      expect(await db.transaksjon((tx) => tx.query<{ n: number }>('SELECT 1 AS n'))).toEqual([{ n: 1 }]);
    }
    expect(await db.query<{ n: number }>('SELECT 2 AS n')).toEqual([{ n: 2 }]);
  });

  it('under load with connections terminated again and again: each append is committed or fails with a storage error, none is doubled, the chain holds', async () => {
    const logg = new Revisjonslogg(db, 5);
    const utfall: Array<{ k: string; id?: number; feil?: unknown }> = [];
    let stopp = false;
    let terminert = 0;
    const morder = (async () => {
      while (!stopp) {
        await vent(15);
        terminert += await terminer(a, skjema);
      }
    })();
    const arbeidere = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 60; i++) {
        const k = `w${w}-${i}`;
        try {
          const p = await logg.skriv(post(k));
          utfall.push({ k, id: p.id });
        } catch (e) {
          utfall.push({ k, feil: e });
        }
      }
    });
    await Promise.all(arbeidere);
    stopp = true;
    await morder;
    expect(terminert).toBeGreaterThan(0);
    // pg_terminate_backend only signals: a backend may end a while after it returns, and an idle
    // pooled connection is dropped only when its end reaches this process. Until then a statement
    // may still meet one: a clean storage error (a 503), then the pool has fresh connections.
    for (let i = 0; ; i++) {
      const e = await db.query('SELECT 1').then(
        () => null,
        (f: unknown) => f,
      );
      if (e === null) break;
      expect(e).toBeInstanceOf(DatabaseUtilgjengelig);
      expect(i).toBeLessThan(10);
    }
    for (let i = 0; i < 10; i++) await db.query('SELECT 1');
    // Every failure is the storage's own (a 503 for the API), never a raw driver error.
    for (const u of utfall.filter((x) => x.feil)) expect(u.feil).toBeInstanceOf(LagringFeil);
    const rader = await db.query<{ korrelasjonsid: string; id: string; antall: number }>(
      'SELECT korrelasjonsid, min(id) AS id, count(*)::int AS antall FROM revisjonslogg GROUP BY korrelasjonsid',
    );
    const lagret = new Map(rader.map((r) => [r.korrelasjonsid, r]));
    for (const r of rader) expect(r.antall).toBe(1);
    // Answered means committed, under the id the caller was given.
    for (const u of utfall.filter((x) => x.id !== undefined)) expect(Number(lagret.get(u.k)?.id)).toBe(u.id);
    expect(await logg.verifiserKjede()).toMatchObject({ ok: true, antall: rader.length });
    // And afterwards, with the database left alone, every append works.
    await expect(logg.skriv(post('etterpaa'))).resolves.toMatchObject({ korrelasjonsid: 'etterpaa' });
  }, 120_000);

  it('waiting for the chain lock is bounded: a stuck holder makes the append fail with a clear error', async () => {
    const logg = new Revisjonslogg(db, 5, undefined, 300);
    const holder = await admin();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(7245002, hashtext($1))', [skjema]);
      const feil = await logg.skriv(post('laast')).then(
        () => null,
        (e: unknown) => e,
      );
      expect(feil).toBeInstanceOf(LaasTidsavbrudd);
      expect((feil as Error).message).toMatch(/Fikk ikke låsen i databasen innen fristen/);
      await holder.query('ROLLBACK');
      await expect(logg.skriv(post('frigitt'))).resolves.toMatchObject({ korrelasjonsid: 'frigitt' });
      const n = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM revisjonslogg WHERE korrelasjonsid = 'laast'",
      );
      expect(n).toEqual([{ n: 0 }]);
    } finally {
      await holder.end();
    }
  });
});

/**
 * A database whose first group append (more than one entry) commits and then reports the outcome as
 * unknown, as a connection lost during COMMIT does.
 */
function tvetydigCommit(db: Database): Database {
  let brukt = false;
  const erGruppe = (tekst: string, parametre: readonly unknown[]) =>
    tekst.startsWith('INSERT INTO revisjonslogg') && parametre.length > ANTALL_KOLONNER;
  const paa = (sql: Sql, flagg: { gruppe: boolean }): Sql => ({
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      const r = await sql.query<T>(tekst, parametre);
      if (erGruppe(tekst, parametre)) flagg.gruppe = true;
      return r;
    },
    exec: (tekst: string) => sql.exec(tekst),
  });
  return {
    modus: db.modus,
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      // PGlite appends with one statement outside a transaction: the statement is the commit.
      const r = await db.query<T>(tekst, parametre);
      if (!brukt && erGruppe(tekst, parametre)) {
        brukt = true;
        throw new UkjentUtfall('forbindelsen brutt under COMMIT (iscenesatt)');
      }
      return r;
    },
    exec: (tekst: string) => db.exec(tekst),
    async transaksjon(fn) {
      const flagg = { gruppe: false };
      const r = await db.transaksjon((tx) => fn(paa(tx, flagg)));
      if (!brukt && flagg.gruppe) {
        brukt = true;
        throw new UkjentUtfall('forbindelsen brutt under COMMIT (iscenesatt)');
      }
      return r;
    },
    lukk: () => db.lukk(),
  };
}

const MOTORER = [
  { navn: 'PGlite', med: true },
  { navn: 'PostgreSQL', med: pgStatus.ok },
] as const;

for (const { navn, med } of MOTORER) {
  describe.skipIf(!med)(`an audit group whose COMMIT outcome is unknown, on ${navn}`, () => {
    let raa: Database;
    const skjema = unikSkjemanavn();
    beforeAll(async () => {
      raa =
        navn === 'PGlite'
          ? await aapnePglite(undefined, 'public')
          : await aapnePostgres(TEST_DATABASE_URL, skjema);
      await migrer(raa);
    });
    afterAll(async () => {
      await raa.lukk();
      if (navn === 'PostgreSQL') await slettSkjema(skjema);
    });

    it('is retried entry by entry, and the entries that had committed are answered from the log, not written twice', async () => {
      const logg = new Revisjonslogg(tvetydigCommit(raa), 5);
      // The first append runs alone; the 11 that come while it runs wait and form the group that
      // commits and is then reported as unknown.
      const poster = await Promise.all(Array.from({ length: 12 }, (_, i) => logg.skriv(post(`g-${i}`))));
      const rader = await raa.query<{ id: string; korrelasjonsid: string }>(
        'SELECT id, korrelasjonsid FROM revisjonslogg ORDER BY id',
      );
      expect(rader.map((r) => r.korrelasjonsid)).toEqual(poster.map((_, i) => `g-${i}`));
      expect(poster.map((p) => p.id)).toEqual(rader.map((r) => Number(r.id)));
      expect(await logg.verifiserKjede()).toMatchObject({ ok: true, antall: 12 });
    });
  });
}
