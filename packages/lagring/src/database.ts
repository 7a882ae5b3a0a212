import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** SQL on one connection: parameterised queries, and multi-statement scripts without parameters. */
export interface Sql {
  query<T = Record<string, unknown>>(tekst: string, parametre?: readonly unknown[]): Promise<T[]>;
  exec(tekst: string): Promise<void>;
}

export type Databasemodus = 'PGLITE' | 'POSTGRES';

/** The two engines behind one interface: the repositories and migrations never see which one runs. */
export interface Database extends Sql {
  readonly modus: Databasemodus;
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on error). */
  transaksjon<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  lukk(): Promise<void>;
}

/** A failure to open or reach the storage; its message never contains the connection string. */
export class LagringFeil extends Error {
  override readonly name = 'LagringFeil';
}

const SKJEMANAVN = /^[a-z_][a-z0-9_]{0,62}$/;

export function sjekkSkjemanavn(skjema: string): string {
  if (!SKJEMANAVN.test(skjema)) {
    throw new LagringFeil(
      `Ugyldig skjemanavn «${skjema}»: bruk små bokstaver a–z, sifre og _, høyst 63 tegn, ikke siffer først`,
    );
  }
  return skjema;
}

/** Embedded PostgreSQL (WASM) in a directory, or in memory when `dataKatalog` is undefined. */
export async function aapnePglite(dataKatalog: string | undefined, skjema: string): Promise<Database> {
  if (dataKatalog) mkdirSync(dataKatalog, { recursive: true });
  let db: PGlite;
  try {
    db = await PGlite.create(dataKatalog ? { dataDir: dataKatalog } : {});
  } catch (e) {
    throw new LagringFeil(
      `Kunne ikke åpne den innebygde databasen${dataKatalog ? ` i ${dataKatalog}` : ''}: ${(e as Error).message}`,
    );
  }
  // PGlite has one connection, so the search_path set here holds for every later statement.
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${skjema}; SET search_path TO ${skjema};`);
  const sql = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      return (await q.query<T>(tekst, [...parametre])).rows;
    },
    async exec(tekst: string) {
      await q.exec(tekst);
    },
  });
  return {
    modus: 'PGLITE',
    ...sql(db),
    transaksjon: (fn) => db.transaction((tx) => fn(sql(tx))),
    lukk: () => db.close(),
  };
}

function tilkoblingsfeil(e: unknown): LagringFeil {
  const err = e as { code?: string; message?: string };
  // The driver's message may quote the host but never the password; the URL itself is not repeated.
  return new LagringFeil(
    `Kunne ikke koble til PostgreSQL (DATABASE_URL): ${err.code ?? ''} ${err.message ?? String(e)}`.trim(),
  );
}

/** PostgreSQL through a connection pool; every connection uses the given schema. */
export async function aapnePostgres(databaseUrl: string, skjema: string): Promise<Database> {
  // The schema must exist before a connection can use it as search_path.
  const oppsett = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await oppsett.connect();
    await oppsett.query(`CREATE SCHEMA IF NOT EXISTS ${skjema}`);
  } catch (e) {
    throw tilkoblingsfeil(e);
  } finally {
    await oppsett.end().catch(() => undefined);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 5000,
    max: 5,
    options: `-c search_path=${skjema}`,
    application_name: 'inntektsgrunnlag',
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const sql = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      return (await q.query(tekst, [...parametre])).rows as T[];
    },
    async exec(tekst: string) {
      await q.query(tekst);
    },
  });
  return {
    modus: 'POSTGRES',
    ...sql(pool),
    async transaksjon(fn) {
      const klient = await pool.connect();
      try {
        await klient.query('BEGIN');
        const r = await fn(sql(klient));
        await klient.query('COMMIT');
        return r;
      } catch (e) {
        await klient.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        klient.release();
      }
    },
    lukk: () => pool.end(),
  };
}
