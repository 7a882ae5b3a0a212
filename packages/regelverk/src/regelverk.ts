import { z } from 'zod';
import { erIsoDato, type IsoDato, isoDatoSkjema } from './dato.js';
import { type Kilde, kildeSkjema } from './kilde.js';
import type { Kommunesatsgodkjenning } from './kommunesats.js';
import { type GodkjentKommunesats, passerEtter } from './kommunesats.js';
import { type EnhverTabell, Parametertabell, type TabellDefinisjon, type Tabellverdi } from './tabell.js';

/**
 * An operator's data file: new values for built-in tables, e.g. the year's rates the day the circular
 * is published. Values may only be added after a table's built-in coverage; built-in values are
 * never overwritten. Every value needs a source.
 */
export const operatoerfilSkjema = z
  .object({
    beskrivelse: z.string().optional(),
    tabeller: z.record(
      z.string(),
      z.object({
        /** The last date the table, with these values, is known to hold. */
        dekketTil: isoDatoSkjema,
        verdier: z
          .array(
            z.object({
              gyldigFra: isoDatoSkjema,
              verdi: z.unknown(),
              kilde: kildeSkjema,
              verifisert: isoDatoSkjema,
            }),
          )
          .min(1, 'minst én verdi'),
      }),
    ),
  })
  .strict();

export type Operatoerfil = z.infer<typeof operatoerfilSkjema>;

export class UgyldigOperatoerfilError extends Error {
  override readonly name = 'UgyldigOperatoerfilError';
  constructor(
    readonly fil: string,
    readonly feil: ReadonlyArray<{ sti: string; melding: string }>,
  ) {
    super(`Operatørfilen ${fil} er ugyldig:\n${feil.map((f) => `  - ${f.sti}: ${f.melding}`).join('\n')}`);
  }
}

/**
 * A value a calculation used, as it appears in a result's "rule versions used". The same value used on
 * the same date is the same object in every calculation (see {@link Regelverk.bruktVerdi}): read it,
 * never change it.
 */
export interface BruktVerdi {
  tabell: string;
  beskrivelse: string;
  dato: IsoDato;
  gyldigFra: IsoDato;
  verdi: unknown;
  kilde: Kilde;
  verifisert: IsoDato;
  /** The operator's file the value came from, when it did not come from the product. */
  fraFil?: string;
  /** The municipality entered the value in the product: who entered it and who approved it. */
  kommunesats?: Kommunesatsgodkjenning;
}

/**
 * The set of parameter tables a calculation may use: the built-in tables of every rule package,
 * optionally extended by operator files. Immutable and shared; each calculation looks values up through
 * its own {@link Satsoppslag}, which records what it used.
 */
export class Regelverk {
  /**
   * The recorded form of each value by the date it was used on, shared by every calculation on this
   * rule set: the record depends only on the value, the date and this rule set's operator files, and a
   * batch uses a few values on a few dates many thousand times.
   */
  private readonly brukteBuffer = new WeakMap<Tabellverdi<unknown>, Map<IsoDato, BruktVerdi>>();

  private constructor(
    private readonly tabeller: ReadonlyMap<string, Parametertabell<unknown>>,
    /** Coverage that an operator file extended: table → [built-in dekketTil, file]. */
    private readonly forlenget: ReadonlyMap<string, { innebygdTil: IsoDato; fil: string }>,
  ) {}

  static av(definisjoner: ReadonlyArray<EnhverTabell>): Regelverk {
    const tabeller = new Map<string, Parametertabell<unknown>>();
    for (const d of definisjoner) {
      if (tabeller.has(d.navn)) throw new Error(`Tabellen ${d.navn} er definert to ganger`);
      tabeller.set(d.navn, new Parametertabell(d));
    }
    return new Regelverk(tabeller, new Map());
  }

  get alleTabeller(): ReadonlyArray<Parametertabell<unknown>> {
    return [...this.tabeller.values()];
  }

  tabell<T>(definisjon: TabellDefinisjon<T>): Parametertabell<T> {
    const t = this.tabeller.get(definisjon.navn);
    if (!t) throw new Error(`Tabellen ${definisjon.navn} er ikke registrert i regelverket`);
    return t as Parametertabell<T>;
  }

