import { decimalRounding, desimalerFor, type Enhet, type RoundingMode } from './avrunding.js';
import { Dec } from './decimal.js';
import { type Heltall, kreverHeltall, UgyldigBeloepError } from './heltall.js';
import { Sats } from './sats.js';

/** Kroner as a decimal string with at most two decimals (øre): "1234", "1234.5", "-0.05". */
const KRONESTRENG = /^-?\d+(\.\d{1,2})?$/;
/** Any plain decimal string (the JSON form of an intermediate amount may carry more decimals). */
const DESIMALSTRENG = /^-?\d+(\.\d+)?$/;

/** Zero, shared: a decimal is immutable, so sums can all start from the same one. */
const NULL_DEC = new Dec(0);

const NBSP = '\u00a0';
const MINUS = '\u2212';

export interface FormatValg {
  /** 2 (default) always shows øre; 0 shows whole kroner and refuses an amount that is not whole. */
  desimaler?: 0 | 2;
  /** Prefix "kr " (default true). */
  medValuta?: boolean;
}

/**
 * An amount of Norwegian kroner (NOK).
 *
 * Made only from decimal strings, bigint or integers (never from a float, which would import binary
 * rounding error), and kept as an exact decimal. Arithmetic never rounds; the only reductions of scale
 * are {@link Beloep.round} and {@link Beloep.allocate}, and both take a named {@link RoundingMode}.
 * Immutable.
 */
export class Beloep {
  private constructor(private readonly d: Dec) {}

  static readonly NULL: Beloep = new Beloep(new Dec(0));

  /**
   * Kroner from a string with at most two decimals ("1234.50"), a bigint of whole kroner, or an
   * integer of whole kroner. A float is a type error (for literals) and a run-time error.
   */
  static kroner<N extends number>(verdi: string | bigint | Heltall<N>): Beloep {
    if (typeof verdi === 'bigint') return new Beloep(new Dec(verdi.toString()));
    if (typeof verdi === 'number') {
      kreverHeltall(verdi, 'Et kronebeløp gitt som tall');
      return new Beloep(new Dec(verdi));
    }
    if (typeof verdi !== 'string' || !KRONESTRENG.test(verdi)) {
      throw new UgyldigBeloepError(
        `Et beløp må være kroner med høyst to desimaler og punktum som desimaltegn, som "1234.50" (fikk ${JSON.stringify(verdi)})`,
      );
    }
    return new Beloep(new Dec(verdi));
  }

  /** Øre from a bigint or an integer: `Beloep.oere(123450)` is kr 1 234,50. */
  static oere<N extends number>(verdi: bigint | Heltall<N>): Beloep {
    if (typeof verdi === 'number') kreverHeltall(verdi, 'Et ørebeløp');
    else if (typeof verdi !== 'bigint') {
      throw new UgyldigBeloepError(
        `Et ørebeløp må være et heltall eller bigint (fikk ${JSON.stringify(verdi)})`,
      );
    }
    return new Beloep(new Dec(verdi.toString()).dividedBy(100));
  }

  /** The inverse of {@link Beloep.toJSON}: any plain decimal string, also with more than two decimals. */
  static fromJSON(tekst: string): Beloep {
    if (typeof tekst !== 'string' || !DESIMALSTRENG.test(tekst)) {
      throw new UgyldigBeloepError(`Ugyldig beløp i JSON: ${JSON.stringify(tekst)}`);
    }
    return new Beloep(new Dec(tekst));
  }

  static sum(beloep: Iterable<Beloep>): Beloep {
    let d = NULL_DEC;
    for (const b of beloep) d = d.plus(b.d);
    return new Beloep(d);
  }

  static min(forste: Beloep, ...andre: Beloep[]): Beloep {
    return andre.reduce((a, b) => (b.d.lessThan(a.d) ? b : a), forste);
  }

  static max(forste: Beloep, ...andre: Beloep[]): Beloep {
    return andre.reduce((a, b) => (b.d.greaterThan(a.d) ? b : a), forste);
  }

