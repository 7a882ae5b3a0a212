import type { z } from 'zod';
import { erIsoDato, formaterDato, type IsoDato, leggTilDager } from './dato.js';
import type { Kilde } from './kilde.js';
import type { Kommunesatsgodkjenning } from './kommunesats.js';

/** One dated value of a parameter table. */
export interface Tabellverdi<T> {
  /** First day the value applies. It applies until the day before the next value's `gyldigFra`. */
  gyldigFra: IsoDato;
  verdi: T;
  kilde: Kilde;
  /** The date the value was last checked against its source. */
  verifisert: IsoDato;
  /** Set when the value came from an operator's data file (the file's name), not from the product. */
  fraFil?: string;
  /**
   * Set when the municipality entered the value in the product and a second person approved it
   * (see kommunesats.ts): who entered it, who approved it, and when.
   */
  kommunesats?: Kommunesatsgodkjenning;
}

/**
 * The definition of a parameter table: its values as data, the last date they are known to hold
 * (`dekketTil`), and how an operator's file spells a value (`verdiSkjema`, a zod schema that turns the
 * JSON form into `T`, and `visVerdi`, the inverse for results and explanations).
 */
export interface TabellDefinisjon<T> {
  /** Stable id, namespaced by area: "folketrygden.grunnbeloep", "langtidsopphold.fribeloep". */
  navn: string;
  /** What the value is, in Norwegian: "Folketrygdens grunnbeløp (G)". */
  beskrivelse: string;
  verdier: ReadonlyArray<Tabellverdi<T>>;
  /** The last date the values are known to hold. Later dates are refused, never extrapolated. */
  dekketTil: IsoDato;
  /** How a value is written in an operator's data file (JSON) and parsed into `T`. */
  verdiSkjema: z.ZodType<T>;
  /** The JSON form of a value, for results and for the "rule versions used". */
  visVerdi: (verdi: T) => unknown;
}

/** Thrown for a date before a table's first value or after its `dekketTil`. */
export class UtenforDekning extends Error {
  override readonly name = 'UtenforDekning';
  constructor(
    readonly tabell: string,
    readonly beskrivelse: string,
    readonly dato: IsoDato,
    readonly dekketFra: IsoDato,
    readonly dekketTil: IsoDato,
  ) {
    super(
      `${beskrivelse} (${tabell}) er kjent fra ${formaterDato(dekketFra)} til og med ${formaterDato(dekketTil)}; ` +
        `${formaterDato(dato)} er ${dato < dekketFra ? 'før' : 'etter'} dette. ` +
        (dato > dekketTil
          ? 'Produktet gjetter aldri på nye satser: kommunens satsforvalter kan legge inn verdien fra kilden i produktet (godkjent av en annen), eller driften i en operatørfil (se docs/drift.md, «Nye satser»).'
          : 'Regelen gjelder ikke for denne datoen.'),
    );
  }
}

export class UgyldigTabellError extends Error {
  override readonly name = 'UgyldigTabellError';
}

/** A parameter table whose values have been checked: ordered, dated, sourced and verified. */
export class Parametertabell<T> {
  readonly navn: string;
  readonly beskrivelse: string;
  readonly verdier: ReadonlyArray<Tabellverdi<T>>;
  readonly dekketTil: IsoDato;

  constructor(readonly definisjon: TabellDefinisjon<T>) {
    const { navn, verdier, dekketTil } = definisjon;
    if (verdier.length === 0) throw new UgyldigTabellError(`Tabellen ${navn} har ingen verdier`);
    verdier.forEach((v, i) => {
      if (!erIsoDato(v.gyldigFra)) throw new UgyldigTabellError(`${navn}[${i}].gyldigFra er ikke en dato`);
      if (!erIsoDato(v.verifisert)) throw new UgyldigTabellError(`${navn}[${i}].verifisert er ikke en dato`);
      if (!v.kilde?.tittel) throw new UgyldigTabellError(`${navn}[${i}] mangler kilde`);
      const forrige = verdier[i - 1];
      if (forrige && v.gyldigFra <= forrige.gyldigFra) {
        throw new UgyldigTabellError(
          `${navn}: verdiene må stå i stigende rekkefølge etter gyldigFra (${v.gyldigFra})`,
        );
      }
    });
    const siste = verdier[verdier.length - 1] as Tabellverdi<T>;
    if (!erIsoDato(dekketTil) || dekketTil < siste.gyldigFra) {
      throw new UgyldigTabellError(`${navn}: dekketTil (${dekketTil}) må være en dato etter siste gyldigFra`);
    }
    this.navn = navn;
    this.beskrivelse = definisjon.beskrivelse;
    this.verdier = verdier;
    this.dekketTil = dekketTil;
  }

  get dekketFra(): IsoDato {
    return (this.verdier[0] as Tabellverdi<T>).gyldigFra;
  }

  /** The value in force on `dato`; throws {@link UtenforDekning} outside the table's coverage. */
  verdiPaa(dato: IsoDato): Tabellverdi<T> {
    if (dato < this.dekketFra || dato > this.dekketTil) {
      throw new UtenforDekning(this.navn, this.beskrivelse, dato, this.dekketFra, this.dekketTil);
    }
    // Tables are short (a value a year at most), so a backwards scan is both simplest and fast.
    for (let i = this.verdier.length - 1; i >= 0; i--) {
      const v = this.verdier[i] as Tabellverdi<T>;
      if (v.gyldigFra <= dato) return v;
    }
    /* c8 ignore next: unreachable, dato >= dekketFra */
    throw new UtenforDekning(this.navn, this.beskrivelse, dato, this.dekketFra, this.dekketTil);
  }

  /** Every entry whose period overlaps `dato` (for the coverage test: must be exactly one). */
  gjeldendeVerdier(dato: IsoDato): Array<Tabellverdi<T>> {
    if (dato < this.dekketFra || dato > this.dekketTil) return [];
    return this.verdier.filter((v, i) => {
      const neste = this.verdier[i + 1];
      const tilOgMed = neste ? leggTilDager(neste.gyldigFra, -1) : this.dekketTil;
      return v.gyldigFra <= dato && dato <= tilOgMed;
    });
  }
}

/**
 * Any table definition, whatever its value type. Definitions are contravariant in `T` (through
 * `visVerdi`), so a list of tables of different types needs `any` here, and only here.
 */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous registry of table definitions, see above
export type EnhverTabell = TabellDefinisjon<any>;

/** A typed handle to a table definition; rule packages export these. */
export function tabell<T>(definisjon: TabellDefinisjon<T>): TabellDefinisjon<T> {
  // Validate eagerly so a malformed built-in table fails at import, in every test run.
  new Parametertabell(definisjon);
  return definisjon;
}
