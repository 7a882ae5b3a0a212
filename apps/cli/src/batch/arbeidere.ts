import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Rad, Radbehandler, Radfeil } from './kjoering.js';

/**
 * `--arbeidere N`: the rows of a batch spread over N worker threads (`node:worker_threads`).
 *
 * The run itself (reading, the ordered window, output in input order, the error file, checkpoints,
 * resume, progress) stays in the main thread, unchanged: the pool is only its {@link Radbehandler}.
 * Each worker builds the same row handler as the in-process path (`lagRadbehandler` in
 * kommandoer/beregn.ts) from the same options, so a row gives the same bytes wherever it runs.
 *
 * What a worker cannot own stays in the main thread and is reached by a message: the storage (the
 * embedded database belongs to one process; the audit log's chain and group commit stay in one
 * place), and the clock (each row carries the instant the main thread's clock gave when it was sent,
 * so a fixed clock in a test is fixed in the workers too).
 *
 * Rows go to a worker in groups (one message per group, not per row) and the answers come back the
 * same way; a group is sent when it is full or at the end of the current turn of the event loop.
 */

/** Rows per message to a worker. */
const GRUPPE = 32;

/** A row's failure already described in the worker (its code and message, as the run writes them). */
export class BeskrevetRadfeil extends Error {
  override readonly name = 'BeskrevetRadfeil';
  constructor(readonly radfeil: Radfeil) {
    super(radfeil.melding);
  }
}

/** A worker thread failed or stopped: the run stops (rows written so far are kept, and it can be resumed). */
export class ArbeiderFeil extends Error {
  override readonly name = 'ArbeiderFeil';
}

/**
 * Below this input size the default is one thread: starting a worker (its modules, its rules and
 * tables) takes about as long as a few thousand rows, so a small file would only wait for it.
 */
export const MINSTE_FIL_FOR_ARBEIDERE = 1024 * 1024;

/**
 * The default number of workers: the cores this process may use, for an input of at least
 * {@link MINSTE_FIL_FOR_ARBEIDERE} bytes or of unknown size (standard input); 1 for a smaller file.
 */
export function standardArbeidere(stoerrelse: number | null): number {
  if (stoerrelse !== null && stoerrelse < MINSTE_FIL_FOR_ARBEIDERE) return 1;
  return availableParallelism();
}

/**
 * Collects items through this turn of the event loop and hands them on together at its end
 * (`setImmediate`): one message, or one group for the audit log, instead of one per item.
 */
export function perTur<T>(videre: (alle: T[]) => void): (x: T) => void {
  let samlet: T[] = [];
  return (x) => {
    samlet.push(x);
    if (samlet.length > 1) return;
    setImmediate(() => {
      const alle = samlet;
      samlet = [];
      videre(alle);
    });
  };
}

/** A storage call's answer: its value, or the error's name and message. */
type Lagringssvar = { id: number; verdi?: unknown; feil?: { navn: string; melding: string } };

/** What the main thread sends a worker. */
export type TilArbeider =
  | {
      type: 'rader';
      rader: Array<{ id: number; rad: number; data: unknown; skilletegn: Rad['skilletegn']; naa: number }>;
    }
  /** The answers to storage calls that were ready in the same turn of the event loop. */
  | { type: 'lagringSvar'; svar: Lagringssvar[] };

/** What a worker sends the main thread. */
export type FraArbeider =
  | { type: 'klar' }
  | { type: 'startfeil'; melding: string }
  /**
   * A group's rows: each row's output is `bytes[fra, til)` (UTF-8, encoded in the worker; the buffer
   * is transferred, not copied), or its described failure.
   */
  | {
      type: 'svar';
      svar: Array<{ id: number; fra?: number; til?: number; feil?: Radfeil }>;
      bytes: ArrayBuffer;
    }
  /** The storage calls a worker made in one turn of its event loop. */
  | { type: 'lagring'; kall: Array<{ id: number; sti: [string, string]; argumenter: unknown[] }> };

