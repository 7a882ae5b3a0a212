import { decimalRounding, desimalerFor, type Enhet, type RoundingMode } from './avrunding.js';
import { Dec } from './decimal.js';
import { type Heltall, kreverHeltall, UgyldigBeloepError } from './heltall.js';
import { Sats } from './sats.js';

/** Kroner as a decimal string with at most two decimals (øre): "1234", "1234.5", "-0.05". */
const KRONESTRENG = /^-?\d+(\.\d{1,2})?$/;
/** Any plain decimal string (the JSON form of an intermediate amount may carry more decimals). */
const DESIMALSTRENG = /^-?\d+(\.\d+)?$/;

/** The largest whole number of øre kept as a JS number; larger amounts fall back to the decimal. */
const MAKS_OERE = Number.MAX_SAFE_INTEGER;
const MAKS_OERE_BIG = BigInt(MAKS_OERE);
/** Kroner below which an amount with at most two decimals is a safe integer of øre. */
const GRENSE_KRONER = new Dec('90071992547409.91');

const NBSP = '\u00a0';

/** 10^1 … 10^15: the denominators whose fraction is its decimal exactly (both safe integers). */
const TIERPOTENSER: ReadonlySet<number> = new Set(Array.from({ length: 15 }, (_, i) => 10 ** (i + 1)));

/**
 * Whole øre plus or minus a fraction, as the decimal did it: `a + b` or `a − b`, negated when
 * `negert` (the 40-digit rounding is symmetric, so negating afterwards is the same decimal).
 */
interface Lag {
  readonly a: Beloep;
  readonly b: Beloep;
  readonly minus: boolean;
  readonly negert: boolean;
}
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
 * rounding error), and kept exact. Arithmetic never rounds; the only reductions of scale are
 * {@link Beloep.round} and {@link Beloep.allocate}, and both take a named {@link RoundingMode}.
 * Immutable.
 *
 * Representation: almost every amount a rule meets is a whole number of øre, so an amount is kept as
 * a safe integer of øre (`o`) whenever it is one, and sums, differences, whole multiples, comparisons,
 * rounding and formatting are integer arithmetic. Only an amount with a fraction of an øre (a rate
 * times an amount, a division that does not come out even) or one beyond ±2^53 øre is kept as the
 * 40-digit decimal (`d`), and any operation that meets one is done in the decimal, exactly as before.
 * Every answer is the same as the decimal would give (`beloep.ekvivalens.test.ts` checks every
 * operation and rounding mode against the decimal): integer results inside the safe range have at
 * most 16 digits, so the decimal's 40 significant digits never rounded them.
 *
 * The one step between: whole øre times a rate n / 10^k, or divided by a whole number, is kept as the
 * fraction `o / q` øre (safe integers, q > 1) until something needs the decimal, so the usual
 * `inntekt.times(sats).dividedBy(11).round(modus)` and its comparisons never make one. The decimal
 * the fraction stands for is the one the decimal would have held: the product of whole øre and n / 10^k
 * is exact in 40 digits (at most 32), and one division rounds the exact quotient once, which is what
 * {@link Beloep.dec} rebuilds. Rounding and comparing the fraction in integers gives the decimal's
 * answer: a fraction p / q that is not itself a boundary (a whole øre, a half øre, a multiple of 50
 * øre) is at least 1 / (2q) > 5·10^-17 øre from every boundary, far more than the half unit of the 40th
 * digit (below 10^-24 øre for amounts below 2^53 øre), so the decimal lies on the same side of it.
 */
export class Beloep {
  /**
   * `q === 1`: the amount is `o` øre (a safe integer, never −0), `d` is null.
   * `q === 0`: the amount is `d` kroner and `o` is unused (0).
   * `q > 1`: the amount is `o / q` øre (safe integers, `o` not a multiple of `q`), `d` is null. Its
   * decimal is `o / q` rounded to 40 digits once, which is `o / q` itself when q is a power of ten (at
   * most 16 digits; see {@link Beloep.eksakt}), so more exact steps may follow; otherwise any further
   * arithmetic goes through the decimal.
   * `lag`: null, or (for whole øre plus or minus a rounded quotient) the operation whose decimal this
   * is, which rounded twice and so is not the fraction's own quotient; the fraction still rounds and
   * compares as that decimal does (see {@link Beloep.leddvis}). Plain data, not a closure, so that
   * amounts made the same way stay equal field for field.
   */
  private constructor(
    private readonly o: number,
    private readonly d: Dec | null,
    private readonly q: number,
    private readonly lag: Lag | null,
  ) {}

