import { Dec } from './decimal.js';
import { type Heltall, kreverHeltall, UgyldigBeloepError } from './heltall.js';

const DESIMALTALL = /^-?\d+(\.\d+)?$/;
/** One, shared (a decimal is immutable). */
const EN_DEC = new Dec(1);
/**
 * Each rate's plain string, made once (a rate is printed on every line of an explanation that uses
 * it); kept beside the rate, not in it, so that equal rates stay equal field for field.
 */
const TEKSTER = new WeakMap<Sats, string>();

/** A rate as an integer over a power of ten: `teller / nevner` with `nevner` = 10^k. */
export interface Heltallsbroek {
  teller: number;
  nevner: number;
}

/**
 * A rate or factor (75 %, 0.06, 20/41). Like {@link Beloep} it is never made from a JS float:
 * from a decimal string, a whole percentage, or a fraction of integers.
 */
export class Sats {
  /**
   * The rate as `t / n` with n = 10^k, both safe integers, for {@link Beloep}'s integer product; `n` is
   * 0 when the rate has more than 15 decimals or more digits than a safe integer holds. Worked out when
   * the rate is made, from the decimal alone, so two equal rates are equal field for field.
   */
  private readonly t: number;
  private readonly n: number;

  private constructor(private readonly d: Dec) {
    let t = 0;
    let n = 0;
    const k = d.decimalPlaces();
    if (k <= 15) {
      // The plain string without its point is the numerator exactly (the decimal keeps no trailing
      // zeros); a numerator beyond 2^53 would lose digits and is left to the decimal.
      const teller = Number(d.toFixed().replace('.', ''));
      if (Number.isSafeInteger(teller)) {
        t = teller;
        n = 10 ** k;
      }
    }
    this.t = t;
    this.n = n;
  }

  /** From a decimal string: `Sats.av('0.75')`. */
  static av(tekst: string): Sats {
    if (typeof tekst !== 'string' || !DESIMALTALL.test(tekst)) {
      throw new UgyldigBeloepError(
        `En sats må være en desimalstreng som "0.75" (fikk ${JSON.stringify(tekst)})`,
      );
    }
    return new Sats(new Dec(tekst));
  }

  /** From a percentage given as a decimal string or an integer: `Sats.prosent(6)` is 0.06. */
  static prosent<N extends number>(prosent: string | Heltall<N>): Sats {
    if (typeof prosent === 'number') {
      kreverHeltall(prosent, 'Prosentsatsen');
      return new Sats(new Dec(prosent).dividedBy(100));
    }
    return new Sats(Sats.av(prosent).d.dividedBy(100));
  }

  /** An exact fraction: `Sats.broek(20, 41)`. */
  static broek<T extends number, N extends number>(
    teller: Heltall<T> | bigint,
    nevner: Heltall<N> | bigint,
  ): Sats {
    for (const [verdi, hva] of [
      [teller, 'Telleren'],
      [nevner, 'Nevneren'],
    ] as const) {
      if (typeof verdi === 'number') kreverHeltall(verdi, hva);
    }
    const n = new Dec(nevner.toString());
    if (n.isZero()) throw new UgyldigBeloepError('Nevneren i en brøk kan ikke være 0');
    return new Sats(new Dec(teller.toString()).dividedBy(n));
  }

  static readonly EN: Sats = new Sats(new Dec(1));
  static readonly NULL: Sats = new Sats(new Dec(0));

  /** @internal The decimal behind the rate, for {@link Beloep} only. */
  static tilDecimal(s: Sats): Dec {
    return s.d;
  }

  /** @internal */
  static fraDecimal(d: Dec): Sats {
    return new Sats(d);
  }

  /**
   * @internal The rate as an integer over 10^k, for {@link Beloep} only: an amount of whole øre times
   * such a rate is an integer product, and when that product is a whole number of øre no decimal is
   * needed at all. `null` when the rate is not that small a fraction.
   */
  static tilHeltallsbroek(s: Sats): Heltallsbroek | null {
    return s.n === 0 ? null : { teller: s.t, nevner: s.n };
  }

  /** @internal The numerator of {@link Sats.tilHeltallsbroek} (without making an object), or 0. */
  static teller(s: Sats): number {
    return s.t;
  }

  /** @internal The denominator of {@link Sats.tilHeltallsbroek} (without making an object), or 0 for none. */
  static nevner(s: Sats): number {
    return s.n;
  }

  times(annen: Sats): Sats {
    return new Sats(this.d.times(annen.d));
  }

  plus(annen: Sats): Sats {
    return new Sats(this.d.plus(annen.d));
  }

  minus(annen: Sats): Sats {
    return new Sats(this.d.minus(annen.d));
  }

  /** 1 − this: the share that is paid when this share is reduced away (30 % off → 70 % paid). */
  komplement(): Sats {
    return new Sats(EN_DEC.minus(this.d));
  }

  compare(annen: Sats): -1 | 0 | 1 {
    return this.d.comparedTo(annen.d) as -1 | 0 | 1;
  }

  equals(annen: Sats): boolean {
    return this.d.equals(annen.d);
  }

  isZero(): boolean {
    return this.d.isZero();
  }

  isNegative(): boolean {
    return this.d.isNegative() && !this.d.isZero();
  }

  /** Plain decimal string, e.g. "0.06". */
  toString(): string {
    let tekst = TEKSTER.get(this);
    if (tekst === undefined) {
      tekst = this.d.toFixed();
      TEKSTER.set(this, tekst);
    }
    return tekst;
  }

  toJSON(): string {
    return this.toString();
  }

  /** "6 %", "75 %", "48,78 %" (Norwegian: comma decimal, non-breaking space before the sign). */
  formatProsent(maksDesimaler = 2): string {
    const p = this.d.times(100).toDecimalPlaces(maksDesimaler, Dec.ROUND_HALF_EVEN);
    return `${p.toFixed().replace('-', '\u2212').replace('.', ',')}\u00a0%`;
  }
}
