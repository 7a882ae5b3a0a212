import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aapneLagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';
import { kjoerBeregn } from './kommandoer/beregn.js';
import { testkontekst } from './testkontekst.js';

/*
 * --arbeidere N (batch/arbeidere.ts): the rows run in N worker threads, and what the run writes must
 * be the bytes of the in-process run (--arbeidere 1), in input order, with the same error file, and
 * an interrupted run resumed with workers must end as a clean run does.
 */

const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-arbeidere-'));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));
const fil = (navn: string) => join(mappe, navn);
const les = (navn: string) => readFileSync(fil(navn), 'utf8');

const gull = lesGullfiler('') as Array<{ foresporsel: Record<string, unknown> }>;
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};

/** A failing row's read count (AbortSignal is read once per row read). */
function stoppEtter(n: number): AbortSignal {
  let sett = 0;
  return {
    get aborted() {
      sett++;
      return sett > n;
    },
  } as AbortSignal;
}

/**
 * The source simulator gives each missing answer a random correlation id, quoted in a warning: the one
 * part of a lookup's result that differs from run to run.
 */
const utenKorrelasjonsid = (t: string) =>
  t.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID');

async function beregn(argv: string[], avbryt?: AbortSignal) {
  const t = testkontekst({ cwd: mappe });
  const kode = await kjoerBeregn(argv, t.kontekst, avbryt ? { avbryt } : {});
  return { kode, feil: t.feil() };
}

describe('beregn --arbeidere', () => {
  // Inline rows of every golden file, lookups in the embedded population, and bad rows of each kind:
  // not JSON, an invalid request, a date outside the tables, an unknown beregningstype.
  const rad = (i: number) => ({ ...(gull[i % gull.length]?.foresporsel ?? {}), saksreferanse: `A${i + 1}` });
  const rader: string[] = [];
  for (let i = 0; i < 150; i++) {
    rader.push(JSON.stringify(rad(i)));
    if (i % 29 === 3) rader.push('{ikke json');
    if (i % 31 === 5) rader.push(JSON.stringify({ ...rad(i), beregningsdato: '2031-01-01' }));
    if (i % 37 === 7) rader.push(JSON.stringify({ beregningstype: 'BARNEHAGE_SFO', saksreferanse: `U${i}` }));
    if (i % 41 === 9) rader.push(JSON.stringify({ ...rad(i), beregningstype: 'UKJENT' }));
    if (i % 23 === 11) {
      rader.push(JSON.stringify({ ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: `O${i}` }));
    }
  }
  writeFileSync(fil('blandet.jsonl'), `${rader.join('\n')}\n`);

  it('writes the same bytes and the same error file with 2 workers as in one thread, in input order', async () => {
    const en = await beregn(['blandet.jsonl', '--ut', 'en.jsonl', '--arbeidere', '1']);
    const to = await beregn(['blandet.jsonl', '--ut', 'to.jsonl', '--arbeidere', '2']);
    expect(en.kode).toBe(1);
    expect(to.kode).toBe(1);
    const ut = les('en.jsonl');
    expect(ut.split('\n').length).toBeGreaterThan(150);
    expect(utenKorrelasjonsid(les('to.jsonl'))).toBe(utenKorrelasjonsid(ut));
    expect(les('to.jsonl.feil.csv')).toBe(les('en.jsonl.feil.csv'));
    expect(les('en.jsonl.feil.csv')).toMatch(/UGYLDIG_JSON/);
    expect(les('en.jsonl.feil.csv')).toMatch(/UTENFOR_DEKNING/);
    // The summary counts the same rows.
    const antall = (t: string) => t.match(/Ferdig: [^(]*/)?.[0];
    expect(antall(to.feil)).toBe(antall(en.feil));
    // CSV out too.
    await beregn(['blandet.jsonl', '--format', 'csv', '--ut', 'en.csv', '--arbeidere', '1']);
    await beregn(['blandet.jsonl', '--format', 'csv', '--ut', 'to.csv', '--arbeidere', '2']);
    expect(les('to.csv')).toBe(les('en.csv'));
  }, 300_000);

  it('resumes an interrupted run with workers to exactly the clean run’s output and error file', async () => {
    const inline = rader.filter((r) => !r.includes('"O'));
    writeFileSync(fil('resume.jsonl'), `${inline.join('\n')}\n`);
    const ren = await beregn(['resume.jsonl', '--ut', 'ren.jsonl', '--arbeidere', '1']);
    expect(ren.kode).toBe(1);
    const avbrutt = await beregn(['resume.jsonl', '--ut', 'del.jsonl', '--arbeidere', '2'], stoppEtter(40));
    expect(avbrutt.kode).toBe(130);
    expect(avbrutt.feil).toMatch(/Avbrutt: 40 rader/);
    expect(JSON.parse(les('del.jsonl.sjekkpunkt.json')).antall.rader).toBe(40);
    const videre = await beregn(['resume.jsonl', '--ut', 'del.jsonl', '--arbeidere', '2', '--resume']);
    expect(videre.kode).toBe(1);
    expect(videre.feil).toMatch(/40 av radene var gjort i en tidligere kjøring/);
    expect(les('del.jsonl')).toBe(les('ren.jsonl'));
    expect(les('del.jsonl.feil.csv')).toBe(les('ren.jsonl.feil.csv'));
  }, 300_000);

  it('appends the workers’ audit entries together, one transaction for many lookups, the chain intact', async () => {
    // Handed to the log one by one as the workers' messages came, each append on the embedded database
    // (synchronous) would take the first entry alone; collected per turn of the event loop they go in
    // shared transactions (batch/arbeidere.ts). PostgreSQL's xmin tells the transaction that wrote a row.
    const n = 96;
    const oppslag = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: `R${i}` }),
    );
    writeFileSync(fil('oppslag.jsonl'), `${oppslag.join('\n')}\n`);
    const data = fil('revisjonsdata');
    const t = testkontekst({ cwd: mappe, env: { INNTEKTSGRUNNLAG_DATA: data } });
    expect(
      await kjoerBeregn(['oppslag.jsonl', '--ut', 'oppslag.ut.jsonl', '--arbeidere', '2'], t.kontekst),
    ).toBe(0);
    const lagring = await aapneLagring({ dataKatalog: data });
    try {
      const [rad] = await lagring.sql.query<{ antall: number; transaksjoner: number }>(
        "SELECT count(*)::int AS antall, count(DISTINCT xmin::text)::int AS transaksjoner FROM revisjonslogg WHERE saksreferanse LIKE 'R%'",
      );
      expect(rad?.antall).toBe(n);
      expect(rad?.transaksjoner).toBeLessThanOrEqual(n / 8);
      expect(await lagring.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
    } finally {
      await lagring.lukk();
    }
  }, 300_000);

  it('refuses a number of workers that is not a whole number from 1 to 64', async () => {
    for (const n of ['0', '1.5', 'to', '65']) {
      const r = await beregn(['blandet.jsonl', '--ut', 'x.jsonl', '--arbeidere', n]).catch((e: Error) => e);
      expect(r instanceof Error ? r.message : '').toMatch(/--arbeidere må være et helt tall fra 1 til 64/);
    }
  });
});
