import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import type { Inndata } from '../inndata.js';
import { golden } from '../inndata.js';
import { BrukerFeil, skriv } from '../kontekst.js';
import { type CsvPost, csvLinje, csvPoster, delCsv, gjettSkilletegn, type Skilletegn } from './csv.js';
import { Fremdrift } from './fremdrift.js';
import { type CsvSkjema, kolonneForFelt, lesCsvHeader, radTilForesporsel } from './kolonner.js';
import { type Lesestart, lesLinjer } from './linjeleser.js';
import {
  inndataFingeravtrykk,
  lesSjekkpunkt,
  type Sjekkpunkt,
  sjekkpunktFil,
  skrivSjekkpunkt,
  slettSjekkpunkt,
} from './sjekkpunkt.js';
import { Filskriver, type Skriver, Stroemskriver } from './skriver.js';

/** One row read: its line number (where it starts), where the next row starts, and its request. */
export interface Rad {
  rad: number;
  /** The request (JSON Lines: the parsed line; CSV: the row as a request). */
  data: unknown;
  /** The separator of CSV output (the same for the whole run, also a resumed one). */
  skilletegn: Skilletegn;
}

/** Why a row failed: a stable code and a message for the case worker (identifiers masked). */
export interface Radfeil {
  kode: string;
  melding: string;
}

/**
 * A row's output (with its line break): text, or that text already encoded as UTF-8 (a worker thread
 * encodes its rows, so the main thread only copies the bytes).
 */
export type Radtekst = string | Uint8Array;

/**
 * What the run does with a row: the output for it, or a thrown error that
 * {@link Batchoppsett.beskrivFeil} turns into a code and a message. The run goes on either way.
 */
export type Radbehandler = (rad: Rad) => Promise<Radtekst> | Radtekst;

export interface Batchoppsett {
  inndata: Extract<Inndata, { type: 'rader' }>;
  /** Output file; null writes to the stream `stdout`. */
  ut: string | null;
  stdout: Writable;
  stderr: Writable;
  /** Error file (CSV); null reports failed rows on stderr as «Linje N: …». */
  feilfil: string | null;
  /** The output format's name (recorded in the checkpoint) and the header line it starts with, if any. */
  utformat: string;
  /** Separator of CSV output and of the error file. */
  skilletegn: Skilletegn | null;
  utdataHeader?: (skilletegn: Skilletegn) => string;
  resume: boolean;
  /** Rows in flight at once (lookups run concurrently; output keeps the input's order). */
  samtidighet: number;
  behandle: Radbehandler;
  beskrivFeil: (e: unknown) => Radfeil;
  /** Draw the progress bar (stderr is a terminal). */
  fremdrift: boolean;
  /** Print the summary on stderr (a file output, a terminal, or failed rows always print it). */
  visOppsummering: boolean;
  /** Set to stop: rows in flight are finished and written, a checkpoint is written, exit code 130. */
  avbryt?: AbortSignal;
  /** Milliseconds between checkpoints while running (default 2000). */
  sjekkpunktIntervall?: number;
  /** How a CSV header and row are read (default: `beregn`'s columns, docs/batch.md). */
  csv?: CsvTolker;
}

/** A command's CSV columns: the header checked once, each row turned into the row's data. */
export interface CsvTolker {
  header(felter: readonly string[]): CsvSkjema;
  rad(felter: readonly string[], skjema: CsvSkjema): unknown;
}

const BEREGN_CSV: CsvTolker = { header: lesCsvHeader, rad: radTilForesporsel };

/** The machine-readable summary (`--oppsummering`), also what the run returns. */
export interface Oppsummering {
  /** Rows read (this run and, on resume, the runs before it). */
  rader: number;
  beregnet: number;
  feilet: number;
  /** Rows done by earlier runs (resume). */
  fraTidligere: number;
  avbrutt: boolean;
  /** Where to continue (the first row not done), when interrupted. */
  nesteLinje: number | null;
  /** This run: from the first row read to the last row written (start-up excluded). */
  varighetMs: number;
  raderPerSekund: number;
  utdataBytes: number;
  /** Peak resident memory of the process (bytes), at the end of the run. */
  maksRssBytes: number;
  avslutningskode: number;
}

/** A row that could not be read as a request (not JSON, a broken CSV record). */
export class UlesbarRad extends Error {
  override readonly name = 'UlesbarRad';
  constructor(
    readonly kode: 'UGYLDIG_JSON' | 'UGYLDIG_CSV',
    melding: string,
  ) {
    super(melding);
  }
}

const ELLEVE_SIFRE = /(?<!\d)\d{11}(?!\d)/g;