  /**
   * Applies an operator's file (already parsed JSON). Checks that every table exists, that every value
   * parses, and that every new value starts after the built-in coverage; returns a new Regelverk.
   */
  medOperatoerfil(innhold: unknown, filnavn: string): Regelverk {
    const parsed = operatoerfilSkjema.safeParse(innhold);
    if (!parsed.success) {
      throw new UgyldigOperatoerfilError(
        filnavn,
        parsed.error.issues.map((i) => ({ sti: i.path.join('.') || '(rot)', melding: i.message })),
      );
    }
    const feil: Array<{ sti: string; melding: string }> = [];
    const tabeller = new Map(this.tabeller);
    const forlenget = new Map(this.forlenget);
    for (const [navn, tillegg] of Object.entries(parsed.data.tabeller)) {
      const eksisterende = this.tabeller.get(navn);
      if (!eksisterende) {
        feil.push({ sti: `tabeller.${navn}`, melding: 'ukjent tabell (se `pnpm cli satser` for navnene)' });
        continue;
      }
      const def = eksisterende.definisjon;
      const nye: Array<Tabellverdi<unknown>> = [];
      tillegg.verdier.forEach((v, i) => {
        const sti = `tabeller.${navn}.verdier.${i}`;
        if (v.gyldigFra <= eksisterende.dekketTil) {
          feil.push({
            sti: `${sti}.gyldigFra`,
            melding: `${v.gyldigFra} ligger innenfor de innebygde verdiene (til og med ${eksisterende.dekketTil}); innebygde verdier kan ikke overskrives`,
          });
          return;
        }
        const forrige = nye[nye.length - 1];
        if (forrige && v.gyldigFra <= forrige.gyldigFra) {
          feil.push({
            sti: `${sti}.gyldigFra`,
            melding: 'verdiene må stå i stigende rekkefølge etter gyldigFra',
          });
          return;
        }
        const verdi = def.verdiSkjema.safeParse(v.verdi);
        if (!verdi.success) {
          feil.push({ sti: `${sti}.verdi`, melding: verdi.error.issues.map((x) => x.message).join('; ') });
          return;
        }
        nye.push({
          gyldigFra: v.gyldigFra,
          verdi: verdi.data,
          kilde: v.kilde,
          verifisert: v.verifisert,
          fraFil: filnavn,
        });
      });
      const sisteNye = nye[nye.length - 1];
      if (sisteNye && tillegg.dekketTil < sisteNye.gyldigFra) {
        feil.push({
          sti: `tabeller.${navn}.dekketTil`,
          melding: 'må være samme dag som eller etter siste gyldigFra',
        });
      }
      if (!erIsoDato(tillegg.dekketTil) || tillegg.dekketTil <= eksisterende.dekketTil) {
        feil.push({
          sti: `tabeller.${navn}.dekketTil`,
          melding: `må være etter den innebygde dekningen (${eksisterende.dekketTil})`,
        });
      }
      if (feil.length > 0) continue;
      tabeller.set(
        navn,
        new Parametertabell({
          ...def,
          verdier: [...eksisterende.verdier, ...nye],
          dekketTil: tillegg.dekketTil,
        }),
      );
      if (!forlenget.has(navn)) forlenget.set(navn, { innebygdTil: eksisterende.dekketTil, fil: filnavn });
    }
    if (feil.length > 0) throw new UgyldigOperatoerfilError(filnavn, feil);
    return new Regelverk(tabeller, forlenget);
  }

