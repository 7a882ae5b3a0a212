import type { RequestHandler } from 'express';
import { HttpFeil, PROBLEMTYPE } from '../problem.js';
import { aktoerNoekkel } from './autentisering.js';

export interface Begrensningsvalg {
  /** Requests per window and client. */
  maks: number;
  /** The window (ms); default one minute. */
  vinduMs?: number;
}

/**
 * A fixed-window counter per client, in memory (one process). A client is its actor (API key or
 * session) when authenticated, otherwise its IP address.
 */
export class Hastighetsbegrenser {
  private readonly vinduer = new Map<string, { start: number; antall: number }>();
  readonly maks: number;
  readonly vinduMs: number;

  constructor(valg: Begrensningsvalg) {
    this.maks = valg.maks;
    this.vinduMs = valg.vinduMs ?? 60_000;
  }

  /** Counts one request; says whether it is allowed, how many remain and when the window resets. */
  tell(noekkel: string, naa: number): { tillatt: boolean; gjenstaar: number; nullstillesOmSek: number } {
    if (this.vinduer.size > 10_000) {
      for (const [n, v] of this.vinduer) if (naa - v.start >= this.vinduMs) this.vinduer.delete(n);
    }
    let v = this.vinduer.get(noekkel);
    if (!v || naa - v.start >= this.vinduMs) {
      v = { start: naa, antall: 0 };
      this.vinduer.set(noekkel, v);
    }
    v.antall++;
    return {
      tillatt: v.antall <= this.maks,
      gjenstaar: Math.max(0, this.maks - v.antall),
      nullstillesOmSek: Math.max(1, Math.ceil((v.start + this.vinduMs - naa) / 1000)),
    };
  }
}

/** Counts requests per client: in this process, or shared by every instance (lagring's DeltHastighetsteller). */
export interface Hastighetsteller {
  readonly maks: number;
  readonly vinduMs: number;
  tell(
    noekkel: string,
    naa: number,
  ):
    | { tillatt: boolean; gjenstaar: number; nullstillesOmSek: number }
    | Promise<{ tillatt: boolean; gjenstaar: number; nullstillesOmSek: number }>;
}

export function hastighetsbegrensning(begrenser: Hastighetsteller, klokke: () => number): RequestHandler {
  return (req, res, next) => {
    const noekkel = aktoerNoekkel(res) ?? `ip:${req.ip ?? 'ukjent'}`;
    Promise.resolve()
      .then(() => begrenser.tell(noekkel, klokke()))
      .then(
        (t) => svar(t),
        // The shared counter's database away: the request is let through uncounted (it needs the
        // database for its audit entry anyway, and is refused there with 503 if it is truly gone).
        () => next(),
      );
    function svar(t: { tillatt: boolean; gjenstaar: number; nullstillesOmSek: number }) {
      res.setHeader('RateLimit-Limit', String(begrenser.maks));
      res.setHeader('RateLimit-Remaining', String(t.gjenstaar));
      res.setHeader('RateLimit-Reset', String(t.nullstillesOmSek));
      if (t.tillatt) return next();
      next(
        new HttpFeil(
          429,
          PROBLEMTYPE.forMange,
          'For mange forespørsler',
          `Høyst ${begrenser.maks} forespørsler per ${Math.round(begrenser.vinduMs / 1000)} sekunder per klient. Prøv igjen om ${t.nullstillesOmSek} sekunder.`,
          { headers: { 'Retry-After': String(t.nullstillesOmSek) } },
        ),
      );
    }
  };
}