  static erBeloep(verdi: unknown): verdi is Beloep {
    return verdi instanceof Beloep;
  }

  plus(annet: Beloep): Beloep {
    return new Beloep(this.d.plus(annet.d));
  }

  minus(annet: Beloep): Beloep {
    return new Beloep(this.d.minus(annet.d));
  }

  /** Multiplies by a rate or by a whole number. Exact; round afterwards with a named mode. */
  times<N extends number>(faktor: Sats | bigint | Heltall<N>): Beloep {
    if (faktor instanceof Sats) return new Beloep(this.d.times(Sats.tilDecimal(faktor)));
    if (typeof faktor === 'number') kreverHeltall(faktor, 'Faktoren');
    return new Beloep(this.d.times(new Dec(faktor.toString())));
  }

  /** Divides by a whole number (e.g. 11 or 12 months). Exact to 40 significant digits; round afterwards. */
  dividedBy<N extends number>(divisor: bigint | Heltall<N>): Beloep {
    if (typeof divisor === 'number') kreverHeltall(divisor, 'Divisoren');
    const n = new Dec(divisor.toString());
    if (n.isZero()) throw new UgyldigBeloepError('Kan ikke dele et beløp på 0');
    return new Beloep(this.d.dividedBy(n));
  }

  /** This amount as a share of another: `a.ratioTo(b)` is a / b. */
  ratioTo(annet: Beloep): Sats {
    if (annet.d.isZero()) throw new UgyldigBeloepError('Kan ikke regne andel av et beløp på 0');
    return Sats.fraDecimal(this.d.dividedBy(annet.d));
  }

  negated(): Beloep {
    return new Beloep(this.d.negated());
  }

  abs(): Beloep {
    return new Beloep(this.d.abs());
  }

  /** max(0, this): "never negative". */
  atLeastZero(): Beloep {
    return this.d.isNegative() ? Beloep.NULL : this;
  }

  compare(annet: Beloep): -1 | 0 | 1 {
    return this.d.comparedTo(annet.d) as -1 | 0 | 1;
  }

  equals(annet: Beloep): boolean {
    return this.d.equals(annet.d);
  }

  greaterThan(annet: Beloep): boolean {
    return this.d.greaterThan(annet.d);
  }

  greaterThanOrEqual(annet: Beloep): boolean {
    return this.d.greaterThanOrEqualTo(annet.d);
  }

  lessThan(annet: Beloep): boolean {
    return this.d.lessThan(annet.d);
  }

  lessThanOrEqual(annet: Beloep): boolean {
    return this.d.lessThanOrEqualTo(annet.d);
  }

  isZero(): boolean {
    return this.d.isZero();
  }

  /** Strictly below zero (−0 is not negative). */
  isNegative(): boolean {
    return this.d.isNegative() && !this.d.isZero();
  }

  isPositive(): boolean {
    return this.d.isPositive() && !this.d.isZero();
  }

  /** True when the amount has no fraction below the unit. */
  isWhole(enhet: Enhet): boolean {
    return this.d.decimalPlaces() <= desimalerFor(enhet);
  }

  /** Rounds to whole kroner or øre with a named mode. */
  round(enhet: Enhet, modus: RoundingMode): Beloep {
    return new Beloep(this.d.toDecimalPlaces(desimalerFor(enhet), decimalRounding(modus)));
  }