  static readonly NULL: Beloep = new Beloep(0, null, 1, null);

  /** An amount kept as the decimal. */
  private static avDecimal(d: Dec): Beloep {
    return new Beloep(0, d, 0, null);
  }

  /**
   * The decimal is exactly `o / q` øre: whole øre, or a fraction over a power of ten without `lag`
   * (a product by n / 10^k, or a division that came out in tenths). Told from the fields, not kept in
   * one, so that every amount stays four fields.
   */
  private eksakt(): boolean {
    return this.q === 1 || (this.lag === null && TIERPOTENSER.has(this.q));
  }

  /**
   * `a + b` or `a − b` where one is whole øre y and the other a fraction p / q made by one step
   * (no `lag`), as the fraction (y·q ± p) / q while that is in safe integers; otherwise null.
   * An exact fraction gives an exact one (the decimal's sum has at most 33 digits). A rounded one gives
   * the decimal y ± round40(p / q) rounded to 40 digits again, which is kept as `lag`; it is within
   * two half units of the 40th digit (below 10^-24 øre together) of the exact (y·q ± p) / q, which is
   * at least 1 / (2q) from every whole and half øre unless p / q is itself a half øre, and then the
   * decimal was exact. So the fraction rounds and compares as the decimal does.
   */
  private static leddvis(a: Beloep, b: Beloep, minus: boolean): Beloep | null {
    let p: number;
    let broek: Beloep;
    if (a.q === 1 && b.q > 1 && b.lag === null) {
      broek = b;
      const y = a.o * b.q;
      if (y > MAKS_OERE || y < -MAKS_OERE) return null;
      p = minus ? y - b.o : y + b.o;
    } else if (a.q > 1 && a.lag === null && b.q === 1) {
      broek = a;
      const y = b.o * a.q;
      if (y > MAKS_OERE || y < -MAKS_OERE) return null;
      p = minus ? a.o - y : a.o + y;
    } else {
      return null;
    }
    if (p > MAKS_OERE || p < -MAKS_OERE) return null;
    // y is a multiple of q and the fraction's numerator is not, so p / q is never whole øre.
    if (broek.eksakt()) return new Beloep(p, null, broek.q, null);
    return new Beloep(p, null, broek.q, { a, b, minus, negert: false });
  }

  /** The amount p / q øre (safe integers, q > 0): whole øre when q divides p, otherwise the fraction. */
  private static avBroek(p: number, q: number): Beloep {
    if (p % q === 0) return Beloep.avOere(p / q);
    return new Beloep(p, null, q, null);
  }

  /** An amount of whole øre, kept as an integer when it is a safe one. */
  private static avOere(o: number): Beloep {
    if (o === 0) return Beloep.NULL;
    if (o <= MAKS_OERE && o >= -MAKS_OERE) return new Beloep(o, null, 1, null);
    return Beloep.avDecimal(new Dec(o).dividedBy(100));
  }

  /** A decimal amount; kept as integer øre when it has at most two decimals and is in range. */
  private static avDec(d: Dec): Beloep {
    // The exponent (the place of the first digit) settles the range without a decimal made for it;
    // only an amount of fourteen whole digits is compared with the limit.
    if (d.e <= 13 && d.decimalPlaces() <= 2 && (d.e < 13 || d.abs().lessThan(GRENSE_KRONER))) {
      const o = Number(d.toFixed(2).replace('.', ''));
      return o === 0 ? Beloep.NULL : new Beloep(o, null, 1, null);
    }
    return Beloep.avDecimal(d);
  }

