import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { BrukerFeil } from '../kontekst.js';
import { PRIVAT_FIL } from './skriver.js';

/**
 * Where an interrupted run stopped, so `--resume` continues it without losing or repeating a row:
 * the input offset and line number of the first row not yet written, and how many bytes of the
 * output and error files belong to the rows before it. Written only after those bytes are fsynced;
 * on resume the files are cut back to exactly these lengths (anything written after the checkpoint
 * belongs to rows that will be done again).
 */
export interface Sjekkpunkt {
  versjon: 1;
  /** The input this checkpoint belongs to: size and a hash of its first 64 KiB. */
  inndata: { stoerrelse: number; hode: string };
  /** Options that decide the bytes written: resuming with others would mix two formats in one file. */
  format: { innformat: string; utformat: string; skilletegn: string };
  /** The first row not yet written: its byte offset in the input and its line number. */
  neste: { byte: number; linje: number };
  utdataBytes: number;
  feilfilBytes: number;
  antall: { rader: number; beregnet: number; feilet: number };
}

const erTall = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const erTekst = (v: unknown): v is string => typeof v === 'string';
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** Whether parsed JSON is a checkpoint of this version (every field present and of its type). */
export function erSjekkpunkt(v: unknown): v is Sjekkpunkt {
  const s = obj(v);
  const inn = obj(s.inndata);
  const f = obj(s.format);
  const n = obj(s.neste);
  const a = obj(s.antall);
  return (
    s.versjon === 1 &&
    erTall(inn.stoerrelse) &&
    erTekst(inn.hode) &&
    erTekst(f.innformat) &&
    erTekst(f.utformat) &&
    erTekst(f.skilletegn) &&
    erTall(n.byte) &&
    erTall(n.linje, 1) &&
    erTall(s.utdataBytes) &&
    erTall(s.feilfilBytes) &&
    erTall(a.rader) &&
    erTall(a.beregnet) &&
    erTall(a.feilet)
  );
}

export function sjekkpunktFil(utfil: string): string {
  return `${utfil}.sjekkpunkt.json`;
}

const HODE_BYTES = 64 * 1024;

/** Identifies an input file cheaply: its size and a SHA-256 of its first 64 KiB. */
export function inndataFingeravtrykk(fil: string, stoerrelse: number): Sjekkpunkt['inndata'] {
  const fd = openSync(fil, 'r');
  try {
    const buf = Buffer.alloc(Math.min(HODE_BYTES, stoerrelse));
    let lest = 0;
    while (lest < buf.length) {
      const n = readSync(fd, buf, lest, buf.length - lest, lest);
      if (n === 0) break;
      lest += n;
    }
    return { stoerrelse, hode: createHash('sha256').update(buf.subarray(0, lest)).digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/** Reads a checkpoint; null when there is none. A file we cannot read is a user error (exit 2). */
export function lesSjekkpunkt(fil: string): Sjekkpunkt | null {
  let tekst: string;
  try {
    tekst = readFileSync(fil, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BrukerFeil(`Kunne ikke lese sjekkpunktet ${fil}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(tekst);
  } catch {
    throw new BrukerFeil(`Sjekkpunktet ${fil} er ødelagt (ikke JSON); slett det for å begynne på nytt.`);
  }
  if (!erSjekkpunkt(data)) {
    throw new BrukerFeil(`Sjekkpunktet ${fil} har ukjent form; slett det for å begynne på nytt.`);
  }
  return data;
}

/**
 * Writes a checkpoint atomically: to a temporary file, fsynced, then renamed over the old one (and the
 * directory fsynced where the platform allows), so a crash leaves either the old or the new one.
 */
export function skrivSjekkpunkt(fil: string, s: Sjekkpunkt): void {
  const tmp = `${fil}.tmp`;
  const fd = openSync(tmp, 'w', PRIVAT_FIL);
  try {
    writeSync(fd, `${JSON.stringify(s, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, fil);
  try {
    const d = openSync(dirname(fil), 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

export function slettSjekkpunkt(fil: string): void {
  rmSync(fil, { force: true });
  rmSync(`${fil}.tmp`, { force: true });
}