/** A message for a file or a terminal: every 11-digit number in it is masked, whatever produced it. */
export function maskerTekst(tekst: string): string {
  return tekst.replace(ELLEVE_SIFRE, (id) => maskerIdentifikator(id));
}

/** A Valideringsfeil as one line; for CSV input the fields are named by their column. */
export function valideringsfeilSomTekst(e: Valideringsfeil, csv: boolean): string {
  return e.feil
    .map((f) => `${(csv ? kolonneForFelt(f.felt) : f.felt) || '(forespørselen)'}: ${f.melding}`)
    .join('; ');
}

const tall = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

interface Utfall {
  rad: number;
  /** Where the next row starts (checkpoint). */
  neste: Lesestart;
  tekst?: Radtekst;
  feil?: Radfeil;
  saksreferanse?: string;
}

function saksreferanseI(data: unknown): string | undefined {
  // An etteroppgjør row carries it in its request (`foresporsel`).
  const d = data as { saksreferanse?: unknown; foresporsel?: { saksreferanse?: unknown } } | null;
  const s = d?.saksreferanse ?? d?.foresporsel?.saksreferanse;
  return typeof s === 'string' && s.length <= 100 ? s : undefined;
}

/** A row as read: its request, or why it could not be read (and its case reference, when it has one). */
interface Lest {
  rad: number;
  neste: Lesestart;
  data?: unknown;
  feil?: unknown;
  saksreferanse?: string;
}

/** The rows of the input, chunk by chunk, as requests (or as a parse failure for that row). */
async function* raderFra(
  oppsett: Batchoppsett,
  start: Lesestart,
  csv: CsvInndata | null,
): AsyncGenerator<Lest[]> {
  if (!csv) {
    for await (const del of lesLinjer(oppsett.inndata.aapne(start), start)) {
      const ut: Lest[] = [];
      for (const l of del) {
        if (l.tekst.trim() === '') continue;
        const neste = { byte: l.slutt, linje: l.linje + 1 };
        try {
          ut.push({ rad: l.linje, neste, data: golden(JSON.parse(l.tekst)) });
        } catch (e) {
          ut.push({
            rad: l.linje,
            neste,
            feil: new UlesbarRad('UGYLDIG_JSON', `ikke gyldig JSON: ${(e as Error).message}`),
          });
        }
      }
      if (ut.length > 0) yield ut;
    }
    return;
  }
  const { skjema, skilletegn } = csv;
  const saksreferanseKolonne = skjema.indeks.get('saksreferanse');
  for await (const del of csv.posterFra(start)) {
    yield del.map((p): Lest => {
      const neste = { byte: p.slutt, linje: p.sisteLinje + 1 };
      const felter = delCsv(p.tekst, skilletegn);
      if ('feil' in felter) {
        return {
          rad: p.linje,
          neste,
          feil: new UlesbarRad('UGYLDIG_CSV', `ikke gyldig CSV: ${felter.feil}`),
        };
      }
      // The case reference names the row in the error file even when the row is not a valid request.
      const ref = saksreferanseKolonne === undefined ? undefined : felter.felter[saksreferanseKolonne];
      const saksreferanse = ref && ref.length <= 100 ? { saksreferanse: ref } : {};
      try {
        return {
          rad: p.linje,
          neste,
          data: (oppsett.csv ?? BEREGN_CSV).rad(felter.felter, skjema),
          ...saksreferanse,
        };
      } catch (e) {
        return { rad: p.linje, neste, feil: e, ...saksreferanse };
      }
    });
  }
}

/**
 * A CSV input whose header has been read: its columns, its separator, where the first data row starts,
 * and the records after the header. The header is read from the same stream the rows then come from:
 * standard input can be read only once, and a pipe cannot be rewound.
 */
interface CsvInndata {
  skjema: CsvSkjema;
  skilletegn: Skilletegn;
  start: Lesestart;
  /**
   * The records from `fra` on, taken once. From where the header ended, the header's stream goes on;
   * a resumed run starts further on, and its file is opened again there rather than read up to it.
   */
  posterFra(start: Lesestart): AsyncIterable<CsvPost[]>;
  /** Closes the stream the header was read from, whether or not the run took it (idempotent). */
  lukk(): Promise<void>;
}