  /**
   * The amount as the decimal: integer øre over 100 (exact), the fraction's quotient rounded to 40
   * digits once (correctly rounded, as the division it stands for was), or the operation in `lag`
   * done again in the decimal.
   */
  private dec(): Dec {
    if (this.d !== null) return this.d;
    if (this.q === 1) return new Dec(`${this.o}e-2`);
    const lag = this.lag;
    if (lag === null) return new Dec(`${this.o}e-2`).dividedBy(this.q);
    const d = lag.minus ? lag.a.dec().minus(lag.b.dec()) : lag.a.dec().plus(lag.b.dec());
    return lag.negert ? d.negated() : d;
  }

  /**
   * Kroner from a string with at most two decimals ("1234.50"), a bigint of whole kroner, or an
   * integer of whole kroner. A float is a type error (for literals) and a run-time error.
   */
  static kroner<N extends number>(verdi: string | bigint | Heltall<N>): Beloep {
    if (typeof verdi === 'bigint') {
      const oere = verdi * 100n;
      return oere <= MAKS_OERE_BIG && oere >= -MAKS_OERE_BIG
        ? Beloep.avOere(Number(oere))
        : Beloep.avDecimal(new Dec(verdi.toString()));
    }
    if (typeof verdi === 'number') {
      kreverHeltall(verdi, 'Et kronebeløp gitt som tall');
      const oere = verdi * 100;
      return Number.isSafeInteger(oere) ? Beloep.avOere(oere) : Beloep.avDecimal(new Dec(verdi));
    }
    if (typeof verdi !== 'string' || !KRONESTRENG.test(verdi)) {
      throw new UgyldigBeloepError(
        `Et beløp må være kroner med høyst to desimaler og punktum som desimaltegn, som "1234.50" (fikk ${JSON.stringify(verdi)})`,
      );
    }
    return Beloep.avStreng(verdi);
  }

  /** A decimal string already checked against {@link DESIMALSTRENG}. */
  private static avStreng(tekst: string): Beloep {
    const punkt = tekst.indexOf('.');
    const desimaler = punkt < 0 ? 0 : tekst.length - punkt - 1;
    if (desimaler <= 2) {
      const siffer =
        punkt < 0
          ? `${tekst}00`
          : `${tekst.slice(0, punkt)}${tekst.slice(punkt + 1)}${desimaler === 1 ? '0' : ''}`;
      // A digit string beyond 2^53 parses to a number beyond it (rounding is monotone), so the
      // check sends every amount that would lose a digit to the decimal.
      const o = Number(siffer);
      if (Number.isSafeInteger(o)) return Beloep.avOere(o);
    }
    return Beloep.avDec(new Dec(tekst));
  }

  /** Øre from a bigint or an integer: `Beloep.oere(123450)` is kr 1 234,50. */
  static oere<N extends number>(verdi: bigint | Heltall<N>): Beloep {
    if (typeof verdi === 'number') {
      kreverHeltall(verdi, 'Et ørebeløp');
      return Beloep.avOere(verdi);
    }
    if (typeof verdi !== 'bigint') {
      throw new UgyldigBeloepError(
        `Et ørebeløp må være et heltall eller bigint (fikk ${JSON.stringify(verdi)})`,
      );
    }
    return verdi <= MAKS_OERE_BIG && verdi >= -MAKS_OERE_BIG
      ? Beloep.avOere(Number(verdi))
      : Beloep.avDecimal(new Dec(verdi.toString()).dividedBy(100));
  }

  /** The inverse of {@link Beloep.toJSON}: any plain decimal string, also with more than two decimals. */
  static fromJSON(tekst: string): Beloep {
    if (typeof tekst !== 'string' || !DESIMALSTRENG.test(tekst)) {
      throw new UgyldigBeloepError(`Ugyldig beløp i JSON: ${JSON.stringify(tekst)}`);
    }
    return Beloep.avStreng(tekst);
  }

  static sum(beloep: Iterable<Beloep>): Beloep {
    let o = 0;
    let d: Dec | null = null;
    for (const b of beloep) {
      if (d === null && b.q === 1) {
        const s = o + b.o;
        if (s <= MAKS_OERE && s >= -MAKS_OERE) {
          o = s;
          continue;
        }
      }
      d = (d ?? new Dec(`${o}e-2`)).plus(b.dec());
    }
    return d === null ? Beloep.avOere(o) : Beloep.avDecimal(d);
  }

