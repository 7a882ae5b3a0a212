// Issue 19, items 1 and 3: the API on PostgreSQL with the product's connections terminated during
// load (pg_terminate_backend) stays up; every lookup is answered or refused with a 503 that says when to
// try again, never a 500; no stack trace is logged for it; the next request works. And with the
// database gone altogether: 503 with Retry-After, readiness says so, back within a second.
import {
  aapneLagring,
  DatabaseUtilgjengelig,
  erTilkoblingsfeil,
  LaasTidsavbrudd,
  type Lagring,
  LagringFeil,
} from '@inntektsgrunnlag/lagring';
import { RevisjonFeilet } from '@inntektsgrunnlag/oppslag';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemFra, VENT_SEKUNDER_DATABASE } from './problem.js';
import { startTestapp, type Testapp } from './testoppsett.js';

const PG_URL = process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SKJEMA = `api_nede_${process.pid}_${Date.now().toString(36)}`;

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const FORESPORSEL = { ...ks.foresporsel, beregningsdato: '2024-06-01' };

const postgres = await aapneLagring({ databaseUrl: PG_URL, skjema: SKJEMA }).then(
  (lagring) => ({ ok: true as const, lagring }),
  (e: unknown) => ({ ok: false as const, grunn: (e as Error).message }),
);
if (!postgres.ok) {
  if (process.env.CI === 'true')
    throw new Error(`PostgreSQL kreves i CI: ${PG_URL} svarer ikke (${postgres.grunn})`);
  process.stderr.write(`\n[api] MERK: databasefeil på PostgreSQL HOPPES OVER: ${postgres.grunn}\n`);
}

const vent = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('a 503 for the database down, never a 500', () => {
  it('maps a lost connection, inside the audit or not, to 503 with a short Retry-After', () => {
    const tapt = new DatabaseUtilgjengelig('borte', {
      cause: new Error('Connection terminated unexpectedly'),
    });
    for (const e of [tapt, new RevisjonFeilet(tapt)]) {
      const svar = problemFra(e);
      expect(svar.problem.status).toBe(503);
      expect(svar.uventet).toBe(false);
      expect(svar.headers['Retry-After']).toBe(String(VENT_SEKUNDER_DATABASE));
      expect(svar.problem.detail).toMatch(/Prøv igjen om \d+ sekunder/);
    }
    // A lock that was not granted in time says so.
    const laas = problemFra(new RevisjonFeilet(new LaasTidsavbrudd('låst')));
    expect(laas.problem.status).toBe(503);
    expect(laas.problem.detail).toMatch(/Revisjonsloggen var opptatt/);
    // Any other storage failure is still a 503, without the database's promise.
    expect(problemFra(new LagringFeil('ukjent skjema')).problem.status).toBe(503);
    expect(erTilkoblingsfeil(new Error('duplicate key value'))).toBe(false);
  });
});

describe.skipIf(!postgres.ok)('the API on PostgreSQL with its connections terminated', () => {
  let t: Testapp;
  let lagring: Lagring;
  /** Another storage on the same server (its own schema, so its own application_name) to terminate with. */
  let admin: Lagring;
  let noekkel: string;
  beforeAll(async () => {
    if (!postgres.ok) return;
    lagring = postgres.lagring;
    await lagring.roller.lagre({ id: 'sykehjem', navn: 'Sykehjem', tjenesteomraade: 'LANGTIDSOPPHOLD' });
    noekkel = (await lagring.klienter.opprett({ navn: 'Fagsystem', rolleId: 'sykehjem' })).noekkel;
    t = await startTestapp({ lagring });
    admin = await aapneLagring({ databaseUrl: PG_URL, skjema: `${SKJEMA}_admin` });
  });
  afterAll(async () => {
    if (!postgres.ok) return;
    await t?.lukk();
    await admin?.sql.exec(`DROP SCHEMA ${SKJEMA}_admin CASCADE`);
    await admin?.lukk();
    await lagring.sql.exec(`DROP SCHEMA ${SKJEMA} CASCADE`).catch(() => undefined);
    await lagring.lukk();
  });

  const terminer = async () =>
    (
      await admin.sql.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [`inntektsgrunnlag/${SKJEMA}`],
      )
    )[0] as { n: number };

  it('under load: every lookup is 200 with its audit entry or a 503 with Retry-After; no 500, no stack trace; then all works', async () => {
    const foer = (await lagring.revisjonslogg.kjedehode()).id;
    let stopp = false;
    let terminert = 0;
    const morder = (async () => {
      while (!stopp) {
        await vent(20);
        terminert += (await terminer()).n;
      }
    })();
    const statuser: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 25; i++) {
          const svar = await request(t.server)
            .post('/api/v1/beregning')
            .set({ Authorization: `Bearer ${noekkel}` })
            .send(FORESPORSEL);
          statuser.push(svar.status);
          if (svar.status === 503) {
            expect(svar.headers['retry-after']).toBe(String(VENT_SEKUNDER_DATABASE));
            expect(svar.body.detail).toMatch(/Prøv igjen/);
          } else {
            expect(svar.status).toBe(200);
          }
        }
      }),
    );
    stopp = true;
    await morder;
    expect(terminert).toBeGreaterThan(0);
    expect(statuser).toContain(503);
    // Every answer given was audited first (TILLATT entries since the start: at least the 200s).
    let tillatt: Array<{ n: number }> = [];
    for (let i = 0; i < 20; i++) {
      try {
        tillatt = await lagring.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM revisjonslogg WHERE id > $1 AND utfall = 'TILLATT'",
          [foer],
        );
        break;
      } catch {
        await vent(50);
      }
    }
    expect(tillatt[0]?.n).toBeGreaterThanOrEqual(statuser.filter((s) => s === 200).length);
    expect(await lagring.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
    // The outage is logged as one line per request, without a stack trace.
    const linjer = t
      .logg()
      .split('\n')
      .filter((l) => l.includes('databasen er utilgjengelig'));
    if (statuser.includes(503)) expect(linjer.length).toBeGreaterThan(0);
    for (const l of linjer) expect(JSON.parse(l).feil.stakk).toBeUndefined();
    expect(t.logg()).not.toMatch(/"uventet feil"/);
    // Left alone, the database serves the next requests (a stale pooled connection may cost one 503).
    let ok = 0;
    for (let i = 0; i < 15 && ok < 3; i++) {
      const svar = await request(t.server)
        .post('/api/v1/beregning')
        .set({ Authorization: `Bearer ${noekkel}` })
        .send(FORESPORSEL);
      expect([200, 503]).toContain(svar.status);
      ok = svar.status === 200 ? ok + 1 : 0;
    }
    expect(ok).toBe(3);
    const ready = await request(t.server).get('/health/ready');
    expect(ready.status).toBe(200);
  }, 180_000);
});