type Lagringskall = Extract<FraArbeider, { type: 'lagring' }>['kall'][number];

export interface Arbeideroppsett {
  antall: number;
  /** Passed to each worker as `workerData` (the options it builds its row handler from). */
  data: unknown;
  /** The main thread's storage: a worker's calls `lagring.<gruppe>.<metode>(…)` run on it. */
  lagring: object;
  /** The main thread's clock, read as each row is sent. */
  klokke: () => Date;
}

interface Ventende {
  loes: (tekst: Uint8Array) => void;
  avvis: (e: unknown) => void;
}

interface Arbeider {
  worker: Worker;
  /** Rows sent and not yet answered. */
  iArbeid: number;
  /** Answers a storage call: sent with the others ready in this turn of the event loop. */
  svar: (s: Lagringssvar) => void;
}

/** The worker's module: the TypeScript source when running from source (tsx), the built file otherwise. */
function arbeiderfil(): { fil: URL; execArgv?: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      fil: new URL('./arbeider-kilde.mjs', import.meta.url),
      execArgv: ['--conditions=@inntektsgrunnlag/source'],
    };
  }
  // The built CLI (tsup) has this module bundled into dist/main.js and the worker beside it.
  return { fil: new URL('./arbeider.js', import.meta.url) };
}

export class Arbeiderpool {
  private readonly arbeidere: Arbeider[] = [];
  private readonly ventende = new Map<number, Ventende>();
  private nesteId = 0;
  private gruppe: Extract<TilArbeider, { type: 'rader' }>['rader'] = [];
  private sendPlanlagt = false;
  private feil: ArbeiderFeil | null = null;
  private lukket = false;
  /**
   * A worker's audit entry waits for the end of this turn of the event loop, so that the entries of
   * every message received in it go to the log together: all but the last marked `flereKommer`, so
   * the log appends them in one transaction (group commit, packages/lagring). Handed over one by one
   * as they came, the embedded database's synchronous appends would each take the first entry alone.
   * Each caller is still answered only once its entry is committed.
   */
  private readonly revisjon = perTur<{ arbeider: Arbeider; kall: Lagringskall }>((alle) => {
    for (const [i, { arbeider, kall }] of alle.entries()) {
      if (i < alle.length - 1) {
        const [post, valg] = kall.argumenter;
        kall.argumenter = [post, { ...(valg as object | undefined), flereKommer: true }];
      }
      void this.lagringskall(arbeider, kall);
    }
  });

  private constructor(private readonly oppsett: Arbeideroppsett) {}

  /** Starts the workers and waits until each has built its row handler (or one fails to). */
  static async start(oppsett: Arbeideroppsett): Promise<Arbeiderpool> {
    const pool = new Arbeiderpool(oppsett);
    const { fil, execArgv } = arbeiderfil();
    const klare = [];
    for (let i = 0; i < oppsett.antall; i++) {
      const worker = new Worker(fil, { workerData: oppsett.data, ...(execArgv ? { execArgv } : {}) });
      const arbeider: Arbeider = {
        worker,
        iArbeid: 0,
        svar: perTur((svar) => {
          if (!pool.lukket) worker.postMessage({ type: 'lagringSvar', svar } satisfies TilArbeider);
        }),
      };
      pool.arbeidere.push(arbeider);
      klare.push(
        new Promise<void>((loes, avvis) => {
          worker.once('message', (m: FraArbeider) => {
            if (m.type === 'klar') loes();
            else if (m.type === 'startfeil') avvis(new ArbeiderFeil(m.melding));
            else avvis(new ArbeiderFeil(`Arbeidstråden svarte ${m.type} før den var klar`));
            worker.on('message', (melding: FraArbeider) => pool.motta(arbeider, melding));
          });
          worker.once('error', (e) =>
            avvis(new ArbeiderFeil(`Arbeidstråden kunne ikke starte: ${e.message}`)),
          );
        }),
      );
      worker.on('error', (e) => pool.stopp(new ArbeiderFeil(`En arbeidstråd feilet: ${e.message}`)));
      worker.on('exit', (kode) => {
        if (!pool.lukket) pool.stopp(new ArbeiderFeil(`En arbeidstråd stoppet (kode ${kode})`));
      });
    }
    try {
      await Promise.all(klare);
    } catch (e) {
      await pool.lukk();
      throw e;
    }
    return pool;
  }