  static min(forste: Beloep, ...andre: Beloep[]): Beloep {
    return andre.reduce((a, b) => (b.lessThan(a) ? b : a), forste);
  }

  static max(forste: Beloep, ...andre: Beloep[]): Beloep {
    return andre.reduce((a, b) => (b.greaterThan(a) ? b : a), forste);
  }

  static erBeloep(verdi: unknown): verdi is Beloep {
    return verdi instanceof Beloep;
  }

  plus(annet: Beloep): Beloep {
    if (this.q === 1 && annet.q === 1) {
      const s = this.o + annet.o;
      if (s <= MAKS_OERE && s >= -MAKS_OERE) return Beloep.avOere(s);
    }
    return Beloep.leddvis(this, annet, false) ?? Beloep.avDecimal(this.dec().plus(annet.dec()));
  }

  minus(annet: Beloep): Beloep {
    if (this.q === 1 && annet.q === 1) {
      const s = this.o - annet.o;
      if (s <= MAKS_OERE && s >= -MAKS_OERE) return Beloep.avOere(s);
    }
    return Beloep.leddvis(this, annet, true) ?? Beloep.avDecimal(this.dec().minus(annet.dec()));
  }

  /** Multiplies by a rate or by a whole number. Exact; round afterwards with a named mode. */
  times<N extends number>(faktor: Sats | bigint | Heltall<N>): Beloep {
    if (faktor instanceof Sats) {
      if (this.q === 1 || this.eksakt()) {
        // Whole øre (or an exact fraction o / q) times n / 10^k: the integer products are exact while
        // they are safe integers (a product beyond is never rounded back into the range), and the
        // decimal's product is exact too (at most 32 digits), so the fraction is that same amount.
        const nevner = Sats.nevner(faktor);
        if (nevner !== 0) {
          const p = this.o * Sats.teller(faktor);
          const q = this.q * nevner;
          if (p <= MAKS_OERE && p >= -MAKS_OERE && q <= MAKS_OERE) return Beloep.avBroek(p, q);
        }
      }
      return Beloep.avDecimal(this.dec().times(Sats.tilDecimal(faktor)));
    }
    if (typeof faktor === 'number') {
      kreverHeltall(faktor, 'Faktoren');
      if (this.q === 1 || this.eksakt()) {
        // A product beyond the safe range is never rounded back into it (rounding is monotone).
        const p = this.o * faktor;
        if (p <= MAKS_OERE && p >= -MAKS_OERE) return Beloep.avBroek(p, this.q);
      }
    }
    return Beloep.avDecimal(this.dec().times(new Dec(faktor.toString())));
  }

  /** Divides by a whole number (e.g. 11 or 12 months). Exact to 40 significant digits; round afterwards. */
  dividedBy<N extends number>(divisor: bigint | Heltall<N>): Beloep {
    if (typeof divisor === 'number') kreverHeltall(divisor, 'Divisoren');
    if (divisor === 0 || divisor === 0n) throw new UgyldigBeloepError('Kan ikke dele et beløp på 0');
    // Whole øre or an exact fraction over a whole number is the fraction o / (q·d): an even division
    // is whole øre, exact as the decimal's was; otherwise the decimal would have rounded the exact
    // quotient once to 40 digits, which is what the fraction stands for (see the class comment).
    if (typeof divisor === 'number' && (this.q === 1 || this.eksakt())) {
      const q = this.q * (divisor < 0 ? -divisor : divisor);
      if (q <= MAKS_OERE) return Beloep.avBroek(divisor < 0 ? -this.o : this.o, q);
    }
    return Beloep.avDecimal(this.dec().dividedBy(new Dec(divisor.toString())));
  }

