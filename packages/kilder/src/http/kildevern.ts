import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhenResult,
} from 'cockatiel';

/**
 * What keeps a misbehaving source from taking the product's capacity with it (issue 19 item 6): a
 * per-attempt timeout derived from observed latency, a retry budget and a circuit breaker, one set per
 * API. Without them, 10 % of calls hanging held the five slots per API for the whole 10 s timeout
 * (throughput fell from 86 to 5 lookups a second), and a full outage made 10 calls per lookup.
 */
export interface Vernregler {
  /**
   * The shortest a per-attempt timeout may be, however fast the source has answered. The longest is
   * {@link Forsoeksregler.tidsavbruddMs}.
   */
  tidsavbruddMinMs: number;
  /** The per-attempt timeout is this many times the observed 99th percentile latency (then bounded). */
  latensFaktor: number;
  /** Answers observed before the timeout follows the latency (until then it is the upper bound). */
  latensMinUtvalg: number;
  /**
   * Retry budget: retries in the last 10 s stay below this share of the first attempts in them (plus
   * the reserve). A source that fails many calls
   * then gets fewer extra calls from us, not ten times as many.
   */
  budsjettAndel: number;
  /** Retries available in a 10 s window beyond those earned in it. */
  budsjettReserve: number;
  /** Consecutive failed attempts (5xx, network error, timeout) that open the breaker. */
  bryterTerskel: number;
  /** How long the open breaker fails fast before letting one probe through (half-open). */
  bryterPauseMs: number;
}

/**
 * Defaults: at least 1 s and at most the per-attempt upper bound (10 s); four times the observed 99th
 * percentile after 20 answers; retries at most half the first attempts of the last 10 s beyond a reserve of 20 (enough for a
 * source failing 30 % of calls, where a lookup needs 0.43 retries on average, never ten per lookup);
 * the breaker opens after 10 failures in a row (at 30 % failing, a chance of 6 in a million per call)
 * and probes again after 5 s.
 */
export const STANDARD_VERNREGLER: Vernregler = {
  tidsavbruddMinMs: 1_000,
  latensFaktor: 4,
  latensMinUtvalg: 20,
  budsjettAndel: 0.5,
  budsjettReserve: 20,
  bryterTerskel: 10,
  bryterPauseMs: 5_000,
};

/** How one attempt ended, as the breaker sees it. */
export type Forsoeksutfall<S> =
  | { type: 'tid' }
  | { type: 'nett'; aarsak: string }
  | { type: 'svar'; svar: S };

/** Thrown by {@link Kildevern.gjennomBryter} while the breaker is open: no call was made. */
export class BryterAapen extends Error {
  override readonly name = 'BryterAapen';
  constructor(readonly pauseMs: number) {
    super('bryteren er åpen');
  }
}

const UTVALG = 200;
const BUDSJETTVINDU_MS = 10_000;

/** The protection of one API: latency window, retry budget and breaker. Shared by all its calls. */
export class Kildevern {
  readonly regler: Vernregler;
  private readonly latenser: number[] = [];
  private neste = 0;
  private readonly bryter: CircuitBreakerPolicy;
  /** Attempts made and retries refused by the budget, for tests and diagnostics. */
  readonly teller = { forsoek: 0, nektetAvBudsjett: 0, nektetAvBryter: 0 };

  constructor(
    private readonly tidsavbruddMaksMs: number,
    regler: Partial<Vernregler> = {},
    private readonly erFeil: (utfall: Forsoeksutfall<{ status: number }>) => boolean = (u) =>
      u.type !== 'svar' || u.svar.status >= 500,
    private readonly naa: () => number = () => performance.now(),
  ) {
    const r = { ...STANDARD_VERNREGLER, ...regler };
    // An upper bound set below the default lower bound is the whole range: the lower one follows it.
    this.regler = { ...r, tidsavbruddMinMs: Math.min(r.tidsavbruddMinMs, tidsavbruddMaksMs) };
    this.bryter = circuitBreaker(
      handleWhenResult((r) => this.erFeil(r as Forsoeksutfall<{ status: number }>)),
      {
        halfOpenAfter: this.regler.bryterPauseMs,
        breaker: new ConsecutiveBreaker(this.regler.bryterTerskel),
      },
    );
  }