  /** The run's row handler: the row goes to a worker, and its text (or its described failure) comes back. */
  readonly behandle: Radbehandler = (rad) => {
    if (this.feil) return Promise.reject(this.feil);
    const id = this.nesteId++;
    const svar = new Promise<Uint8Array>((loes, avvis) => this.ventende.set(id, { loes, avvis }));
    this.gruppe.push({
      id,
      rad: rad.rad,
      data: rad.data,
      skilletegn: rad.skilletegn,
      naa: this.oppsett.klokke().getTime(),
    });
    if (this.gruppe.length >= GRUPPE) this.send();
    else if (!this.sendPlanlagt) {
      this.sendPlanlagt = true;
      setImmediate(() => {
        this.sendPlanlagt = false;
        this.send();
      });
    }
    return svar;
  };

  private send(): void {
    if (this.gruppe.length === 0) return;
    const rader = this.gruppe;
    this.gruppe = [];
    // The least busy worker: the rows take about the same time, so the groups spread evenly.
    let valgt = this.arbeidere[0] as Arbeider;
    for (const a of this.arbeidere) if (a.iArbeid < valgt.iArbeid) valgt = a;
    valgt.iArbeid += rader.length;
    valgt.worker.postMessage({ type: 'rader', rader } satisfies TilArbeider);
  }

  private motta(arbeider: Arbeider, m: FraArbeider): void {
    if (m.type === 'svar') {
      arbeider.iArbeid -= m.svar.length;
      for (const s of m.svar) {
        const v = this.ventende.get(s.id);
        if (!v) continue;
        this.ventende.delete(s.id);
        if (s.feil) v.avvis(new BeskrevetRadfeil(s.feil));
        else v.loes(new Uint8Array(m.bytes, s.fra ?? 0, (s.til ?? 0) - (s.fra ?? 0)));
      }
    } else if (m.type === 'lagring') {
      for (const kall of m.kall) {
        if (kall.sti[0] === 'revisjonslogg' && kall.sti[1] === 'skriv') this.revisjon({ arbeider, kall });
        else void this.lagringskall(arbeider, kall);
      }
    }
  }

  /** A worker's call on the storage, run on the main thread's; answered with the others of this turn. */
  private async lagringskall(arbeider: Arbeider, kall: Lagringskall) {
    const [gruppe, metode] = kall.sti;
    let svar: Lagringssvar;
    try {
      const maal = (this.oppsett.lagring as Record<string, Record<string, unknown>>)[gruppe];
      const f = maal?.[metode];
      if (typeof f !== 'function') throw new Error(`lagring.${gruppe}.${metode} finnes ikke`);
      svar = { id: kall.id, verdi: await f.apply(maal, kall.argumenter) };
    } catch (e) {
      const feil = e instanceof Error ? e : new Error(String(e));
      svar = { id: kall.id, feil: { navn: feil.name, melding: feil.message } };
    }
    if (!this.lukket) arbeider.svar(svar);
  }

  /** Every row still waiting fails with `feil`; later rows are refused with it at once. */
  private stopp(feil: ArbeiderFeil): void {
    if (this.feil) return;
    this.feil = feil;
    for (const v of this.ventende.values()) v.avvis(feil);
    this.ventende.clear();
  }

  async lukk(): Promise<void> {
    this.lukket = true;
    await Promise.all(this.arbeidere.map((a) => a.worker.terminate()));
  }
}