/** Reads the header of a CSV input and keeps the stream open for the rows after it. */
async function lesHeader(oppsett: Batchoppsett): Promise<CsvInndata> {
  const { inndata } = oppsett;
  const poster = csvPoster(lesLinjer(inndata.aapne()));
  try {
    // csvPoster yields only non-empty chunks, so the first chunk's first record is the header.
    const foerste = await poster.next();
    const header = foerste.done ? undefined : foerste.value[0];
    if (!header) throw new BrukerFeil(`${inndata.navn} har ingen CSV-overskrift`);
    const skilletegn = gjettSkilletegn(header.tekst);
    const felter = delCsv(header.tekst, skilletegn);
    if ('feil' in felter) throw new BrukerFeil(`CSV-overskriften kan ikke leses: ${felter.feil}`);
    const skjema = (oppsett.csv ?? BEREGN_CSV).header(felter.felter);
    const start = { byte: header.slutt, linje: header.sisteLinje + 1 };
    const resten = (foerste.value as CsvPost[]).slice(1);
    return {
      skjema,
      skilletegn,
      start,
      async *posterFra(fra) {
        if (fra.byte === start.byte && fra.linje === start.linje) {
          if (resten.length > 0) yield resten;
          yield* poster;
          return;
        }
        // A resumed run: only a file can be resumed (kjoerBatch refuses --resume on standard input).
        await poster.return(undefined);
        yield* csvPoster(lesLinjer(inndata.aapne(fra), fra));
      },
      async lukk() {
        // A generator's return() is a no-op once it has finished, so this is safe after the run too.
        await poster.return(undefined);
      },
    };
  } catch (e) {
    await poster.return(undefined);
    throw e;
  }
}

/**
 * Runs a batch: reads the rows as a stream (memory stays flat in the number of rows), runs up to
 * `samtidighet` rows at once, writes each row's output in input order, sends each failed row to the
 * error file and goes on, draws progress, writes a checkpoint every few seconds and when stopped, and
 * ends with a summary. Exit code 0 when every row succeeded, 1 when some failed, 130 when stopped;
 * input it cannot use at all throws BrukerFeil (exit code 2).
 */
export async function kjoerBatch(oppsett: Batchoppsett): Promise<Oppsummering> {
  const { inndata } = oppsett;
  if (oppsett.resume && (!oppsett.ut || !inndata.fil)) {
    throw new BrukerFeil('--resume krever at inndata er en fil og at utdata skrives til en fil (--ut).');
  }
  for (const [navn, fil] of [
    ['--ut', oppsett.ut],
    ['--feilfil', oppsett.feilfil],
  ] as const) {
    // Opening the output would empty the input before a row is read.
    if (fil && inndata.fil && resolve(fil) === resolve(inndata.fil)) {
      throw new BrukerFeil(`${navn} kan ikke være inndatafilen selv (${inndata.navn}).`);
    }
  }
  const csv = inndata.format === 'csv' ? await lesHeader(oppsett) : null;
  try {
    return await kjoer(oppsett, csv);
  } finally {
    // The header's stream stays open until the run takes it; a refused --resume must still close it.
    await csv?.lukk();
  }
}

