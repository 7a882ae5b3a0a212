import { randomFillSync } from 'node:crypto';
import type { Advarsel, PersonMedGrunnlag } from '@inntektsgrunnlag/beregning';
import type { Aktoertype } from '@inntektsgrunnlag/tilgang';
import type { ManglendeGrunnlag } from './manglendeGrunnlag.js';

/** 30 minutes: long enough to edit a case, short enough that fetched data does not linger in memory. */
export const STANDARD_GRUNNLAGSLEVETID_MS = 30 * 60 * 1000;

/** One fetched, minimised basis kept for recalculation, bound to who fetched it and for what. */
export interface LagretGrunnlag {
  aktoer: { type: Aktoertype; id: string };
  rolleId: string;
  beregningstype: string;
  inntektsaar: number;
  /** The persons as fetched and minimised (never more than the role may see). */
  personer: readonly PersonMedGrunnlag[];
  /** The fetch's own warnings (synthetic data, a missing Beregnet skatt, …), repeated on each recalculation. */
  advarsler: readonly Advarsel[];
  /** Sources whose posts were missing at the lookup: a recalculation withholds the fee as the lookup did. */
  mangler?: readonly ManglendeGrunnlag[];
  /** When the lookup was made (ISO 8601): recalculations say which lookup they build on. */
  hentet: string;
}

export interface Grunnlagsbufferinnstillinger {
  /** How long a reference lives after the lookup (ms); default 30 minutes. Never extended by use. */
  levetidMs?: number;
  /** At most this many references at once; the oldest go first (default 1 000). */
  maksAntall?: number;
}

// Random bytes for references, drawn 3 KiB at a time from the CSPRNG; each byte is used once.
const LAGER = Buffer.alloc(24 * 128);
let brukt = LAGER.length;

/** 192 random bits, URL-safe. */
function nyReferanse(): string {
  if (brukt + 24 > LAGER.length) {
    randomFillSync(LAGER);
    brukt = 0;
  }
  const referanse = LAGER.toString('base64url', brukt, brukt + 24);
  brukt += 24;
  return referanse;
}

/**
 * Fetched bases in memory, each under an opaque random reference (`grunnlagsreferanse`), so a case
 * worker who edits a manual post or a vedtak fact gets a recalculation without a new lookup at
 * Skatteetaten. Only the minimised posts are kept, only in this process, and only for a fixed time
 * after the lookup: a reference is never extended, so the data never outlives the lookup by more than
 * the configured time. The caller passes the time (no clock here).
 */
export class Grunnlagsbuffer {
  private readonly levetid: number;
  private readonly maks: number;
  private readonly oppfoeringer = new Map<string, LagretGrunnlag & { utloeper: number }>();
  /**
   * Whether the map's order (insertion) is also expiry order: true while every reference was kept at
   * a time no earlier than the one before (the normal case: one clock, one lifetime). Then the sweep
   * stops at the first live entry instead of visiting them all on every lookup.
   */
  private ordnet = true;
  private sisteUtloep = Number.NEGATIVE_INFINITY;

  constructor(valg: Grunnlagsbufferinnstillinger = {}) {
    this.levetid = valg.levetidMs ?? STANDARD_GRUNNLAGSLEVETID_MS;
    this.maks = valg.maksAntall ?? 1000;
    if (!(this.levetid > 0) || !(this.maks > 0)) {
      throw new RangeError('Grunnlagsbufferen trenger positiv levetid og plass til minst én referanse');
    }
  }

  /** Keeps a basis and returns its reference (192 random bits, URL-safe). */
  lagre(grunnlag: LagretGrunnlag, naa: number): string {
    this.ryddUtloepte(naa);
    while (this.oppfoeringer.size >= this.maks) {
      const eldste = this.oppfoeringer.keys().next().value;
      if (eldste === undefined) break;
      this.oppfoeringer.delete(eldste);
    }
    const referanse = nyReferanse();
    const utloeper = naa + this.levetid;
    if (this.oppfoeringer.size === 0) this.ordnet = true;
    else if (utloeper < this.sisteUtloep) this.ordnet = false;
    this.sisteUtloep = utloeper;
    this.oppfoeringer.set(referanse, { ...grunnlag, utloeper });
    return referanse;
  }

  /** The basis under a reference, or undefined when it is unknown or has expired. */
  hent(referanse: string, naa: number): LagretGrunnlag | undefined {
    const o = this.oppfoeringer.get(referanse);
    if (!o) return undefined;
    if (o.utloeper <= naa) {
      this.oppfoeringer.delete(referanse);
      return undefined;
    }
    return o;
  }

  /** When the reference expires (ms since the epoch), or undefined. */
  utloeper(referanse: string): number | undefined {
    return this.oppfoeringer.get(referanse)?.utloeper;
  }

  get antall(): number {
    return this.oppfoeringer.size;
  }

  private ryddUtloepte(naa: number): void {
    for (const [ref, o] of this.oppfoeringer) {
      if (o.utloeper <= naa) this.oppfoeringer.delete(ref);
      else if (this.ordnet) return;
    }
  }
}
