import { randomBytes } from 'node:crypto';
import type { Advarsel, PersonMedGrunnlag } from '@inntektsgrunnlag/beregning';
import type { Aktoertype } from '@inntektsgrunnlag/tilgang';

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
  /** When the lookup was made (ISO 8601): recalculations say which lookup they build on. */
  hentet: string;
}

export interface Grunnlagsbufferinnstillinger {
  /** How long a reference lives after the lookup (ms); default 30 minutes. Never extended by use. */
  levetidMs?: number;
  /** At most this many references at once; the oldest go first (default 1 000). */
  maksAntall?: number;
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
    const referanse = randomBytes(24).toString('base64url');
    this.oppfoeringer.set(referanse, { ...grunnlag, utloeper: naa + this.levetid });
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
    for (const [ref, o] of this.oppfoeringer) if (o.utloeper <= naa) this.oppfoeringer.delete(ref);
  }
}
