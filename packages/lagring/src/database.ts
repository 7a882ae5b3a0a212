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
  override readonly name: string = 'LagringFeil';
}

/**
 * The database cannot be reached, or dropped the connection in the middle of a statement (a restart,
 * a failover, an operator's `pg_terminate_backend`). Transient: the pool opens a new connection for
 * the next statement, so the caller answers 503 and may try again.
 */
export class DatabaseUtilgjengelig extends LagringFeil {
  override readonly name: string = 'DatabaseUtilgjengelig';
  constructor(melding: string, valg?: { cause?: unknown }) {
    super(melding, valg);
  }
}

/**
 * The connection was lost while COMMIT was under way: the transaction may have committed or not, and
 * nobody can tell from here. A caller that retries must be able to recognise what had committed
 * (the audit log does, by the idempotency key of each entry).
 */
export class UkjentUtfall extends DatabaseUtilgjengelig {
  override readonly name: string = 'UkjentUtfall';
}

/** A lock was not granted within `lock_timeout` (SQLSTATE 55P03): another holder is stuck or slow. */
export class LaasTidsavbrudd extends LagringFeil {
  override readonly name: string = 'LaasTidsavbrudd';
}

/** SQLSTATE classes and codes, and Node's socket errors, that mean the connection, not the statement. */
const TILKOBLINGSKODER = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TILKOBLINGSMELDING =
  /Connection terminated|connection error|timeout exceeded when trying to connect|not queryable|Client was closed|terminating connection/i;

/** Whether an error from the driver means the connection was lost or could not be made. */
export function erTilkoblingsfeil(e: unknown): boolean {
  if (e instanceof DatabaseUtilgjengelig) return true;
  const f = e as { code?: unknown; message?: unknown } | null;
  if (!f || typeof f !== 'object') return false;
  if (typeof f.code === 'string' && (TILKOBLINGSKODER.has(f.code) || f.code.startsWith('08'))) return true;
  return typeof f.message === 'string' && TILKOBLINGSMELDING.test(f.message);
}

const UTILGJENGELIG =
  'Databasen svarer ikke (forbindelsen ble brutt eller kunne ikke åpnes). Ingenting i denne operasjonen er lagret; prøv igjen.';

/**
 * A driver error as the storage's own: a lost connection becomes DatabaseUtilgjengelig, a lock wait
 * past its bound LaasTidsavbrudd, and anything else (a constraint, a trigger's refusal) passes as it is.
 */
export function oversettFeil(e: unknown): unknown {
  if (e instanceof LagringFeil) return e;
  const kode = (e as { code?: unknown } | null)?.code;
  if (kode === '55P03') {
    return new LaasTidsavbrudd(
      'Fikk ikke låsen i databasen innen fristen (lock_timeout): en annen prosess holder den. Prøv igjen; vedvarer det, se etter en hengende transaksjon (pg_stat_activity).',
      { cause: e },
    );
  }
  if (erTilkoblingsfeil(e)) return new DatabaseUtilgjengelig(UTILGJENGELIG, { cause: e });
  return e;
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

export interface Postgresvalg {
  /**
   * The connection's application_name (shown in pg_stat_activity): default «inntektsgrunnlag», with
   * the schema appended when it is not the default, so an operator (or a test) can tell installations
   * on one server apart.
   */
  applikasjonsnavn?: string;
}

/** PostgreSQL through a connection pool; every connection uses the given schema. */
export async function aapnePostgres(
  databaseUrl: string,
  skjema: string,
  valg: Postgresvalg = {},
): Promise<Database> {
  // The schema must exist before a connection can use it as search_path.
  const oppsett = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  // A connection lost during set-up surfaces as the rejected query below, not as an unhandled event.
  oppsett.on('error', () => undefined);
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
    application_name: (
      valg.applikasjonsnavn ?? (skjema === 'public' ? 'inntektsgrunnlag' : `inntektsgrunnlag/${skjema}`)
    ).slice(0, 63),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const sql = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      try {
        return (await q.query(tekst, [...parametre])).rows as T[];
      } catch (e) {
        throw oversettFeil(e);
      }
    },
    async exec(tekst: string) {
      try {
        await q.query(tekst);
      } catch (e) {
        throw oversettFeil(e);
      }
    },
  });
  return {
    modus: 'POSTGRES',
    ...sql(pool),
    async transaksjon(fn) {
      // While checked out, the pool's own listener is off this client: without one of ours, a
      // connection lost now (pg_terminate_backend, a failover) is an unhandled 'error' event and
      // kills the process. The statement under way fails on its own; this only keeps the process up
      // and marks the client so it is destroyed, not returned to the pool. The listener goes on in
      // the pool's callback itself: the termination may be the next message in the very socket read
      // that handed the client over, before any awaiting code could run.
      let tapt: unknown = null;
      const paaFeil = (e: unknown) => {
        tapt ??= e;
      };
      let klient: pg.PoolClient;
      try {
        klient = await new Promise<pg.PoolClient>((ok, nei) => {
          pool.connect((e, k) => {
            if (e || !k) return nei(e ?? new Error('Connection terminated'));
            k.on('error', paaFeil);
            ok(k);
          });
        });
      } catch (e) {
        throw oversettFeil(e);
      }
      let fase: 'arbeid' | 'commit' = 'arbeid';
      try {
        await klient.query('BEGIN');
        const r = await fn(sql(klient));
        fase = 'commit';
        await klient.query('COMMIT');
        return r;
      } catch (e) {
        // A statement that failed because the connection went does not always raise the event too.
        if (erTilkoblingsfeil(e)) tapt ??= e;
        if (fase === 'commit' && erTilkoblingsfeil(e)) {
          // The server may have committed before the connection went: say so, so no caller assumes
          // "nothing was written" and writes it a second time.
          throw new UkjentUtfall(
            'Forbindelsen til databasen ble brutt under COMMIT: det er ukjent om transaksjonen ble lagret.',
            { cause: e },
          );
        }
        if (tapt === null) {
          await klient.query('ROLLBACK').catch((f: unknown) => {
            tapt ??= f;
          });
        }
        throw oversettFeil(e);
      } finally {
        if (tapt === null) {
          klient.off('error', paaFeil);
          klient.release();
        } else {
          // A lost connection is destroyed (release with an error), never handed to the next caller;
          // our listener stays, since the closing socket may still raise events.
          klient.release(tapt as Error);
        }
      }
    },
    lukk: () => pool.end(),
  };
}
