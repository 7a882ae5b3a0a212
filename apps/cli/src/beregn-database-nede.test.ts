// Issue 19, item 1, in the CLI batch: the product's PostgreSQL connections terminated
// (pg_terminate_backend) while a batch of lookups runs. The process stays up (here: the test worker;
// before the fix the batch crashed every time), a row whose audit could not be written fails cleanly
// and is reported as such, never answered; every row answered has its audit entry; the next run works.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aapneLagring, LagringFeil } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

const PG_URL = process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SKJEMA = `test_cli_nede_${process.pid}_${Date.now().toString(36)}`;
const postgres = await aapneLagring({ databaseUrl: PG_URL, skjema: SKJEMA }).catch((e) => {
  if (!(e instanceof LagringFeil)) throw e;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL kreves i CI, men ${PG_URL} svarer ikke`);
  console.warn(`\n[cli] MERK: batch med databasefeil HOPPES OVER: ${PG_URL} svarer ikke.\n`);
  return null;
});
/** A storage on another schema (its own application_name) to terminate the batch's connections with. */
const admin = postgres ? await aapneLagring({ databaseUrl: PG_URL, skjema: `${SKJEMA}_a` }) : null;
const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-nede-'));
afterAll(async () => {
  rmSync(mappe, { recursive: true, force: true });
  await postgres?.sql.exec(`DROP SCHEMA ${SKJEMA} CASCADE`);
  await postgres?.lukk();
  await admin?.sql.exec(`DROP SCHEMA ${SKJEMA}_a CASCADE`);
  await admin?.lukk();
});

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const oppslag = (ref: string) => ({ ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: ref });
const vent = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe.skipIf(!postgres)('a batch on PostgreSQL with its connections terminated', () => {
  it('stays up, fails the rows it could not audit, audits every row it answered, then runs again', async () => {
    const l = postgres as NonNullable<typeof postgres>;
    await l.roller.lagre({ id: 'sykehjem', navn: 'Sykehjem', tjenesteomraade: 'LANGTIDSOPPHOLD' });
    await l.brukere.opprett({ id: 'kari', visningsnavn: 'Kari' });
    await l.brukere.tildelRolle('kari', 'sykehjem');
    const rader = Array.from({ length: 80 }, (_, i) => oppslag(`2026/${i}`));
    writeFileSync(join(mappe, 'inn.jsonl'), `${rader.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const env = { DATABASE_URL: PG_URL, INNTEKTSGRUNNLAG_DB_SKJEMA: SKJEMA };
    const kjoer = async (ut: string) => {
      const t = testkontekst({ cwd: mappe, env });
      const kode = await runCli(
        ['beregn', 'inn.jsonl', '--rolle', 'sykehjem', '--bruker', 'kari', '--ut', ut, '--samtidighet', '4'],
        t.kontekst,
      );
      return { kode, feil: t.feil() };
    };

    let stopp = false;
    let terminert = 0;
    const morder = (async () => {
      while (!stopp) {
        await vent(25);
        const [r] = await (admin as NonNullable<typeof admin>).sql.query<{ n: number }>(
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
          [`inntektsgrunnlag/${SKJEMA}`],
        );
        terminert += r?.n ?? 0;
      }
    })();
    let foerste = await kjoer('ut1.jsonl');
    // The connection can be dropped before any row runs, while the storage is opened: the CLI then says
    // so (exit code 1, «Feil: …», no output) instead of crashing, and, as its message says, a new run
    // goes. Run again until a run gets past the start, so the rows themselves meet the faults.
    for (let forsoek = 0; forsoek < 10 && !existsSync(join(mappe, 'ut1.jsonl')); forsoek++) {
      expect(foerste.kode).toBe(1);
      expect(foerste.feil).toMatch(/^Feil: /);
      foerste = await kjoer('ut1.jsonl');
    }
    stopp = true;
    await morder;
    expect(terminert).toBeGreaterThan(0);
    // 0 when every row went through, 1 when some failed: never a crash, never "unexpected".
    expect([0, 1]).toContain(foerste.kode);
    expect(foerste.feil).not.toMatch(/Uventet feil/);
    const svart = readFileSync(join(mappe, 'ut1.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((x) => (JSON.parse(x) as { utfoert: { saksreferanse: string } }).utfoert.saksreferanse);
    // Every answered row has its TILLATT entry, none twice.
    let poster: Array<{ saksreferanse: string; n: number }> = [];
    for (let i = 0; i < 20; i++) {
      try {
        poster = await l.sql.query<{ saksreferanse: string; n: number }>(
          "SELECT saksreferanse, count(*)::int AS n FROM revisjonslogg WHERE utfall = 'TILLATT' GROUP BY saksreferanse",
        );
        break;
      } catch {
        await vent(100);
      }
    }
    const revidert = new Map(poster.map((p) => [p.saksreferanse, p.n]));
    for (const ref of svart) expect(revidert.get(ref), ref).toBe(1);
    expect(await l.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });

    // Left alone, the database serves the next run in full.
    const andre = await kjoer('ut2.jsonl');
    expect(andre.kode).toBe(0);
    expect(readFileSync(join(mappe, 'ut2.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(80);
  }, 300_000);
});