  /**
   * The timeout for the next attempt: `latensFaktor` × the 99th percentile of the last answers,
   * between the lower and the upper bound. A source that normally answers in 50 ms then has a hung
   * call cut after a second, not after ten, and the slot it held goes to the next call.
   */
  tidsavbrudd(): number {
    const { tidsavbruddMinMs, latensFaktor, latensMinUtvalg } = this.regler;
    if (this.latenser.length < latensMinUtvalg) return this.tidsavbruddMaksMs;
    const sortert = [...this.latenser].sort((a, b) => a - b);
    const p99 = sortert[Math.min(sortert.length - 1, Math.ceil(sortert.length * 0.99) - 1)] ?? 0;
    return Math.round(Math.min(this.tidsavbruddMaksMs, Math.max(tidsavbruddMinMs, p99 * latensFaktor)));
  }

  /** Records how long an answered attempt took (timeouts are not answers and are not recorded). */
  registrerLatens(ms: number): void {
    if (this.latenser.length < UTVALG) this.latenser.push(ms);
    else this.latenser[this.neste] = ms;
    this.neste = (this.neste + 1) % UTVALG;
  }

  /** A first attempt earns a share of a retry. */
  foersteForsoek(): void {
    this.budsjettvindu().foerste++;
  }

  /**
   * Whether a retry may be made now (and counts it if so): retries in the last 10 s stay below
   * `budsjettAndel` × first attempts in them plus the reserve. Counted over a window, not a capped
   * bucket, so a burst of lookups that all start at once earns its share at once.
   */
  taNyttForsoek(): boolean {
    const naa = this.budsjettvindu();
    const forrige = this.forrigeVindu;
    const foerste = naa.foerste + forrige.foerste;
    const nye = naa.nye + forrige.nye;
    if (nye < this.regler.budsjettAndel * foerste + this.regler.budsjettReserve) {
      naa.nye++;
      return true;
    }
    this.teller.nektetAvBudsjett++;
    return false;
  }

  private vindu = { start: 0, foerste: 0, nye: 0 };
  private forrigeVindu = { start: 0, foerste: 0, nye: 0 };

  /** The current half of the 10 s window, rotating when its 5 s are up. */
  private budsjettvindu(): { foerste: number; nye: number } {
    const t = this.naa();
    if (t - this.vindu.start >= BUDSJETTVINDU_MS / 2) {
      this.forrigeVindu =
        t - this.vindu.start >= BUDSJETTVINDU_MS ? { start: t, foerste: 0, nye: 0 } : this.vindu;
      this.vindu = { start: t, foerste: 0, nye: 0 };
    }
    return this.vindu;
  }

  /** Whether the breaker is open now (failing fast). */
  get aapen(): boolean {
    return this.bryter.state === CircuitState.Open;
  }

  /**
   * Runs one attempt through the breaker. While it is open, throws {@link BryterAapen} without
   * calling; after the pause one attempt probes the source and its outcome closes or reopens it.
   */
  async gjennomBryter<S extends { status: number }>(
    forsoek: () => Promise<Forsoeksutfall<S>>,
  ): Promise<Forsoeksutfall<S>> {
    try {
      const utfall = await this.bryter.execute(() => {
        this.teller.forsoek++;
        return forsoek();
      });
      return utfall;
    } catch (e) {
      if (e instanceof BrokenCircuitError) {
        this.teller.nektetAvBryter++;
        throw new BryterAapen(this.regler.bryterPauseMs);
      }
      throw e;
    }
  }
}
