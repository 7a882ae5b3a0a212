/**
 * `pnpm bench`: the performance benchmarks. Each measurement runs in a fresh process (so one does not
 * warm or fill memory for the next), several times, and the report gives the median. Writes
 * docs/benchmarks.md. Knobs (arguments, or the same names as BENCH_* environment variables):
 *
 *   --runder <n>        runs per measurement (3)
 *   --antall <n>        cases for the CLI end to end, (b) (100 000)
 *   --smaa <n>          the smaller size for the memory comparison, (e) (20 000)
 *   --kalkulator <n>    cases per area for each calculator alone, (a) (20 000)
 *   --oppslag <n>       lookups against the embedded source, (c) (10 000)
 *   --sekunder <n>      seconds of load per API run, (d) (10)
 *   --hopp-over a,d     leave measurements out
 *   --raskt             a quick run: 1 run each, 20 000 / 5 000 cases, 2 000 lookups, 5 s of load
 *   --ut <fil>          where the report goes (docs/benchmarks.md)
 *   --fra <fil>         write the report again from measurements kept with BENCH_MAALINGER=<fil>, without
 *                       measuring (after a change to the report's text)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { skrivTilfeller } from './generer.js';
import { beskrivMaskin, brukbareKjerner, type Maskin, noterLast } from './maskin.js';
import { oppsummerProfil, type Profilsammendrag } from './profil.js';
import { lagRapport, type Maalinger } from './rapport.js';
import { median } from './statistikk.js';

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const BENCH = fileURLToPath(new URL('./', import.meta.url));

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runder: { type: 'string' },
    antall: { type: 'string' },
    smaa: { type: 'string' },
    kalkulator: { type: 'string' },
    oppslag: { type: 'string' },
    sekunder: { type: 'string' },
    'hopp-over': { type: 'string' },
    raskt: { type: 'boolean' },
    ut: { type: 'string' },
    fra: { type: 'string' },
  },
});
const env = process.env;
const raskt = values.raskt === true || env.BENCH_RASKT === '1';
const tall = (navn: keyof typeof values, miljoe: string, standard: number, rask: number) => {
  const v = (values[navn] as string | undefined) ?? env[miljoe];
  const n = v === undefined ? (raskt ? rask : standard) : Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${navn} må være et helt tall ≥ 1 (fikk ${v})`);
    process.exit(2);
  }
  return n;
};
const valg = {
  runder: tall('runder', 'BENCH_RUNDER', 3, 1),
  antall: tall('antall', 'BENCH_ANTALL', 100_000, 20_000),
  smaa: tall('smaa', 'BENCH_SMAA', 20_000, 5_000),
  kalkulator: tall('kalkulator', 'BENCH_KALKULATOR', 20_000, 5_000),
  oppslag: tall('oppslag', 'BENCH_OPPSLAG', 10_000, 2_000),
  sekunder: tall('sekunder', 'BENCH_SEKUNDER', 10, 5),
  hoppOver: new Set(
    ((values['hopp-over'] as string | undefined) ?? env.BENCH_HOPP_OVER ?? '').split(',').filter(Boolean),
  ),
  ut: resolve(ROT, (values.ut as string | undefined) ?? env.BENCH_UT ?? 'docs/benchmarks.md'),
};

if (values.fra !== undefined) {
  const ut = resolve(ROT, (values.ut as string | undefined) ?? env.BENCH_UT ?? 'docs/benchmarks.md');
  writeFileSync(ut, lagRapport(JSON.parse(readFileSync(resolve(values.fra), 'utf8')) as Maalinger));
  console.error(`[bench] skrev ${ut} fra ${values.fra} (ingen nye målinger)`);
  process.exit(0);
}

const maskin: Maskin = beskrivMaskin();
const arbeid = mkdtempSync(join(tmpdir(), 'ig-bench-'));
const logg = (tekst: string) => {
  noterLast(maskin);
  console.error(`[bench] ${tekst} (last ${maskin.last.prover.at(-1)?.toFixed(1)})`);
};
const NODE = ['--conditions=@inntektsgrunnlag/source', '--import', 'tsx'];

/** Runs a node script to its end; one core with taskset when `enKjerne`. Returns stdout. */
function kjoerNode(
  skript: string[],
  { enKjerne = false, miljoe = {} as Record<string, string> } = {},
): string {
  const [kommando, argumenter] =
    enKjerne && maskin.enKjerne
      ? ['taskset', ['-c', '0', process.execPath, ...NODE, ...skript]]
      : [process.execPath, [...NODE, ...skript]];
  const r = spawnSync(kommando, argumenter as string[], {
    cwd: ROT,
    env: { ...process.env, INNTEKTSGRUNNLAG_DATA: ':minne:', ...miljoe },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${skript.join(' ')} endte med ${r.status}: ${r.stderr.slice(-2000)}`);
  }
  return r.stdout;
}

interface Oppsummering {
  rader: number;
  beregnet: number;
  feilet: number;
  varighetMs: number;
  raderPerSekund: number;
  utdataBytes: number;
  maksRssBytes: number;
}

/** One CLI run on a file; the CLI's own machine-readable summary (first row read → last row written). */
function kjoerCli(
  inn: string,
  ekstra: string[] = [],
  miljoe: Record<string, string> = {},
  nodeflagg: string[] = [],
  { arbeidere = 1 }: { arbeidere?: number } = {},
) {
  const ut = join(arbeid, 'ut.dat');
  const sum = join(arbeid, 'oppsummering.json');
  kjoerNode(
    [
      ...nodeflagg,
      join(ROT, 'apps/cli/src/main.ts'),
      'beregn',
      inn,
      '--ut',
      ut,
      '--oppsummering',
      sum,
      '--arbeidere',
      String(arbeidere),
      ...ekstra,
    ],
    {
      // One core for the in-process path; with workers, every core they are meant to use.
      enKjerne: arbeidere === 1,
      miljoe,
    },
  );
  const o = JSON.parse(readFileSync(sum, 'utf8')) as Oppsummering;
  rmSync(ut, { force: true });
  rmSync(`${ut}.feil.csv`, { force: true });
  if (o.feilet > 0) throw new Error(`${o.feilet} av ${o.rader} rader feilet i benchmarken (${inn})`);
  return o;
}

function kjoerEkko(inn: string): Oppsummering {
  const ut = join(arbeid, 'ekko.dat');
  const sum = join(arbeid, 'ekko.json');
  kjoerNode([join(BENCH, 'maal/ekko.ts'), inn, ut, sum], { enKjerne: true });
  const o = JSON.parse(readFileSync(sum, 'utf8')) as Oppsummering;
  rmSync(ut, { force: true });
  rmSync(`${ut}.feil.csv`, { force: true });
  return o;
}

const maalinger: Maalinger = { valg: { ...valg, hoppOver: [...valg.hoppOver] }, maskin };
const start = performance.now();

// (a) Each calculator alone.
if (!valg.hoppOver.has('a')) {
  logg(`(a) kalkulatorene alene, ${valg.kalkulator} tilfeller per område × ${valg.runder}`);
  const runder = Array.from(
    { length: valg.runder },
    () =>
      JSON.parse(
        kjoerNode([join(BENCH, 'maal/kalkulator.ts'), String(valg.kalkulator)], { enKjerne: true }),
      ) as Record<string, { perSekund: number }>,
  );
  maalinger.kalkulator = Object.fromEntries(
    Object.keys(runder[0] ?? {}).map((t) => [t, median(runder.map((r) => r[t]?.perSekund ?? 0))]),
  );
  logg('(a) profil av kalkulatorene');
  const profilmappe = join(arbeid, 'kalkulatorprofil');
  mkdirSync(profilmappe, { recursive: true });
  const profilert = JSON.parse(
    kjoerNode(
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profilmappe}`,
        join(BENCH, 'maal/kalkulator.ts'),
        String(valg.kalkulator),
      ],
      { enKjerne: true },
    ),
  ) as Record<string, { ms: number }>;
  const fil = readdirSync(profilmappe)
    .map((f) => join(profilmappe, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  // The measured loops are the end of the profile; the warm-up just before them is much the same work.
  const ms = Object.values(profilert).reduce((a, r) => a + r.ms, 0);
  if (fil) maalinger.kalkulatorProfil = oppsummerProfil(fil, 15, ms);
}

// (b) The CLI end to end against the baseline, and (e) its peak memory at two sizes.
if (!valg.hoppOver.has('b') || !valg.hoppOver.has('e')) {
  const stor = join(arbeid, `tilfeller-${valg.antall}.jsonl`);
  const liten = join(arbeid, `tilfeller-${valg.smaa}.jsonl`);
  logg(`genererer ${valg.antall} og ${valg.smaa} tilfeller`);
  await skrivTilfeller(stor, valg.antall);
  await skrivTilfeller(liten, valg.smaa);
  const cli: Oppsummering[] = [];
  const ekko: Oppsummering[] = [];
  for (let i = 0; i < valg.runder; i++) {
    logg(`(b) CLI på ${valg.antall} tilfeller, runde ${i + 1}`);
    cli.push(kjoerCli(stor));
    logg(`(b) grunnlinje (parse og serialiser) på ${valg.antall}, runde ${i + 1}`);
    ekko.push(kjoerEkko(stor));
  }
  // (b′) The same rows over the machine's cores (--arbeidere N, not pinned).
  const kjerner = brukbareKjerner();
  const flere: Oppsummering[] = [];
  const csvFlere: Oppsummering[] = [];
  if (kjerner > 1) {
    for (let i = 0; i < valg.runder; i++) {
      logg(`(b′) CLI med --arbeidere ${kjerner} på ${valg.antall} tilfeller, runde ${i + 1}`);
      flere.push(kjoerCli(stor, [], {}, [], { arbeidere: kjerner }));
      logg(`(b′) CLI med --arbeidere ${kjerner} og CSV-utdata på ${valg.antall}, runde ${i + 1}`);
      csvFlere.push(kjoerCli(stor, ['--format', 'csv'], {}, [], { arbeidere: kjerner }));
    }
  }
  const smaa: Oppsummering[] = [];
  const csv: Oppsummering[] = [];
  for (let i = 0; i < valg.runder; i++) {
    logg(`(e) CLI på ${valg.smaa} tilfeller, runde ${i + 1}`);
    smaa.push(kjoerCli(liten));
    // CSV on the same rows as JSON Lines: on fewer rows the compiler's warm-up weighs more per row.
    logg(`(b) CLI med CSV-utdata på ${valg.antall}, runde ${i + 1}`);
    csv.push(kjoerCli(stor, ['--format', 'csv']));
  }
  const faser: Array<Record<string, number>> = [];
  for (let i = 0; i < valg.runder; i++) {
    logg(`fasene i en rad, ${Math.min(valg.smaa, 10_000)} tilfeller, runde ${i + 1}`);
    faser.push(
      JSON.parse(
        kjoerNode([join(BENCH, 'maal/faser.ts'), String(Math.min(valg.smaa, 10_000))], { enKjerne: true }),
      ) as Record<string, number>,
    );
  }
  maalinger.faser = Object.fromEntries(
    Object.keys(faser[0] ?? {}).map((k) => [k, median(faser.map((f) => f[k] ?? 0))]),
  );
  logg(`profil av CLI på ${valg.smaa} tilfeller`);
  const profilmappe = join(arbeid, 'profil');
  mkdirSync(profilmappe, { recursive: true });
  const profilert = kjoerCli(liten, [], {}, ['--cpu-prof', `--cpu-prof-dir=${profilmappe}`]);
  // tsx's loader thread writes a profile too; the main thread's is the largest.
  const profiler = readdirSync(profilmappe)
    .map((f) => join(profilmappe, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  // Only the rows: the last `varighetMs` of the profile (start-up and opening the database excluded).
  const profil: Profilsammendrag | undefined = profiler[0]
    ? oppsummerProfil(profiler[0], 15, profilert.varighetMs)
    : undefined;
  const m = (xs: Oppsummering[], f: (o: Oppsummering) => number) => median(xs.map(f));
  maalinger.cli = {
    antall: valg.antall,
    raderPerSekund: m(cli, (o) => o.raderPerSekund),
    grunnlinjePerSekund: m(ekko, (o) => o.raderPerSekund),
    utdataBytesPerRad: m(cli, (o) => o.utdataBytes / o.rader),
    grunnlinjeBytesPerRad: m(ekko, (o) => o.utdataBytes / o.rader),
    smaaPerSekund: m(smaa, (o) => o.raderPerSekund),
    csvPerSekund: m(csv, (o) => o.raderPerSekund),
    csvBytesPerRad: m(csv, (o) => o.utdataBytes / o.rader),
    ...(flere.length > 0
      ? {
          flereKjerner: {
            arbeidere: kjerner,
            raderPerSekund: m(flere, (o) => o.raderPerSekund),
            csvPerSekund: m(csvFlere, (o) => o.raderPerSekund),
          },
        }
      : {}),
    ...(profil ? { profil } : {}),
  };
  maalinger.minne = {
    smaa: { antall: valg.smaa, rssBytes: m(smaa, (o) => o.maksRssBytes) },
    stor: { antall: valg.antall, rssBytes: m(cli, (o) => o.maksRssBytes) },
    grunnlinje: { antall: valg.antall, rssBytes: m(ekko, (o) => o.maksRssBytes) },
  };
}

// (e) The web app's initial JavaScript: its production build, whose last step (apps/web/scripts/
// budsjett.mjs) measures the JavaScript loaded before first paint, gzipped, and fails over budget.
if (!valg.hoppOver.has('e')) {
  logg('(e) nettappens første JavaScript (produksjonsbygget)');
  const bygg = spawnSync('pnpm', ['run', 'build'], { cwd: join(ROT, 'apps/web'), encoding: 'utf8' });
  const fil = join(ROT, 'apps/web/dist/budsjett.json');
  if (bygg.status === 0 && existsSync(fil)) {
    const b = JSON.parse(readFileSync(fil, 'utf8')) as {
      gzipByte: number;
      byte: number;
      budsjettGzipByte: number;
    };
    maalinger.nettapp = { gzipByte: b.gzipByte, byte: b.byte, budsjettGzipByte: b.budsjettGzipByte };
  } else {
    maalinger.nettapp = {
      feil: `byggingen av nettappen feilet (kode ${bygg.status}): ${(bygg.stderr || bygg.stdout || '').trim().split('\n').slice(-3).join(' ')}`,
    };
  }
}

// (c) Lookups against the embedded source (audited in an embedded database on disk).
if (!valg.hoppOver.has('c')) {
  const fil = join(arbeid, 'oppslag.jsonl');
  kjoerNode([join(BENCH, 'maal/oppslagsrader.ts'), fil, String(valg.oppslag)]);
  const runder: Oppsummering[] = [];
  const flereRunder: Oppsummering[] = [];
  const kjerner = brukbareKjerner();
  for (let i = 0; i < valg.runder; i++) {
    logg(`(c) ${valg.oppslag} oppslag, runde ${i + 1}`);
    const db = join(arbeid, `pglite-${i}`);
    runder.push(kjoerCli(fil, [], { INNTEKTSGRUNNLAG_DATA: db }));
    rmSync(db, { recursive: true, force: true });
    if (kjerner > 1) {
      // (c) on every core: fetching and calculating in the workers, the audit log in the main thread.
      logg(`(c) ${valg.oppslag} oppslag med --arbeidere ${kjerner}, runde ${i + 1}`);
      flereRunder.push(kjoerCli(fil, [], { INNTEKTSGRUNNLAG_DATA: db }, [], { arbeidere: kjerner }));
      rmSync(db, { recursive: true, force: true });
    }
  }
  logg('(c) profil av oppslagene');
  const profilmappe = join(arbeid, 'oppslagsprofil');
  mkdirSync(profilmappe, { recursive: true });
  const db = join(arbeid, 'pglite-profil');
  const profilert = kjoerCli(fil, [], { INNTEKTSGRUNNLAG_DATA: db }, [
    '--cpu-prof',
    `--cpu-prof-dir=${profilmappe}`,
  ]);
  rmSync(db, { recursive: true, force: true });
  const profilfil = readdirSync(profilmappe)
    .map((f) => join(profilmappe, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  maalinger.oppslag = {
    antall: valg.oppslag,
    perSekund: median(runder.map((o) => o.raderPerSekund)),
    ...(flereRunder.length > 0
      ? { flereKjerner: { arbeidere: kjerner, perSekund: median(flereRunder.map((o) => o.raderPerSekund)) } }
      : {}),
    ...(profilfil ? { profil: oppsummerProfil(profilfil, 15, profilert.varighetMs) } : {}),
  };
}

// (d) The API under load against a bare express echo.
if (!valg.hoppOver.has('d')) {
  if (!existsSync(join(ROT, 'apps/api/src/app.ts'))) {
    maalinger.api = { tilgjengelig: false, grunn: 'apps/api/src/app.ts finnes ikke' };
  } else {
    try {
      maalinger.api = { tilgjengelig: true, ...(await maalApi()) };
    } catch (e) {
      maalinger.api = { tilgjengelig: false, grunn: (e as Error).message.split('\n')[0] ?? '' };
    }
  }
}

/**
 * The heap flags the API is started with in production (`pnpm start` in apps/api/package.json, where
 * docs/api.md says why), so the benchmark measures the API as it runs. The echo app keeps Node's
 * defaults: it is the bare baseline.
 */
function apiHeapflagg(): string[] {
  const pakke = JSON.parse(readFileSync(join(ROT, 'apps/api/package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return pakke.scripts?.start?.match(/--max-(?:semi|old)-space-size=\d+/g) ?? [];
}

async function startServer(
  modus: string,
  nodeflagg: string[] = [],
): Promise<{ prosess: ChildProcess; port: number; sloeyfe: () => Promise<Sloeyfe> }> {
  const flagg = modus === 'ekko' ? nodeflagg : [...apiHeapflagg(), ...nodeflagg];
  const prosess = spawn(process.execPath, [...flagg, ...NODE, join(BENCH, 'maal/server.ts'), modus], {
    cwd: ROT,
    env: { ...process.env, INNTEKTSGRUNNLAG_DATA: ':minne:' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let feil = '';
  prosess.stderr?.on('data', (b: Buffer) => {
    feil += b.toString();
  });
  // The server's stdout is one JSON object per line: {"port"} first, then {"sloeyfe"} per SIGUSR2.
  const linjer: string[] = [];
  const ventere: Array<(linje: string) => void> = [];
  let rest = '';
  prosess.stdout?.on('data', (b: Buffer) => {
    rest += b.toString();
    let i = rest.indexOf('\n');
    while (i >= 0) {
      const linje = rest.slice(0, i);
      rest = rest.slice(i + 1);
      const v = ventere.shift();
      if (v) v(linje);
      else linjer.push(linje);
      i = rest.indexOf('\n');
    }
  });
  const nesteLinje = () =>
    new Promise<string>((ok, nei) => {
      const l = linjer.shift();
      if (l !== undefined) return ok(l);
      ventere.push(ok);
      prosess.once('exit', (kode) =>
        nei(new Error(`serveren (${modus}) endte med ${kode}: ${feil.slice(-1500)}`)),
      );
    });
  const port = (JSON.parse(await nesteLinje()) as { port: number }).port;
  const sloeyfe = async () => {
    prosess.kill('SIGUSR2');
    return (JSON.parse(await nesteLinje()) as { sloeyfe: Sloeyfe }).sloeyfe;
  };
  return { prosess, port, sloeyfe };
}

interface Sloeyfe {
  p50: number;
  p99: number;
  maks: number;
}

/** Stops a server and waits until it has exited (with --cpu-prof, the profile is written at exit). */
function stopp(prosess: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (prosess.exitCode !== null) return ok();
    prosess.once('exit', () => ok());
    prosess.kill('SIGTERM');
  });
}

async function last(url: string, kropp: unknown, hode: Record<string, string>, sekunder: number) {
  const r = await autocannon({
    url,
    connections: 200,
    duration: sekunder,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...hode },
    body: JSON.stringify(kropp),
  });
  // Which statuses came back other than 2xx (e.g. 503 when the server sheds load), and how many
  // requests timed out (autocannon's default: 10 s) or failed at the connection.
  const statuser = Object.entries(
    (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
  )
    .filter(([kode]) => !kode.startsWith('2'))
    .map(([kode, { count }]) => `${kode}×${count}`);
  return {
    perSekund: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    feil: r.errors + r.timeouts + r.non2xx,
    ikke2xx: r.non2xx,
    tidsavbrudd: r.timeouts,
    statuser,
    antall: r.requests.total,
  };
}

async function maalApi() {
  const ks = JSON.parse(
    readFileSync(join(ROT, 'testdata/ks-fiks/eksempel-langtidsopphold-2023.json'), 'utf8'),
  ) as {
    foresporsel: Record<string, unknown>;
  };
  const oppslagskropp = { ...ks.foresporsel, beregningsdato: '2024-06-01' };
  const lhl = JSON.parse(
    readFileSync(join(ROT, 'testdata/golden/langtidsopphold-lhl-2025-1.json'), 'utf8'),
  ) as {
    foresporsel: unknown;
  };
  const scenarier: Array<{
    navn: string;
    modus: string;
    sti: string;
    kropp: unknown;
    hode: Record<string, string>;
  }> = [
    { navn: 'ekko', modus: 'ekko', sti: '/ekko', kropp: oppslagskropp, hode: {} },
    {
      navn: 'api-oppslag',
      modus: 'api',
      sti: '/api/v1/beregning',
      kropp: oppslagskropp,
      hode: { authorization: 'Bearer demo-langtidsopphold' },
    },
    {
      navn: 'api-poster',
      modus: 'api',
      sti: '/api/v1/beregning',
      kropp: lhl.foresporsel,
      hode: { authorization: 'Bearer demo-langtidsopphold' },
    },
  ];
  const ut: Record<
    string,
    {
      perSekund: number;
      p50: number;
      p99: number;
      feil: number;
      tidsavbrudd: number;
      statuser: string[];
      sloeyfe: Sloeyfe;
    }
  > = {};
  for (const s of scenarier) {
    const server = await startServer(s.modus);
    try {
      const url = `http://127.0.0.1:${server.port}${s.sti}`;
      logg(`(d) ${s.navn}: oppvarming`);
      await last(url, s.kropp, s.hode, 2);
      const runder = [];
      const sloeyfer: Sloeyfe[] = [];
      for (let i = 0; i < valg.runder; i++) {
        logg(`(d) ${s.navn}: ${valg.sekunder} s med 200 samtidige, runde ${i + 1}`);
        await server.sloeyfe(); // starts the count over: only this run
        runder.push(await last(url, s.kropp, s.hode, valg.sekunder));
        sloeyfer.push(await server.sloeyfe());
      }
      ut[s.navn] = {
        perSekund: median(runder.map((r) => r.perSekund)),
        p50: median(runder.map((r) => r.p50)),
        p99: median(runder.map((r) => r.p99)),
        feil: runder.reduce((a, r) => a + r.feil, 0),
        tidsavbrudd: runder.reduce((a, r) => a + r.tidsavbrudd, 0),
        statuser: [...new Set(runder.flatMap((r) => r.statuser))],
        sloeyfe: {
          p50: median(sloeyfer.map((x) => x.p50)),
          p99: median(sloeyfer.map((x) => x.p99)),
          maks: Math.max(...sloeyfer.map((x) => x.maks)),
        },
      };
    } finally {
      await stopp(server.prosess);
    }
  }
  // One more api-oppslag run with the server under the CPU profiler: where a request's time goes.
  let profil: Profilsammendrag | undefined;
  const oppslag = scenarier.find((x) => x.navn === 'api-oppslag');
  if (oppslag) {
    const mappe = join(arbeid, 'api-profil');
    mkdirSync(mappe, { recursive: true });
    const server = await startServer(oppslag.modus, ['--cpu-prof', `--cpu-prof-dir=${mappe}`]);
    try {
      const url = `http://127.0.0.1:${server.port}${oppslag.sti}`;
      logg('(d) api-oppslag under CPU-profilering');
      await last(url, oppslag.kropp, oppslag.hode, 2);
      await last(url, oppslag.kropp, oppslag.hode, valg.sekunder);
    } finally {
      await stopp(server.prosess);
    }
    const filer = readdirSync(mappe)
      .map((f) => join(mappe, f))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    // The loaded run only: the last `sekunder` of the profile (start-up and warm-up excluded).
    if (filer[0]) profil = oppsummerProfil(filer[0], 15, valg.sekunder * 1000);
  }
  return {
    sekunder: valg.sekunder,
    apiNodeflagg: apiHeapflagg(),
    scenarier: ut,
    ...(profil ? { profil } : {}),
  };
}

noterLast(maskin);
maalinger.varighetSekunder = (performance.now() - start) / 1000;
writeFileSync(valg.ut, lagRapport(maalinger));
// The measurements themselves, to read or to write the report again without measuring.
if (env.BENCH_MAALINGER) writeFileSync(env.BENCH_MAALINGER, `${JSON.stringify(maalinger, null, 2)}\n`);
rmSync(arbeid, { recursive: true, force: true });
logg(`skrev ${valg.ut} (${Math.round(maalinger.varighetSekunder)} s)`);
