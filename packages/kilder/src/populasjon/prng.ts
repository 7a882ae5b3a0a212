/**
 * A small seeded pseudo-random generator (mulberry32), so the synthetic population and the stand-in's
 * fault injection are the same on every run and machine. Not for anything secret.
 */
export class Prng {
  private tilstand: number;

  constructor(froe: number) {
    this.tilstand = froe >>> 0;
  }

  /** A number in [0, 1). */
  neste(): number {
    this.tilstand = (this.tilstand + 0x6d2b79f5) >>> 0;
    let t = this.tilstand;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  heltall(min: number, max: number): number {
    return min + Math.floor(this.neste() * (max - min + 1));
  }

  /** True with probability p. */
  sjanse(p: number): boolean {
    return this.neste() < p;
  }

  velg<T>(liste: readonly T[]): T {
    if (liste.length === 0) throw new RangeError('kan ikke velge fra en tom liste');
    return liste[Math.floor(this.neste() * liste.length)] as T;
  }

  /** A whole amount around `midt`, spread ±`spenn` (a share, e.g. 0.2 for ±20 %). */
  rundt(midt: number, spenn: number): number {
    return Math.round(midt * (1 + (this.neste() * 2 - 1) * spenn));
  }
}

/** A 32-bit hash of a text (FNV-1a), to derive a decision from (seed, text) independently of order. */
export function hash32(tekst: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) {
    h ^= tekst.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) determined by the seed and the text alone. */
export function tilfeldigFor(froe: number, tekst: string): number {
  return new Prng(hash32(`${froe}:${tekst}`)).neste();
}
