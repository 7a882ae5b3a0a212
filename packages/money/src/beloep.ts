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
 */
export class Beloep {
  /**
   * `d === null`: the amount is `o` øre (a safe integer, never −0). Otherwise the amount is `d`
   * kroner and `o` is unused (0).
   */
  private constructor(
    private readonly o: number,
    private readonly d: Dec | null,
  ) {}

  static readonly NULL: Beloep = new Beloep(0, null);

  /** An amount of whole øre, kept as an integer when it is a safe one. */
  private static avOere(o: number): Beloep {
    if (o === 0) return Beloep.NULL;
    if (o <= MAKS_OERE && o >= -MAKS_OERE) return new Beloep(o, null);
    return new Beloep(0, new Dec(o).dividedBy(100));
  }

  /** A decimal amount; kept as integer øre when it has at most two decimals and is in range. */
  private static avDec(d: Dec): Beloep {
    if (d.decimalPlaces() <= 2 && d.abs().lessThan(GRENSE_KRONER)) {
      const o = Number(d.toFixed(2).replace('.', ''));
      return o === 0 ? Beloep.NULL : new Beloep(o, null);
    }
    return new Beloep(0, d);
  }

  /** The amount as the decimal (exact: integer øre over 100). */
  private dec(): Dec {
    return this.d ?? new Dec(`${this.o}e-2`);
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
        : new Beloep(0, new Dec(verdi.toString()));
    }
    if (typeof verdi === 'number') {
      kreverHeltall(verdi, 'Et kronebeløp gitt som tall');
      const oere = verdi * 100;
      return Number.isSafeInteger(oere) ? Beloep.avOere(oere) : new Beloep(0, new Dec(verdi));
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
      : new Beloep(0, new Dec(verdi.toString()).dividedBy(100));
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
      if (d === null && b.d === null) {
        const s = o + b.o;
        if (s <= MAKS_OERE && s >= -MAKS_OERE) {
          o = s;
          continue;
        }
      }
      d = (d ?? new Dec(`${o}e-2`)).plus(b.dec());
    }
    return d === null ? Beloep.avOere(o) : new Beloep(0, d);
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
    if (this.d === null && annet.d === null) {
      const s = this.o + annet.o;
      if (s <= MAKS_OERE && s >= -MAKS_OERE) return Beloep.avOere(s);
    }
    return new Beloep(0, this.dec().plus(annet.dec()));
  }

  minus(annet: Beloep): Beloep {
    if (this.d === null && annet.d === null) {
      const s = this.o - annet.o;
      if (s <= MAKS_OERE && s >= -MAKS_OERE) return Beloep.avOere(s);
    }
    return new Beloep(0, this.dec().minus(annet.dec()));
  }

  /** Multiplies by a rate or by a whole number. Exact; round afterwards with a named mode. */
  times<N extends number>(faktor: Sats | bigint | Heltall<N>): Beloep {
    if (faktor instanceof Sats) {
      if (this.d === null) {
        // Whole øre times n / 10^k: the integer product is exact while it is a safe integer (a product
        // beyond it is never rounded back into it), and when 10^k divides it the amount is whole øre,
        // the same amount the decimal gives. Anything else (a fraction of an øre) goes to the decimal.
        const nevner = Sats.nevner(faktor);
        if (nevner !== 0) {
          const p = this.o * Sats.teller(faktor);
          if (p <= MAKS_OERE && p >= -MAKS_OERE && p % nevner === 0) return Beloep.avOere(p / nevner);
        }
      }
      return new Beloep(0, this.dec().times(Sats.tilDecimal(faktor)));
    }
    if (typeof faktor === 'number') {
      kreverHeltall(faktor, 'Faktoren');
      if (this.d === null) {
        // A product beyond the safe range is never rounded back into it (rounding is monotone).
        const p = this.o * faktor;
        if (p <= MAKS_OERE && p >= -MAKS_OERE) return Beloep.avOere(p);
      }
    }
    return new Beloep(0, this.dec().times(new Dec(faktor.toString())));
  }

  /** Divides by a whole number (e.g. 11 or 12 months). Exact to 40 significant digits; round afterwards. */
  dividedBy<N extends number>(divisor: bigint | Heltall<N>): Beloep {
    if (typeof divisor === 'number') kreverHeltall(divisor, 'Divisoren');
    if (divisor === 0 || divisor === 0n) throw new UgyldigBeloepError('Kan ikke dele et beløp på 0');
    // An even division stays in øre; the quotient is exact, as the decimal's was.
    if (this.d === null && typeof divisor === 'number' && this.o % divisor === 0) {
      return Beloep.avOere(this.o / divisor);
    }
    return new Beloep(0, this.dec().dividedBy(new Dec(divisor.toString())));
  }

  /** This amount as a share of another: `a.ratioTo(b)` is a / b. */
  ratioTo(annet: Beloep): Sats {
    if (annet.isZero()) throw new UgyldigBeloepError('Kan ikke regne andel av et beløp på 0');
    // Both in øre: the quotient of the øre is the same exact quotient, rounded the same way.
    if (this.d === null && annet.d === null) {
      return Sats.fraDecimal(new Dec(this.o).dividedBy(annet.o));
    }
    return Sats.fraDecimal(this.dec().dividedBy(annet.dec()));
  }

  negated(): Beloep {
    if (this.d === null) return Beloep.avOere(-this.o);
    return new Beloep(0, this.d.negated());
  }

  abs(): Beloep {
    if (this.d === null) return this.o < 0 ? new Beloep(-this.o, null) : this;
    return new Beloep(0, this.d.abs());
  }

  /** max(0, this): "never negative". */
  atLeastZero(): Beloep {
    if (this.d === null) return this.o < 0 ? Beloep.NULL : this;
    return this.d.isNegative() ? Beloep.NULL : this;
  }

  compare(annet: Beloep): -1 | 0 | 1 {
    if (this.d === null && annet.d === null) {
      return this.o < annet.o ? -1 : this.o > annet.o ? 1 : 0;
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
    return this.d === null ? this.o === 0 : this.d.isZero();
  }

  /** Strictly below zero (−0 is not negative). */
  isNegative(): boolean {
    if (this.d === null) return this.o < 0;
    return this.d.isNegative() && !this.d.isZero();
  }

  isPositive(): boolean {
    if (this.d === null) return this.o > 0;
    return this.d.isPositive() && !this.d.isZero();
  }

  /** True when the amount has no fraction below the unit. */
  isWhole(enhet: Enhet): boolean {
    if (this.d === null) return enhet === 'OERE' || this.o % 100 === 0;
    return this.d.decimalPlaces() <= desimalerFor(enhet);
  }

  /** Rounds to whole kroner or øre with a named mode. */
  round(enhet: Enhet, modus: RoundingMode): Beloep {
    if (this.d === null) {
      if (enhet === 'OERE') return this;
      return Beloep.avOere(rundTilHundre(this.o, modus));
    }
    return Beloep.avDec(this.d.toDecimalPlaces(desimalerFor(enhet), decimalRounding(modus)));
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
    const oere = this.d === null ? BigInt(this.o) : BigInt(this.d.times(100).toFixed(0));
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
    if (this.d !== null) return this.d.toFixed();
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
    if (this.d === null) return this.o / 100;
    return Number(this.d.toString());
  }

  /** Whole kroner as a bigint; refuses an amount with øre. */
  toKronerBigInt(): bigint {
    if (!this.isWhole('KRONE'))
      throw new UgyldigBeloepError(`Beløpet ${this.toJSON()} er ikke et helt kronebeløp`);
    if (this.d === null) return BigInt(this.o / 100);
    return BigInt(this.d.toFixed(0));
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
    if (this.d === null) {
      const a = this.o < 0 ? -this.o : this.o;
      const rest = a % 100;
      heltall = String((a - rest) / 100);
      broek = desimaler === 0 ? undefined : `${rest < 10 ? '0' : ''}${rest}`;
    } else {
      [heltall = '0', broek] = this.d.abs().toFixed(desimaler).split('.');
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
