import type { Database, Sql } from './database.js';

/** The longest a cached entry lives on PostgreSQL, where other processes may write (docs/lagring.md). */
/**
 * Default bound on PostgreSQL: 0, no cache. Another API instance may write to the same database, and a
 * removed group membership or a revoked key must count from the next request everywhere (issue 13);
 * PostgreSQL reads are fast and do not block the event loop. An operator who accepts a delay sets a
 * bound with INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS.
 */
export const STANDARD_TILGANGSBUFFER_MS = 0;

/** The most entries kept; the oldest goes first (a flood of distinct users cannot grow memory). */
const MAKS_OPPFOERINGER = 2_000;

export interface Tilgangsbuffervalg {
  /**
   * How long an entry may be reused (ms). `Infinity`: only a write through this storage ends it (the
   * embedded database, which one process owns); a number: also at most this long (PostgreSQL, where
   * other instances write); 0 turns the cache off.
   */
  levetidMs: number;
  /** A monotonic clock in ms (tests pass their own). */
  klokke?: () => number;
}

interface Oppfoering {
  generasjon: number;
  tid: number;
  verdi: Promise<unknown>;
}

/**
 * The access data read on every request (roles, API keys, users and their effective roles through
 * groups), kept in memory. Every write through the same storage (any statement but a SELECT, any
 * transaction; see {@link medEndringsteller}) empties it and raises the generation, and a value read
 * while a write was under way is not kept: a change made through this process counts from the next
 * request, exactly as without the cache. Writes by other processes (PostgreSQL with several API
 * instances) are seen after at most `levetidMs`.
 */
export class Tilgangsbuffer {
  private generasjon = 0;
  private readonly oppfoeringer = new Map<string, Oppfoering>();
  private readonly levetid: number;
  private readonly klokke: () => number;

  constructor(valg: Tilgangsbuffervalg) {
    if (!(valg.levetidMs >= 0)) throw new RangeError('Tilgangsbufferens levetid må være ≥ 0 ms');
    this.levetid = valg.levetidMs;
    this.klokke = valg.klokke ?? (() => performance.now());
  }

  /** Something was written: nothing read before now is reused. */
  endret(): void {
    this.generasjon++;
    this.oppfoeringer.clear();
  }

  /**
   * The value under `noekkel`: reused while no write has happened and it is younger than the
   * lifetime, else read with `les`. Concurrent misses share one read. A failed read is not kept, nor
   * a value `behold` says no to (an unknown API key: anyone can send a thousand of those, and they
   * must not push the known ones out).
   */
  hent<T>(noekkel: string, les: () => Promise<T>, behold: (verdi: T) => boolean = () => true): Promise<T> {
    if (this.levetid === 0) return les();
    const naa = this.klokke();
    const o = this.oppfoeringer.get(noekkel);
    if (o && o.generasjon === this.generasjon && naa - o.tid < this.levetid) return o.verdi as Promise<T>;
    const generasjon = this.generasjon;
    const verdi = les();
    const ny: Oppfoering = { generasjon, tid: naa, verdi };
    if (this.oppfoeringer.size >= MAKS_OPPFOERINGER && !this.oppfoeringer.has(noekkel)) {
      const eldste = this.oppfoeringer.keys().next().value;
      if (eldste !== undefined) this.oppfoeringer.delete(eldste);
    }
    this.oppfoeringer.set(noekkel, ny);
    const glem = () => {
      if (this.oppfoeringer.get(noekkel) === ny) this.oppfoeringer.delete(noekkel);
    };
    verdi.then((v) => {
      if (!behold(v)) glem();
    }, glem);
    return verdi;
  }
}

/**
 * A single SELECT changes nothing: the cache survives it. Anything else counts as a write, also a
 * text with a second statement after a semicolon (without parameters, node-postgres runs them all).
 */
const LESING = /^\s*SELECT\b[^;]*;?\s*$/i;

/**
 * The database as the repositories see it: every statement that may write (anything but a plain
 * SELECT, every `exec`, every transaction) tells the cache, before it starts and after it ends (also
 * when it fails), so a read that overlapped it is never kept. The audit log is given the database
 * without this: its appends touch no access data, and the cache survives them.
 */
export function medEndringsteller(db: Database, buffer: Tilgangsbuffer): Database {
  const skriv = async <T>(fn: () => Promise<T>): Promise<T> => {
    buffer.endret();
    try {
      return await fn();
    } finally {
      buffer.endret();
    }
  };
  return {
    modus: db.modus,
    query<T = Record<string, unknown>>(tekst: string, parametre?: readonly unknown[]): Promise<T[]> {
      return LESING.test(tekst) ? db.query<T>(tekst, parametre) : skriv(() => db.query<T>(tekst, parametre));
    },
    exec: (tekst: string) => skriv(() => db.exec(tekst)),
    transaksjon: <T>(fn: (tx: Sql) => Promise<T>) => skriv(() => db.transaksjon(fn)),
    lukk: () => db.lukk(),
  };
}