  /**
   * Splits the amount into parts in proportion to `andeler` (a count of equal parts, or weights)
   * without losing or creating a single øre (or krone, with `enhet: 'KRONE'`). Each part is first
   * rounded towards zero; the units left over go one at a time to the first parts, in order, so the
   * result is deterministic and the parts differ by at most one unit.
   * The amount must already be whole in the unit: round it first, with a named mode.
   */
  allocate<N extends number>(andeler: Heltall<N> | readonly number[], enhet: Enhet = 'OERE'): Beloep[] {
    const vekter: number[] =
      typeof andeler === 'number'
        ? (() => {
            kreverHeltall(andeler, 'Antall deler');
            if (andeler < 1) throw new UgyldigBeloepError('Antall deler må være minst 1');
            return Array.from({ length: andeler }, () => 1);
          })()
        : [...andeler];
    if (vekter.length === 0) throw new UgyldigBeloepError('Kan ikke fordele på null deler');
    for (const v of vekter) {
      kreverHeltall(v, 'En vekt i fordelingen');
      if (v < 0) throw new UgyldigBeloepError('Vektene i en fordeling kan ikke være negative');
    }
    const sumVekter = vekter.reduce((a, b) => a + b, 0);
    if (sumVekter === 0) throw new UgyldigBeloepError('Summen av vektene i en fordeling kan ikke være 0');
    if (!this.isWhole(enhet)) {
      throw new UgyldigBeloepError(
        `Beløpet ${this.toJSON()} er ikke helt i ${enhet === 'KRONE' ? 'kroner' : 'øre'}: rund av med en navngitt modus før fordeling`,
      );
    }
    const skala = enhet === 'KRONE' ? 1 : 100;
    const enheter = BigInt(this.d.times(skala).toFixed(0));
    const fortegn = enheter < 0n ? -1n : 1n;
    const total = enheter * fortegn;
    const sumV = BigInt(sumVekter);
    const deler = vekter.map((v) => (total * BigInt(v)) / sumV);
    let rest = total - deler.reduce((a, b) => a + b, 0n);
    for (let i = 0; rest > 0n; i = (i + 1) % deler.length) {
      if (vekter[i] === 0) continue;
      deler[i] = (deler[i] ?? 0n) + 1n;
      rest -= 1n;
    }
    return deler.map((del) => new Beloep(new Dec((del * fortegn).toString()).dividedBy(skala)));
  }

  /** Plain decimal string with every significant decimal, e.g. "1234.5" or "2618.181818…". */
  toJSON(): string {
    return this.d.toFixed();
  }

  toString(): string {
    return this.toJSON();
  }

  /**
   * A JS number, for serialisation at the edge only (JSON output, charts). The amount must have at
   * most two decimals, so the number is the exact decimal the reader sees.
   */
  toJsonNumber(): number {
    if (!this.isWhole('OERE')) {
      throw new UgyldigBeloepError(
        `Beløpet ${this.toJSON()} har mer enn to desimaler: rund av før det skrives ut`,
      );
    }
    // The decimal has at most two decimals here, so its plain string is the same value as
    // toFixed(2) and parses to the same double; toString is about four times cheaper, and a result
    // serialises a hundred amounts or more.
    return Number(this.d.toString());
  }

  /** Whole kroner as a bigint; refuses an amount with øre. */
  toKronerBigInt(): bigint {
    if (!this.isWhole('KRONE'))
      throw new UgyldigBeloepError(`Beløpet ${this.toJSON()} er ikke et helt kronebeløp`);
    return BigInt(this.d.toFixed(0));
  }

  /**
   * Norwegian (nb-NO) form: "kr 1 234,50", with non-breaking spaces as group separator and after
   * "kr", decimal comma, and the minus sign U+2212: "kr −1 234,50". Never rounds silently: an amount
   * with more decimals than shown is refused.
   */
  format(valg: FormatValg = {}): string {
    const desimaler = valg.desimaler ?? 2;
    if (this.d.decimalPlaces() > desimaler) {
      throw new UgyldigBeloepError(
        `Beløpet ${this.toJSON()} har flere desimaler enn ${desimaler}: rund av med en navngitt modus før formatering`,
      );
    }
    const [heltall = '0', broek] = this.d.abs().toFixed(desimaler).split('.');
    const gruppert = heltall.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    const tall = `${this.isNegative() ? MINUS : ''}${gruppert}${broek ? `,${broek}` : ''}`;
    return valg.medValuta === false ? tall : `kr${NBSP}${tall}`;
  }
}