async function kjoer(oppsett: Batchoppsett, csv: CsvInndata | null): Promise<Oppsummering> {
  const { inndata } = oppsett;
  const skilletegn: Skilletegn = oppsett.skilletegn ?? csv?.skilletegn ?? ',';
  const format = { innformat: inndata.format, utformat: oppsett.utformat, skilletegn };
  const sjekkpunktSti = oppsett.ut ? sjekkpunktFil(oppsett.ut) : null;
  const fingeravtrykk =
    inndata.fil && inndata.stoerrelse !== null ? inndataFingeravtrykk(inndata.fil, inndata.stoerrelse) : null;

  // Where to start: a checkpoint on --resume; without --resume an existing checkpoint is refused, so
  // an interrupted run is never overwritten by mistake.
  let forrige: Sjekkpunkt | null = null;
  if (sjekkpunktSti) {
    forrige = lesSjekkpunkt(sjekkpunktSti);
    if (forrige && !oppsett.resume) {
      throw new BrukerFeil(
        `${oppsett.ut} er fra en avbrutt kjøring (sjekkpunkt ${sjekkpunktSti}): fortsett med --resume, eller slett sjekkpunktet for å begynne på nytt.`,
      );
    }
    if (
      oppsett.resume &&
      !forrige &&
      existsSync(oppsett.ut as string) &&
      statSync(oppsett.ut as string).size > 0
    ) {
      throw new BrukerFeil(
        `Ingen sjekkpunkt for ${oppsett.ut}: kjøringen ble fullført eller aldri avbrutt, og kan ikke fortsettes. Kjør uten --resume for å begynne på nytt.`,
      );
    }
    if (forrige) {
      if (
        !fingeravtrykk ||
        forrige.inndata.stoerrelse !== fingeravtrykk.stoerrelse ||
        forrige.inndata.hode !== fingeravtrykk.hode
      ) {
        throw new BrukerFeil(
          `Inndata er endret siden den avbrutte kjøringen; den kan ikke fortsettes (${sjekkpunktSti}).`,
        );
      }
      if (JSON.stringify(forrige.format) !== JSON.stringify(format)) {
        throw new BrukerFeil(
          `Den avbrutte kjøringen brukte ${JSON.stringify(forrige.format)}; fortsett med de samme valgene.`,
        );
      }
      const lengde = (f: string | null) => (f && existsSync(f) ? statSync(f).size : -1);
      if (
        lengde(oppsett.ut) < forrige.utdataBytes ||
        (oppsett.feilfil && lengde(oppsett.feilfil) < forrige.feilfilBytes)
      ) {
        throw new BrukerFeil(
          'Utdata er kortere enn sjekkpunktet sier: filene er endret, og kjøringen kan ikke fortsettes.',
        );
      }
    }
  }

  const ut: Skriver = oppsett.ut
    ? new Filskriver(oppsett.ut, forrige ? forrige.utdataBytes : null)
    : new Stroemskriver(oppsett.stdout);
  const feilut: Skriver | null = oppsett.feilfil
    ? new Filskriver(oppsett.feilfil, forrige ? forrige.feilfilBytes : null)
    : null;
  if (!forrige) {
    if (oppsett.utdataHeader) ut.skriv(oppsett.utdataHeader(skilletegn));
    feilut?.skriv(csvLinje(['rad', 'saksreferanse', 'kode', 'melding'], skilletegn));
  }

  const start: Lesestart = forrige?.neste ?? csv?.start ?? { byte: 0, linje: 1 };
  const antall = { ...(forrige?.antall ?? { rader: 0, beregnet: 0, feilet: 0 }) };
  const fraTidligere = antall.rader;
  let neste: Lesestart = start;
  const fremdrift = new Fremdrift(oppsett.stderr, oppsett.fremdrift);
  let foersteLest: number | null = null;
  let sistSkrevet = 0;
  let sistSjekkpunkt = performance.now();
  const intervall = oppsett.sjekkpunktIntervall ?? 2000;

  const lagreSjekkpunkt = async () => {
    await ut.sikre();
    await feilut?.sikre();
    if (!sjekkpunktSti || !fingeravtrykk) return;
    skrivSjekkpunkt(sjekkpunktSti, {
      versjon: 1,
      inndata: fingeravtrykk,
      format,
      neste,
      utdataBytes: ut.bytes,
      feilfilBytes: feilut?.bytes ?? 0,
      antall,
    });
  };

  /**
   * A periodic checkpoint, at a row boundary. The rows still in flight are not waited for: `neste`
   * and the bytes of the output and the error file all stop at the last row written, and the rows in
   * flight come after it, so a resume does them again, once. (Waiting for them would empty the window
   * at every checkpoint, leaving slow lookups idle.)
   */
  const sjekkpunktUnderveis = async () => {
    await lagreSjekkpunkt();
    sistSjekkpunkt = performance.now();
  };

  const tall = () => ({
    ferdige: antall.rader - fraTidligere,
    feilet: antall.feilet,
    lestBytes: neste.byte,
    totalBytes: inndata.stoerrelse,
    sekunder: foersteLest === null ? 0 : (performance.now() - foersteLest) / 1000,
  });

  const skrivUtfall = (u: Utfall) => {
    antall.rader++;
    if (u.feil) {
      antall.feilet++;
      const melding = maskerTekst(u.feil.melding);
      if (feilut) feilut.skriv(csvLinje([u.rad, u.saksreferanse ?? '', u.feil.kode, melding], skilletegn));
      else skriv(oppsett.stderr, `Linje ${u.rad}: ${melding}`);
    } else {
      antall.beregnet++;
      ut.skriv(u.tekst ?? '');
    }
    neste = u.neste;
  };

  const behandle = async (r: Lest): Promise<Utfall> => {
    const saksreferanse = r.saksreferanse ?? saksreferanseI(r.data);
    const grunnlag = { rad: r.rad, neste: r.neste, ...(saksreferanse ? { saksreferanse } : {}) };
    if (r.feil !== undefined) return { ...grunnlag, feil: oppsett.beskrivFeil(r.feil) };
    try {
      return { ...grunnlag, tekst: await oppsett.behandle({ rad: r.rad, data: r.data, skilletegn }) };
    } catch (e) {
      return { ...grunnlag, feil: oppsett.beskrivFeil(e) };
    }
  };

  const vindu: Array<Promise<Utfall>> = [];
  const samtidighet = Math.max(1, oppsett.samtidighet);
  let avbrutt = false;
  let ferdigLest = false;
  try {
    for await (const del of raderFra(oppsett, start, csv)) {
      foersteLest ??= performance.now();
      for (const r of del) {
        if (oppsett.avbryt?.aborted) {
          avbrutt = true;
          break;
        }
        vindu.push(behandle(r));
        if (vindu.length >= samtidighet) {
          skrivUtfall(await (vindu.shift() as Promise<Utfall>));
          if (ut.full) await ut.toem();
          if (feilut?.full) await feilut.toem();
        }
        // Asked on every row, not every n rows: with slow lookups (~10 rows/s) n rows take seconds, and
        // the bar and the checkpoints would lag that far behind. A clock read costs tens of nanoseconds
        // against about 200 µs for the fastest rows (inline posts; docs/benchmarks.md), so they do not
        // notice.
        if (performance.now() - sistSjekkpunkt >= intervall) await sjekkpunktUnderveis();
        fremdrift.oppdater(tall);
      }
      if (avbrutt) break;
    }
    ferdigLest = !avbrutt;
    // The last rows in flight may be slow lookups too: keep the bar and the checkpoints going.
    while (vindu.length > 0) {
      skrivUtfall(await (vindu.shift() as Promise<Utfall>));
      if (performance.now() - sistSjekkpunkt >= intervall) await sjekkpunktUnderveis();
      fremdrift.oppdater(tall);
    }
    await ut.toem();
    await feilut?.toem();
    sistSkrevet = performance.now();
    fremdrift.oppdater(tall, true);
  } finally {
    fremdrift.avslutt();
    // Whatever happened, rows already written are kept and, with a checkpoint, can be continued.
    if (!ferdigLest) {
      try {
        while (vindu.length > 0) skrivUtfall(await (vindu.shift() as Promise<Utfall>));
        await lagreSjekkpunkt();
      } catch {
        // The original error is the one to report.
      }
    }
    await ut.lukk();
    await feilut?.lukk();
  }
  if (ferdigLest && sjekkpunktSti) slettSjekkpunkt(sjekkpunktSti);

  const varighetMs = foersteLest === null ? 0 : sistSkrevet - foersteLest;
  const avslutningskode = avbrutt ? 130 : antall.feilet > 0 ? 1 : 0;
  const oppsummering: Oppsummering = {
    ...antall,
    fraTidligere,
    avbrutt,
    nesteLinje: avbrutt ? neste.linje : null,
    varighetMs: Math.round(varighetMs * 1000) / 1000,
    raderPerSekund: varighetMs > 0 ? Math.round(((antall.rader - fraTidligere) / varighetMs) * 1000) : 0,
    utdataBytes: ut.bytes,
    maksRssBytes: process.resourceUsage().maxRSS * 1024,
    avslutningskode,
  };
  if (oppsett.visOppsummering || antall.feilet > 0 || avbrutt) {
    skriv(oppsett.stderr, oppsummeringstekst(oppsummering, oppsett));
  }
  return oppsummering;
}