  /** This amount as a share of another: `a.ratioTo(b)` is a / b. */
  ratioTo(annet: Beloep): Sats {
    if (annet.isZero()) throw new UgyldigBeloepError('Kan ikke regne andel av et beløp på 0');
    // Both in øre: the quotient of the øre is the same exact quotient, rounded the same way.
    if (this.q === 1 && annet.q === 1) {
      return Sats.fraDecimal(new Dec(this.o).dividedBy(annet.o));
    }
    return Sats.fraDecimal(this.dec().dividedBy(annet.dec()));
  }

  negated(): Beloep {
    if (this.q === 1) return Beloep.avOere(-this.o);
    // The 40-digit rounding is symmetric (half even), so the negated fraction stands for the
    // negated decimal.
    if (this.q > 1) {
      const lag = this.lag === null ? null : { ...this.lag, negert: !this.lag.negert };
      return new Beloep(-this.o, null, this.q, lag);
    }
    return Beloep.avDecimal(this.dec().negated());
  }

  abs(): Beloep {
    if (this.q !== 0) return this.o < 0 ? this.negated() : this;
    return Beloep.avDecimal(this.dec().abs());
  }

  /** max(0, this): "never negative". */
  atLeastZero(): Beloep {
    if (this.q !== 0) return this.o < 0 ? Beloep.NULL : this;
    return this.dec().isNegative() ? Beloep.NULL : this;
  }

  compare(annet: Beloep): -1 | 0 | 1 {
    if (annet.q === 1) {
      if (this.q === 1) return this.o < annet.o ? -1 : this.o > annet.o ? 1 : 0;
      if (this.q > 1) return sammenlignBroek(this.o, this.q, annet.o);
    } else if (annet.q > 1 && this.q === 1) {
      return -sammenlignBroek(annet.o, annet.q, this.o) as -1 | 0 | 1;
    }
    return this.dec().comparedTo(annet.dec()) as -1 | 0 | 1;
  }

  equals(annet: Beloep): boolean {
    return this.compare(annet) === 0;
  }

  greaterThan(annet: Beloep): boolean {
    return this.compare(annet) > 0;
  }

  greaterThanOrEqual(annet: Beloep): boolean {
    return this.compare(annet) >= 0;
  }

  lessThan(annet: Beloep): boolean {
    return this.compare(annet) < 0;
  }

  lessThanOrEqual(annet: Beloep): boolean {
    return this.compare(annet) <= 0;
  }

  isZero(): boolean {
    // A fraction is never zero (its numerator is not a multiple of the denominator).
    return this.q !== 0 ? this.o === 0 : this.dec().isZero();
  }

  /** Strictly below zero (−0 is not negative). */
  isNegative(): boolean {
    if (this.q !== 0) return this.o < 0;
    const d = this.dec();
    return d.isNegative() && !d.isZero();
  }

  isPositive(): boolean {
    if (this.q !== 0) return this.o > 0;
    const d = this.dec();
    return d.isPositive() && !d.isZero();
  }

  /** True when the amount has no fraction below the unit. */
  isWhole(enhet: Enhet): boolean {
    if (this.q === 1) return enhet === 'OERE' || this.o % 100 === 0;
    // A fraction has a part of an øre, and so has its decimal (it is far from every whole øre).
    if (this.q > 1) return false;
    return this.dec().decimalPlaces() <= desimalerFor(enhet);
  }

  /** Rounds to whole kroner or øre with a named mode. */
  round(enhet: Enhet, modus: RoundingMode): Beloep {
    if (this.q === 1) {
      if (enhet === 'OERE') return this;
      return Beloep.avOere(rundTilHundre(this.o, modus));
    }
    if (this.q > 1) return Beloep.avOere(rundBroek(this.o, this.q, enhet, modus));
    return Beloep.avDec(this.dec().toDecimalPlaces(desimalerFor(enhet), decimalRounding(modus)));
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
    const skala = enhet === 'KRONE' ? 100n : 1n;
    const oere = this.q === 1 ? BigInt(this.o) : BigInt(this.dec().times(100).toFixed(0));
    const enheter = oere / skala;
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
    return deler.map((del) => Beloep.oere(del * fortegn * skala));
  }

