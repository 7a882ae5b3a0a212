import type { Writable } from 'node:stream';

/** What the progress line shows. */
export interface Fremdriftstall {
  /** Rows done in this run (written or failed). */
  ferdige: number;
  feilet: number;
  /** Input bytes consumed and the input's size, when known (a file): for the share and the ETA. */
  lestBytes: number;
  totalBytes: number | null;
  /** Seconds since the first row of this run was read. */
  sekunder: number;
}

const BREDDE = 24;
const tall = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

function varighet(sek: number): string {
  if (!Number.isFinite(sek) || sek < 0) return '–';
  const s = Math.round(sek);
  const t = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return t > 0 ? `${t}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/**
 * The progress line: a bar when the input's size is known, rows done, failed rows, rows per second and
 * the estimated time left (from the share of the input bytes consumed, which holds whether rows are
 * inline or lookups). Pure, for tests; {@link Fremdrift} draws it.
 */
export function fremdriftslinje(f: Fremdriftstall): string {
  const rate = f.sekunder > 0 ? f.ferdige / f.sekunder : 0;
  const deler: string[] = [];
  if (f.totalBytes && f.totalBytes > 0) {
    const andel = Math.min(1, f.lestBytes / f.totalBytes);
    const fylt = Math.round(andel * BREDDE);
    deler.push(`[${'#'.repeat(fylt)}${'.'.repeat(BREDDE - fylt)}] ${Math.floor(andel * 100)} %`);
    const igjen = andel > 0 ? (f.sekunder / andel) * (1 - andel) : Number.NaN;
    deler.push(
      `${tall.format(f.ferdige)} rader`,
      f.feilet > 0 ? `${tall.format(f.feilet)} feilet` : '',
      `${tall.format(rate)}/s`,
      `ETA ${varighet(igjen)}`,
    );
  } else {
    deler.push(
      `${tall.format(f.ferdige)} rader`,
      f.feilet > 0 ? `${tall.format(f.feilet)} feilet` : '',
      `${tall.format(rate)}/s`,
      'ETA –',
    );
  }
  return deler.filter(Boolean).join('  ');
}

/**
 * Draws the progress line on stderr when it is a terminal, at most five times a second, over itself
 * (carriage return, clear to end of line); {@link Fremdrift.avslutt} clears it before the summary.
 */
export class Fremdrift {
  private sist = 0;
  private tegnet = false;
  constructor(
    private readonly stroem: Writable,
    private readonly aktiv: boolean,
  ) {}

  /** Asked after every row: the numbers are only gathered (`tall()`) when a line is drawn. */
  oppdater(tall: () => Fremdriftstall, tvungen = false): void {
    if (!this.aktiv) return;
    const naa = performance.now();
    if (!tvungen && naa - this.sist < 200) return;
    this.sist = naa;
    this.stroem.write(`\r${fremdriftslinje(tall())}\x1b[K`);
    this.tegnet = true;
  }

  avslutt(): void {
    if (this.aktiv && this.tegnet) this.stroem.write('\r\x1b[K');
    this.tegnet = false;
  }
}
