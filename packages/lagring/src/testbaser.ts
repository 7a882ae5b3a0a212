// For the test suites only (not exported): the two engines the storage suite runs on.
import pg from 'pg';
import { aapneLagring, type Lagring, type Lagringsvalg } from './lagring.js';

/** CI's local server (trust auth, database `test`); override with INNTEKTSGRUNNLAG_TEST_DATABASE_URL. */
export const TEST_DATABASE_URL =
  process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether the PostgreSQL server answers, and if not, why (the suite then skips its PostgreSQL
 * variant, visibly). In CI (CI=true) PostgreSQL is required: there it throws instead, so the
 * variant can never be skipped unnoticed.
 */
export async function postgresSvarer(
  url = TEST_DATABASE_URL,
): Promise<{ ok: true } | { ok: false; grunn: string }> {
  const svar = await proevPostgres(url);
  if (!svar.ok && process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL kreves i CI, men ${url.replace(/\/\/[^@]*@/, '//')} svarer ikke (${svar.grunn})`,
    );
  }
  return svar;
}

async function proevPostgres(url: string): Promise<{ ok: true } | { ok: false; grunn: string }> {
  const klient = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await klient.connect();
    await klient.query('SELECT 1');
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, grunn: `${err.code ?? ''} ${err.message ?? String(e)}`.trim() };
  } finally {
    await klient.end().catch(() => undefined);
  }
}

let teller = 0;

/** A schema of its own for each opened storage, so parallel and repeated runs never collide. */
export function unikSkjemanavn(): string {
  teller++;
  return `test_${process.pid}_${Date.now().toString(36)}_${teller}`;
}

export async function slettSkjema(skjema: string, url = TEST_DATABASE_URL): Promise<void> {
  const klient = new pg.Client({ connectionString: url });
  await klient.connect();
  try {
    await klient.query(`DROP SCHEMA IF EXISTS ${skjema} CASCADE`);
  } finally {
    await klient.end();
  }
}

export interface Testbase {
  navn: 'PGlite' | 'PostgreSQL';
  /** Opens a fresh, empty storage (its own in-memory database or schema). */
  aapne(valg?: Omit<Lagringsvalg, 'databaseUrl' | 'dataKatalog' | 'iMinne' | 'skjema'>): Promise<Lagring>;
  /** Closes everything opened and removes the schemas. */
  rydd(): Promise<void>;
}

export function pgliteBase(): Testbase {
  const aapne: Lagring[] = [];
  return {
    navn: 'PGlite',
    async aapne(valg = {}) {
      const l = await aapneLagring({ ...valg, iMinne: true });
      aapne.push(l);
      return l;
    },
    async rydd() {
      await Promise.all(aapne.splice(0).map((l) => l.lukk()));
    },
  };
}

export function postgresBase(url = TEST_DATABASE_URL): Testbase {
  const aapne: Array<{ l: Lagring; skjema: string }> = [];
  return {
    navn: 'PostgreSQL',
    async aapne(valg = {}) {
      const skjema = unikSkjemanavn();
      const l = await aapneLagring({ ...valg, databaseUrl: url, skjema });
      aapne.push({ l, skjema });
      return l;
    },
    async rydd() {
      for (const { l, skjema } of aapne.splice(0)) {
        await l.lukk();
        await slettSkjema(skjema, url);
      }
    },
  };
}