  /** Plain decimal string with every significant decimal, e.g. "1234.5" or "2618.181818…". */
  toJSON(): string {
    if (this.q > 1 && this.lag === null) return broekTilStreng(this.o, this.q);
    if (this.q !== 1) return this.dec().toFixed();
    const a = this.o < 0 ? -this.o : this.o;
    const rest = a % 100;
    const kroner = (a - rest) / 100;
    const fortegn = this.o < 0 ? '-' : '';
    if (rest === 0) return `${fortegn}${kroner}`;
    if (rest % 10 === 0) return `${fortegn}${kroner}.${rest / 10}`;
    return `${fortegn}${kroner}.${rest < 10 ? '0' : ''}${rest}`;
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
    // Øre / 100 in floating point is the correctly rounded value of the exact decimal, the same
    // double as parsing its string; for the decimal, its plain string (at most two decimals here).
    if (this.q === 1) return this.o / 100;
    return Number(this.dec().toString());
  }

  /** Whole kroner as a bigint; refuses an amount with øre. */
  toKronerBigInt(): bigint {
    if (!this.isWhole('KRONE'))
      throw new UgyldigBeloepError(`Beløpet ${this.toJSON()} er ikke et helt kronebeløp`);
    if (this.q === 1) return BigInt(this.o / 100);
    return BigInt(this.dec().toFixed(0));
  }

  /**
   * Norwegian (nb-NO) form: "kr 1 234,50", with non-breaking spaces as group separator and after
   * "kr", decimal comma, and the minus sign U+2212: "kr −1 234,50". Never rounds silently: an amount
   * with more decimals than shown is refused.
   */
  format(valg: FormatValg = {}): string {
    const desimaler = valg.desimaler ?? 2;
    if (!this.isWhole(desimaler === 0 ? 'KRONE' : 'OERE')) {
      throw new UgyldigBeloepError(
        `Beløpet ${this.toJSON()} har flere desimaler enn ${desimaler}: rund av med en navngitt modus før formatering`,
      );
    }
    let heltall: string;
    let broek: string | undefined;
    if (this.q === 1) {
      const a = this.o < 0 ? -this.o : this.o;
      const rest = a % 100;
      heltall = String((a - rest) / 100);
      broek = desimaler === 0 ? undefined : `${rest < 10 ? '0' : ''}${rest}`;
    } else {
      [heltall = '0', broek] = this.dec().abs().toFixed(desimaler).split('.');
    }
    const gruppert = heltall.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    const tall = `${this.isNegative() ? MINUS : ''}${gruppert}${broek ? `,${broek}` : ''}`;
    return valg.medValuta === false ? tall : `kr${NBSP}${tall}`;
  }
}

/** Whole øre rounded to whole kroner (a multiple of 100 øre) with a named mode, in integers. */
function rundTilHundre(o: number, modus: RoundingMode): number {
  const rest = o % 100; // same sign as o
  if (rest === 0) return o;
  const mot0 = o - rest; // towards zero
  const bort = mot0 + (o < 0 ? -100 : 100); // away from zero
  const absRest = rest < 0 ? -rest : rest;
  switch (modus) {
    case 'DOWN':
      return mot0;
    case 'UP':
      return bort;
    case 'FLOOR':
      return o < 0 ? bort : mot0;
    case 'CEILING':
      return o < 0 ? mot0 : bort;
    case 'HALF_UP':
      return absRest >= 50 ? bort : mot0;
    case 'HALF_DOWN':
      return absRest > 50 ? bort : mot0;
    case 'HALF_EVEN':
      if (absRest !== 50) return absRest > 50 ? bort : mot0;
      return (mot0 / 100) % 2 === 0 ? mot0 : bort;
  }
}

/**
 * The fraction p / q øre (safe integers, q > 1, p not a multiple of q) compared with whole øre b, in
 * integers: p = a·q + r with a the quotient towards zero and r of p's sign, |r| < q, so p / q lies
 * strictly between a − 1 and a + 1 on r's side of a.
 */
function sammenlignBroek(p: number, q: number, b: number): -1 | 0 | 1 {
  const r = p % q;
  // p − r is a multiple of q, so the float quotient is that exact integer.
  const a = (p - r) / q;
  if (a !== b) return a < b ? -1 : 1;
  return r === 0 ? 0 : r < 0 ? -1 : 1;
}

