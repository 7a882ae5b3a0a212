import type { Linje } from './linjeleser.js';

/** The separators a CSV file may use: comma (RFC 4180), semicolon (Excel with Norwegian settings), tab. */
export const SKILLETEGN = [',', ';', '\t'] as const;
export type Skilletegn = (typeof SKILLETEGN)[number];

/** One CSV record: the line it starts on, where the next one starts, and its raw text. */
export interface CsvPost {
  linje: number;
  /** The line the record ends on (a quoted field may span lines). */
  sisteLinje: number;
  slutt: number;
  tekst: string;
}

/**
 * The separator of a file, from its header line: the candidate that occurs most often outside quotes
 * (a header naming our columns has at least one). Comma when none occurs (a one-column file).
 */
export function gjettSkilletegn(header: string): Skilletegn {
  let beste: Skilletegn = ',';
  let flest = 0;
  for (const s of SKILLETEGN) {
    let antall = 0;
    let iSitat = false;
    for (const c of header) {
      if (c === '"') iSitat = !iSitat;
      else if (c === s && !iSitat) antall++;
    }
    if (antall > flest) {
      beste = s;
      flest = antall;
    }
  }
  return beste;
}

function antallSitattegn(tekst: string): number {
  let n = 0;
  for (let i = tekst.indexOf('"'); i !== -1; i = tekst.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Joins lines into CSV records: a quoted field may hold line breaks, so a record ends only where the
 * quotes are balanced. Blank lines between records are skipped. A record still open at the end of the
 * input is returned as it is; {@link delCsv} then reports the unclosed quote for that row.
 */
export async function* csvPoster(linjer: AsyncIterable<Linje[]>): AsyncGenerator<CsvPost[]> {
  let aapen: { linje: number; deler: string[]; sitattegn: number } | null = null;
  let sisteSlutt = 0;
  let sisteLinje = 0;
  for await (const del of linjer) {
    const poster: CsvPost[] = [];
    for (const l of del) {
      sisteSlutt = l.slutt;
      sisteLinje = l.linje;
      if (aapen) {
        aapen.deler.push(l.tekst);
        aapen.sitattegn += antallSitattegn(l.tekst);
        if (aapen.sitattegn % 2 === 0) {
          poster.push({
            linje: aapen.linje,
            sisteLinje: l.linje,
            slutt: l.slutt,
            tekst: aapen.deler.join('\n'),
          });
          aapen = null;
        }
        continue;
      }
      if (l.tekst.trim() === '') continue;
      const n = antallSitattegn(l.tekst);
      if (n % 2 === 0) poster.push({ linje: l.linje, sisteLinje: l.linje, slutt: l.slutt, tekst: l.tekst });
      else aapen = { linje: l.linje, deler: [l.tekst], sitattegn: n };
    }
    if (poster.length > 0) yield poster;
  }
  if (aapen) {
    yield [{ linje: aapen.linje, sisteLinje, slutt: sisteSlutt, tekst: aapen.deler.join('\n') }];
  }
}

/**
 * The fields of one record (RFC 4180: a field in double quotes may hold the separator, line breaks and
 * doubled quotes). Fields are trimmed of surrounding spaces outside quotes.
 */
export function delCsv(tekst: string, skille: string): { felter: string[] } | { feil: string } {
  const felter: string[] = [];
  let i = 0;
  const n = tekst.length;
  for (;;) {
    while (i < n && tekst[i] === ' ') i++;
    if (tekst[i] === '"') {
      let verdi = '';
      i++;
      for (;;) {
        const j = tekst.indexOf('"', i);
        if (j === -1) return { feil: 'et felt i anførselstegn er ikke avsluttet' };
        verdi += tekst.slice(i, j);
        if (tekst[j + 1] === '"') {
          verdi += '"';
          i = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
      while (i < n && tekst[i] === ' ') i++;
      felter.push(verdi);
      if (i >= n) return { felter };
      if (tekst[i] !== skille)
        return { feil: `tegn etter avsluttende anførselstegn i felt ${felter.length}` };
      i++;
      continue;
    }
    const j = tekst.indexOf(skille, i);
    if (j === -1) {
      felter.push(tekst.slice(i).trim());
      return { felter };
    }
    felter.push(tekst.slice(i, j).trim());
    i = j + 1;
  }
}

const MAA_SITERES = /[",;\t\r\n]|^\s|\s$/;

/** One field for output: quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvFelt(verdi: string | number | boolean | null | undefined): string {
  if (verdi === null || verdi === undefined) return '';
  const tekst = String(verdi);
  return MAA_SITERES.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
}

/** One output record with its line break. */
export function csvLinje(
  felter: ReadonlyArray<string | number | boolean | null | undefined>,
  skille: Skilletegn,
): string {
  let ut = '';
  for (let i = 0; i < felter.length; i++) {
    if (i > 0) ut += skille;
    ut += csvFelt(felter[i]);
  }
  return `${ut}\n`;
}
