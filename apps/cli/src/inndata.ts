import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Lesestart } from './batch/linjeleser.js';
import { BrukerFeil, type Kontekst } from './kontekst.js';

export type Innformat = 'jsonl' | 'csv';

/**
 * What an input is, found by reading only its start (never the whole of a large file):
 * - `dokument`: the whole input is one JSON document (a request, or a golden case file whose
 *   `foresporsel` is used), possibly over several lines; the command answers it as one request;
 * - `rader`: JSON Lines or CSV, one request per row, to be streamed.
 */
export type Inndata =
  | { type: 'dokument'; data: unknown; navn: string }
  | {
      type: 'rader';
      format: Innformat;
      navn: string;
      /** The file's absolute path; null for standard input (which cannot be resumed). */
      fil: string | null;
      /** The input's size in bytes when known (a file): for the progress bar's share and ETA. */
      stoerrelse: number | null;
      /** Opens the input at a row boundary; standard input only once, from the start. */
      aapne(start?: Lesestart): AsyncIterable<Buffer>;
    };

/** A multi-line JSON document larger than this is not read whole: the input is taken as JSON Lines. */
const MAKS_DOKUMENT = 64 * 1024 * 1024;
const BLOKK = 1 << 20;

/** A golden case file carries the request under `foresporsel`. */
export function golden(data: unknown): unknown {
  if (data && typeof data === 'object' && 'foresporsel' in data && 'forventet' in data) {
    return (data as { foresporsel: unknown }).foresporsel;
  }
  return data;
}

/** Reads the start of an input chunk by chunk; what was read is kept so the input can be replayed. */
interface Forhaandsleser {
  /** Reads one more chunk; false at the end of the input. */
  mer(): Promise<boolean>;
  lest(): Buffer;
}

function forhaandFil(fd: number): Forhaandsleser {
  const deler: Buffer[] = [];
  let pos = 0;
  return {
    async mer() {
      const buf = Buffer.allocUnsafe(BLOKK);
      const n = readSync(fd, buf, 0, BLOKK, pos);
      if (n === 0) return false;
      deler.push(buf.subarray(0, n));
      pos += n;
      return true;
    },
    lest: () => Buffer.concat(deler),
  };
}

function forhaandStroem(iterator: AsyncIterator<Buffer | string>): Forhaandsleser {
  const deler: Buffer[] = [];
  return {
    async mer() {
      const r = await iterator.next();
      if (r.done) return false;
      deler.push(typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value);
      return true;
    },
    lest: () => Buffer.concat(deler),
  };
}

/** The first and second non-blank lines of what was read, and whether the first is complete. */
function ikkeTommeLinjer(
  buf: Buffer,
  ferdig: boolean,
): { foerste?: string; flere: boolean; komplett: boolean } {
  const tekst = buf.toString('utf8');
  const linjer = tekst.split('\n');
  // The last piece may be a partial line unless the input has ended.
  const hele = ferdig ? linjer : linjer.slice(0, -1);
  const ikkeTomme = hele.filter((l) => l.trim() !== '');
  const resten = ferdig ? '' : (linjer[linjer.length - 1] ?? '');
  return {
    ...(ikkeTomme[0] !== undefined ? { foerste: ikkeTomme[0].replace(/^\ufeff/, '') } : {}),
    flere: ikkeTomme.length > 1 || (ikkeTomme.length === 1 && resten.trim() !== ''),
    komplett: ikkeTomme.length > 0,
  };
}

function formatFraNavn(kilde: string): Innformat | null {
  const e = extname(kilde).toLowerCase();
  if (e === '.csv' || e === '.tsv') return 'csv';
  if (e === '.jsonl' || e === '.ndjson') return 'jsonl';
  return null;
}

function erJson(tekst: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(tekst) };
  } catch {
    return { ok: false };
  }
}

/**
 * Looks at an input (a file, or standard input for "-") and decides what it is. `format` forces JSON
 * Lines or CSV; otherwise a .csv/.tsv name means CSV, and the first character decides (`{` or `[`:
 * JSON, anything else: CSV). A JSON input whose only row is one document is a `dokument`, as is a
 * JSON document over several lines; more than one JSON line is JSON Lines.
 */