/**
 * The fraction p / q øre (safe integers, q > 1) rounded to whole øre or kroner with a named mode, in
 * integers: the whole units towards zero, and where the rest lies against half a unit. The answer is
 * whole øre; one beyond ±2^53 (only when rounding away from zero near it) is still exact, being a
 * multiple of 100 there.
 */
function rundBroek(p: number, q: number, enhet: Enhet, modus: RoundingMode): number {
  const r = p % q;
  const a = (p - r) / q;
  const negativ = p < 0;
  const absA = negativ ? -a : a;
  const absR = negativ ? -r : r;
  let hel: number; // whole units towards zero, in øre
  let steg: number; // one unit, in øre
  let mot: number; // the rest against half a unit: < 0 below, 0 at, > 0 above
  if (enhet === 'OERE') {
    if (absR === 0) return a;
    hel = absA;
    steg = 1;
    // 2·|r| < 2^54 is exact in a double (a doubling only moves the exponent).
    mot = 2 * absR - q;
  } else {
    const restOere = absA % 100;
    if (restOere === 0 && absR === 0) return a;
    hel = absA - restOere;
    steg = 100;
    mot = restOere !== 50 ? restOere - 50 : absR;
  }
  let bort: boolean;
  switch (modus) {
    case 'DOWN':
      bort = false;
      break;
    case 'UP':
      bort = true;
      break;
    case 'FLOOR':
      bort = negativ;
      break;
    case 'CEILING':
      bort = !negativ;
      break;
    case 'HALF_UP':
      bort = mot >= 0;
      break;
    case 'HALF_DOWN':
      bort = mot > 0;
      break;
    case 'HALF_EVEN':
      bort = mot > 0 || (mot === 0 && (hel / steg) % 2 === 1);
      break;
  }
  const m = bort ? hel + steg : hel;
  return negativ ? -m : m;
}

/** 10^0 … 10^60 as bigint, for {@link broekTilStreng}. */
const TIERPOTENS: readonly bigint[] = Array.from({ length: 61 }, (_, i) => 10n ** BigInt(i));

/**
 * The plain string the decimal of the fraction p / q øre prints (`toFixed()`), made without it: the
 * quotient to 40 significant digits, the last rounded half even as the decimal's division rounds
 * it, trailing zeros dropped. One bigint division when the amount is at least one øre, two below.
 */
function broekTilStreng(p: number, q: number): string {
  const teller = BigInt(p < 0 ? -p : p);
  const nevner = BigInt(q);
  const heltall = teller / nevner;
  // Decimals of the øre that leave 40 significant digits: the whole øre (below 2^53) have at most 16
  // digits; below one øre, 56 decimals hold more than 40 digits (q < 10^16), and the surplus is cut.
  let skala: number;
  if (heltall > 0n) {
    skala = 40 - heltall.toString().length;
  } else {
    const forsoek = ((teller * (TIERPOTENS[56] as bigint)) / nevner).toString().length;
    skala = 56 - (forsoek - 40);
  }
  const skalert = teller * (TIERPOTENS[skala] as bigint);
  let siffer = skalert / nevner;
  const rest2 = (skalert - siffer * nevner) * 2n;
  if (rest2 > nevner || (rest2 === nevner && (siffer & 1n) === 1n)) siffer += 1n;
  // `siffer` is the amount in units of 10^-(skala + 2) kroner.
  const desimaler = skala + 2;
  let tekst = siffer.toString();
  if (tekst.length <= desimaler) tekst = '0'.repeat(desimaler - tekst.length + 1) + tekst;
  const punkt = tekst.length - desimaler;
  let slutt = tekst.length;
  while (slutt > punkt && tekst.charCodeAt(slutt - 1) === 48) slutt--;
  const tall =
    slutt === punkt ? tekst.slice(0, punkt) : `${tekst.slice(0, punkt)}.${tekst.slice(punkt, slutt)}`;
  return p < 0 ? `-${tall}` : tall;
}
