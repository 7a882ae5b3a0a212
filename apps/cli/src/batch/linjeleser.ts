import { BrukerFeil } from '../kontekst.js';

/** One line of input, with where it is: what a checkpoint and an error report need. */
export interface Linje {
  /** 1-based line number in the input. */
  linje: number;
  /** Byte offset just after the line and its line break: where the next line starts. */
  slutt: number;
  /** The text without its line break (and without a trailing CR). */
  tekst: string;
}

/** Where reading starts: byte offset and the line number of the line that starts there. */
export interface Lesestart {
  byte: number;
  linje: number;
}

/** A line longer than this is refused (a file without line breaks would otherwise be read whole). */
export const MAKS_LINJE_BYTES = 64 * 1024 * 1024;

/** A line too long to be a row: the input is unusable as JSON Lines or CSV (exit code 2). */
export class ForLangLinje extends BrukerFeil {
  constructor(readonly linje: number) {
    super(
      `Linje ${linje} er lengre enn ${MAKS_LINJE_BYTES / 1024 / 1024} MiB: er dette JSON Lines eller CSV?`,
    );
  }
}

const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

/**
 * Splits a byte stream into lines, a chunk at a time (one array per chunk read, so the caller's loop
 * does not pay an await per line). Memory stays bounded by the chunk size and the longest line: the
 * input is never held whole. Byte offsets are counted on the raw bytes, so a checkpoint can seek back
 * to exactly the next unread line; a UTF-8 BOM at the start of the input (Excel writes one) is dropped
 * from the text but counted in the offsets.
 */
export async function* lesLinjer(
  kilde: AsyncIterable<Buffer | string>,
  start: Lesestart = { byte: 0, linje: 1 },
): AsyncGenerator<Linje[]> {
  let rest: Buffer | null = null;
  let offset = start.byte;
  let linje = start.linje;
  let foerste = start.byte === 0;
  const tekst = (buf: Buffer, fra: number, til: number): string => {
    let slutt = til;
    if (slutt > fra && buf[slutt - 1] === CR) slutt--;
    let t = buf.toString('utf8', fra, slutt);
    if (foerste) {
      foerste = false;
      if (t.startsWith(BOM)) t = t.slice(1);
    }
    return t;
  };
  for await (const del of kilde) {
    let buf = typeof del === 'string' ? Buffer.from(del, 'utf8') : del;
    if (rest) {
      buf = Buffer.concat([rest, buf]);
      rest = null;
    }
    const linjer: Linje[] = [];
    let fra = 0;
    for (let i = buf.indexOf(LF, fra); i !== -1; i = buf.indexOf(LF, fra)) {
      offset += i + 1 - fra;
      linjer.push({ linje, slutt: offset, tekst: tekst(buf, fra, i) });
      linje++;
      fra = i + 1;
    }
    if (fra < buf.length) {
      rest = buf.subarray(fra);
      if (rest.length > MAKS_LINJE_BYTES) throw new ForLangLinje(linje);
    }
    if (linjer.length > 0) yield linjer;
  }
  if (rest && rest.length > 0) {
    offset += rest.length;
    yield [{ linje, slutt: offset, tekst: tekst(rest, 0, rest.length) }];
  }
}
