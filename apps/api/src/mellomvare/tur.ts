/**
 * Lets CPU-heavy requests (beregninger) in a few at a time, one group per turn of the event loop,
 * first come first served.
 *
 * Why: Node's event loop (libuv ≥ 1.45) accepts at most one new connection per turn, and a turn
 * handles every request whose bytes have arrived. When each of those runs a whole beregning (fetch,
 * rules, audit, serialisation) inside the turn, a turn takes as long as all of them together: with
 * 200 clients, new connections then wait seconds in the kernel's accept queue and time out, while
 * those already accepted are served (measured with autocannon at 200 connections: p99 of several
 * seconds and hundreds of timeouts, with every request itself done in under 25 ms once read; a bare
 * express app that spends 2.5 ms of CPU per request shows the same). Here a turn lets in only a
 * share of the waiting requests, so turns stay short while the queue is short (connections are
 * accepted and requests read between groups), and grow with the queue, so a full queue is worked off
 * with few turns (each turn has a fixed cost: measured, one request per turn gave 17–27 % less
 * throughput than a sixteenth of the queue per turn).
 *
 * A request alone waits one turn (microseconds). Work that waits for real I/O (PostgreSQL, HTTP to
 * Skatteetaten) gives up the CPU while it waits, and the next group is let in on the next turn.
 */
export class Turkoe {
  private readonly venter: Array<() => void> = [];
  private planlagt = false;

  /** Resolves when it is the caller's turn. */
  tur(): Promise<void> {
    return new Promise<void>((ok) => {
      this.venter.push(ok);
      this.planlegg();
    });
  }

  /** Requests waiting for their turn (the audit log's group commit uses it: more lookups are coming). */
  get ventende(): number {
    return this.venter.length;
  }

  private planlegg(): void {
    if (this.planlagt || this.venter.length === 0) return;
    this.planlagt = true;
    setImmediate(this.slipp);
  }

  private readonly slipp = (): void => {
    this.planlagt = false;
    for (let n = gruppestoerrelse(this.venter.length); n > 0; n--) this.venter.shift()?.();
    this.planlegg();
  };
}

/** Let in per turn: a sixteenth of the queue, at least one, at most sixteen. */
export function gruppestoerrelse(ventende: number): number {
  return Math.min(16, Math.max(1, Math.ceil(ventende / 16)));
}