  /**
   * The rule set with the municipality's approved values (entered in the product, approved by a
   * second person; see kommunesats.ts). Each value continues a table the day after its coverage ends
   * and extends the coverage to the value's `dekketTil`: nothing is overwritten and no gap is filled by
   * guessing. A value that does not fit (its table unknown, its form wrong, or its `gyldigFra` not the
   * day after the coverage, e.g. because a newer release or an operator file covers the date now) is
   * left out and returned in `ikkeBrukt` with the reason: built-in and operator values win.
   */
  medKommunesatser(satser: ReadonlyArray<GodkjentKommunesats>): {
    regelverk: Regelverk;
    ikkeBrukt: Array<{ id: string; grunn: string }>;
  } {
    const tabeller = new Map(this.tabeller);
    const ikkeBrukt: Array<{ id: string; grunn: string }> = [];
    const sortert = [...satser].sort(
      (a, b) => a.gyldigFra.localeCompare(b.gyldigFra) || a.godkjent.localeCompare(b.godkjent),
    );
    for (const s of sortert) {
      const t = tabeller.get(s.tabell);
      if (!t) {
        ikkeBrukt.push({ id: s.id, grunn: `ukjent tabell ${s.tabell}` });
        continue;
      }
      const grunn = passerEtter(t, s);
      if (grunn) {
        ikkeBrukt.push({ id: s.id, grunn });
        continue;
      }
      const verdi = t.definisjon.verdiSkjema.safeParse(s.verdi);
      if (!verdi.success) {
        ikkeBrukt.push({
          id: s.id,
          grunn: `verdien har ikke tabellens form: ${verdi.error.issues[0]?.message}`,
        });
        continue;
      }
      tabeller.set(
        s.tabell,
        new Parametertabell({
          ...t.definisjon,
          verdier: [
            ...t.verdier,
            {
              gyldigFra: s.gyldigFra,
              verdi: verdi.data,
              kilde: s.kilde,
              verifisert: s.verifisert,
              kommunesats: {
                id: s.id,
                innlagtAv: s.innlagtAv,
                innlagt: s.innlagt,
                godkjentAv: s.godkjentAv,
                godkjent: s.godkjent,
              },
            },
          ],
          dekketTil: s.dekketTil,
        }),
      );
    }
    return { regelverk: new Regelverk(tabeller, this.forlenget), ikkeBrukt };
  }

  /** A fresh recorder for one calculation. */
  nyttOppslag(): Satsoppslag {
    return new Satsoppslag(this);
  }

  /** The record of value `v` of table `t` used on `dato`, made once per value and date. */
  bruktVerdi<T>(t: Parametertabell<T>, v: Tabellverdi<T>, dato: IsoDato): BruktVerdi {
    let perDato = this.brukteBuffer.get(v);
    const kjent = perDato?.get(dato);
    if (kjent) return kjent;
    const forlengelse = this.forlenget.get(t.navn);
    // A built-in value used past its built-in coverage holds there only because an operator's file
    // said so: name that file.
    const fraFil = v.fraFil ?? (forlengelse && dato > forlengelse.innebygdTil ? forlengelse.fil : undefined);
    const brukt: BruktVerdi = {
      tabell: t.navn,
      beskrivelse: t.beskrivelse,
      dato,
      gyldigFra: v.gyldigFra,
      verdi: t.definisjon.visVerdi(v.verdi),
      kilde: v.kilde,
      verifisert: v.verifisert,
      ...(fraFil ? { fraFil } : {}),
      ...(v.kommunesats ? { kommunesats: v.kommunesats } : {}),
    };
    if (!perDato) {
      perDato = new Map();
      this.brukteBuffer.set(v, perDato);
    } else if (perDato.size >= MAKS_DATOER_PER_VERDI) {
      // Bounded: a run over many dates keeps only the latest, and a record made again is equal.
      perDato.clear();
    }
    perDato.set(dato, brukt);
    return brukt;
  }
}

/** How many dates the record of one value is kept for (see {@link Regelverk.bruktVerdi}). */
const MAKS_DATOER_PER_VERDI = 400;

/**
 * Looks values up for one calculation and records each value used, so the result can name every rate
 * behind it, its source, and whether it came from an operator's file.
 */
export class Satsoppslag {
  /** By the value itself: within one rule set a value is one table's entry from one date. */
  private readonly brukt = new Map<Tabellverdi<unknown>, BruktVerdi>();

  constructor(private readonly regelverk: Regelverk) {}

  verdi<T>(definisjon: TabellDefinisjon<T>, dato: IsoDato): T {
    return this.oppslag(definisjon, dato).verdi;
  }

  oppslag<T>(definisjon: TabellDefinisjon<T>, dato: IsoDato): Tabellverdi<T> {
    const t = this.regelverk.tabell(definisjon);
    const v = t.verdiPaa(dato);
    // The first use of a value on a calculation is the one recorded (with its date), as before.
    if (!this.brukt.has(v)) this.brukt.set(v, this.regelverk.bruktVerdi(t, v, dato));
    return v;
  }

  /** Every value looked up so far, in the order first used. */
  brukteVerdier(): BruktVerdi[] {
    return [...this.brukt.values()];
  }
}