export async function undersoekInndata(
  kilde: string,
  { stdin, cwd }: Pick<Kontekst, 'stdin' | 'cwd'>,
  format?: Innformat,
): Promise<Inndata> {
  const navn = kilde === '-' ? 'standard inn' : kilde;
  let leser: Forhaandsleser;
  let fil: string | null = null;
  let stoerrelse: number | null = null;
  let fd: number | null = null;
  let stdinIterator: AsyncIterator<Buffer | string> | null = null;
  try {
    if (kilde === '-') {
      stdinIterator = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
      leser = forhaandStroem(stdinIterator);
    } else {
      fil = resolve(cwd, kilde);
      fd = openSync(fil, 'r');
      const st = fstatSync(fd);
      if (st.isDirectory()) throw Object.assign(new Error('er en mappe'), { code: 'EISDIR' });
      stoerrelse = st.size;
      leser = forhaandFil(fd);
    }
  } catch (e) {
    if (fd !== null) closeSync(fd);
    throw new BrukerFeil(`Kunne ikke lese ${navn}: ${(e as Error).message}`);
  }

  try {
    // Read until the first two non-blank lines are known (or the input ends).
    let ferdig = false;
    let syn = ikkeTommeLinjer(Buffer.alloc(0), false);
    for (;;) {
      syn = ikkeTommeLinjer(leser.lest(), ferdig);
      if (ferdig || (syn.komplett && syn.flere)) break;
      if (leser.lest().length > MAKS_DOKUMENT) break;
      ferdig = !(await leser.mer());
    }
    const lest = leser.lest();
    if (ferdig && lest.toString('utf8').trim() === '') {
      throw new BrukerFeil(`${kilde === '-' ? 'Standard inn' : kilde} er tom`);
    }
    const foerste = syn.foerste ?? lest.toString('utf8', 0, Math.min(lest.length, 4096)).trimStart();
    const valgt =
      format ?? formatFraNavn(kilde) ?? (/^\s*[[{]/.test(foerste.replace(/^\ufeff/, '')) ? 'jsonl' : 'csv');

    if (valgt === 'jsonl' && !format) {
      const linje = syn.foerste !== undefined ? erJson(syn.foerste) : { ok: false as const };
      if (linje.ok && !syn.flere) return { type: 'dokument', data: golden(linje.data), navn };
      if (!linje.ok) {
        // Perhaps one JSON document over several lines: read it whole, up to a bound.
        while (!ferdig && leser.lest().length <= MAKS_DOKUMENT) ferdig = !(await leser.mer());
        if (ferdig) {
          const alt = erJson(
            leser
              .lest()
              .toString('utf8')
              .replace(/^\ufeff/, ''),
          );
          if (alt.ok) return { type: 'dokument', data: golden(alt.data), navn };
          if (!syn.flere) {
            throw new BrukerFeil(`${kilde} er verken JSON eller JSON Lines: linje 1 er ikke gyldig JSON`);
          }
        }
      }
    }

    const forhaand = leser.lest();
    if (fil !== null) {
      const sti = fil;
      return {
        type: 'rader',
        format: valgt,
        navn,
        fil: sti,
        stoerrelse,
        aapne: (start?: Lesestart) =>
          createReadStream(sti, { start: start?.byte ?? 0, highWaterMark: BLOKK }) as AsyncIterable<Buffer>,
      };
    }
    const it = stdinIterator as AsyncIterator<Buffer | string>;
    let aapnet = false;
    return {
      type: 'rader',
      format: valgt,
      navn,
      fil: null,
      stoerrelse: null,
      aapne(start?: Lesestart) {
        if (aapnet || (start && start.byte !== 0)) {
          throw new BrukerFeil('Standard inn kan bare leses én gang, fra starten (--resume krever en fil).');
        }
        aapnet = true;
        return (async function* () {
          if (forhaand.length > 0) yield forhaand;
          for (;;) {
            const r = await it.next();
            if (r.done) return;
            yield typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
          }
        })();
      },
    };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