function oppsummeringstekst(o: Oppsummering, oppsett: Batchoppsett): string {
  const deler = [
    `${tall.format(o.rader)} ${o.rader === 1 ? 'rad' : 'rader'}: ${tall.format(o.beregnet)} beregnet, ${tall.format(o.feilet)} feilet`,
  ];
  if (o.feilet > 0 && oppsett.feilfil) deler.push(`(se ${oppsett.feilfil})`);
  const linjer = [`${o.avbrutt ? 'Avbrutt' : 'Ferdig'}: ${deler.join(' ')}.`];
  if (o.fraTidligere > 0)
    linjer.push(`${tall.format(o.fraTidligere)} av radene var gjort i en tidligere kjøring.`);
  const sek = o.varighetMs / 1000;
  linjer.push(
    `Denne kjøringen: ${tall.format(o.rader - o.fraTidligere)} rader på ${sek.toLocaleString('nb-NO', { maximumFractionDigits: 1 })} s (${tall.format(o.raderPerSekund)} rader/s).`,
  );
  if (o.avbrutt) {
    linjer.push(
      oppsett.ut
        ? `Sjekkpunkt skrevet; neste rad er linje ${o.nesteLinje}. Fortsett med samme kommando og --resume.`
        : `Neste rad er linje ${o.nesteLinje}. (Med --ut <fil> kan en avbrutt kjøring fortsettes med --resume.)`,
    );
  }
  return linjer.join('\n');
}
