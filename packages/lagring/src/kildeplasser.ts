import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LagringFeil, type Sql } from './database.js';

/** Runs a task when one of the organisation's slots for an API is free (the kilder package's Plassbegrenser). */
export interface DeltPlassbegrenser {
  kjoer<T>(oppgave: () => Promise<T>): Promise<T>;
}

export interface Kildeplassvalg {
  /** Calls at once per API for the whole organisation (default 5, as Skatteetaten asks). */
  maks?: number;
  /**
   * How long a slot is held before it counts as abandoned (a process that died). Longer than any one
   * attempt may take (KILDE_TIDSAVBRUDD_MS), or a slow but live call would lose its slot.
   */
  leieMs: number;
  /** Pause between tries while every slot is taken (default 10–30 ms, jittered). */
  ventMs?: () => number;
  /**
   * The longest a call waits for a slot (default 30 s, a lookup's deadline KILDE_FRIST_MS); then it
   * fails with {@link LagringFeil} (503 in the API) instead of waiting for ever on a database that is gone.
   */
  maksVentMs?: number;
}

const sov = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The organisation's call slots per API in PostgreSQL (table `kildeplasser`, migration 0009), shared
 * by every instance and batch on the database. Taking a slot is one UPDATE that picks a free or
 * expired row with `FOR UPDATE SKIP LOCKED`, so two processes never take the same one; releasing is
 * one UPDATE guarded by the owner id, so a slot that expired and was taken by another is not freed by
 * the late first owner. A database error while waiting is retried (the connection may have been
 * terminated and the pool opens a new one); a release that fails leaves the slot to its lease.
 */
export class Kildeplasser {
  /** This process: host, pid and a random part (pids repeat across containers). */
  readonly eier = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly maks: number;
  private readonly opprettet = new Map<string, Promise<void>>();

  constructor(
    private readonly sql: Sql,
    private readonly valg: Kildeplassvalg,
  ) {
    this.maks = valg.maks ?? 5;
    if (!Number.isInteger(this.maks) || this.maks < 1)
      throw new RangeError('maks samtidige kall må være et heltall ≥ 1');
  }

  /** The bound for one API, to hand to the source adapters. */
  for(api: string): DeltPlassbegrenser {
    return { kjoer: (oppgave) => this.kjoer(api, oppgave) };
  }

  async kjoer<T>(api: string, oppgave: () => Promise<T>): Promise<T> {
    const plass = await this.ta(api);
    try {
      return await oppgave();
    } finally {
      await this.slipp(api, plass);
    }
  }

  private opprett(api: string): Promise<void> {
    let p = this.opprettet.get(api);
    if (!p) {
      p = this.sql
        .query(
          `INSERT INTO kildeplasser (api, plass) SELECT $1, g FROM generate_series(1, $2::integer) g
           ON CONFLICT DO NOTHING`,
          [api, this.maks],
        )
        .then(() => undefined);
      // A failed insert (the database away) is tried again on the next call.
      p.catch(() => this.opprettet.delete(api));
      this.opprettet.set(api, p);
    }
    return p;
  }

  private async ta(api: string): Promise<number> {
    const vent = this.valg.ventMs ?? (() => 10 + Math.floor(Math.random() * 20));
    const frist = Date.now() + (this.valg.maksVentMs ?? 30_000);
    let databasefeil = false;
    for (;;) {
      if (Date.now() > frist) {
        throw new LagringFeil(
          databasefeil
            ? `Fikk ikke en av virksomhetens kallplasser for ${api}: databasen svarer ikke.`
            : `Fikk ikke en av virksomhetens kallplasser for ${api} innen ${Math.round((this.valg.maksVentMs ?? 30_000) / 1000)} sekunder: alle er opptatt.`,
        );
      }
      try {
        await this.opprett(api);
        const rader = await this.sql.query<{ plass: number }>(
          `UPDATE kildeplasser SET eier = $3, utloeper = now() + make_interval(secs => $4::double precision)
           WHERE (api, plass) IN (
             SELECT api, plass FROM kildeplasser
             WHERE api = $1 AND plass <= $2 AND (eier IS NULL OR utloeper < now())
             ORDER BY plass LIMIT 1 FOR UPDATE SKIP LOCKED)
           RETURNING plass`,
          [api, this.maks, this.eier, this.valg.leieMs / 1000],
        );
        const rad = rader[0];
        if (rad) return Number(rad.plass);
        databasefeil = false;
      } catch {
        // The database away or the connection terminated: wait and try again, as for a taken slot.
        databasefeil = true;
      }
      await sov(vent());
    }
  }

  private async slipp(api: string, plass: number): Promise<void> {
    try {
      await this.sql.query(
        'UPDATE kildeplasser SET eier = NULL, utloeper = NULL WHERE api = $1 AND plass = $2 AND eier = $3',
        [api, plass, this.eier],
      );
    } catch {
      // Not freed now: the lease frees it when it runs out.
    }
  }
}
