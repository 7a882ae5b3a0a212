import { z } from 'zod';
import { formaterDato, type IsoDato, isoDatoSkjema, leggTilDager } from './dato.js';
import type { Kilde } from './kilde.js';
import type { Regelverk } from './regelverk.js';
import type { Parametertabell } from './tabell.js';

/**
 * Rates the municipality supplies inside the product (issue 17 item 6). When a table's built-in
 * coverage ends (next year's amounts on 1 January, a limit the project could not find), the
 * municipality's rate administrator (SATSFORVALTER) enters the value with its source and verification
 * date; it is in force only once a second person has approved it. Entries and approvals are appended
 * and never changed (packages/lagring, migration 0006); the rule set used for a beregning is the
 * built-in one, the operator's files, then the approved entries ({@link Regelverk.medKommunesatser}).
 */

/** Who entered or approved a value: the actor's id and display name (never a fødselsnummer). */
export interface Satsperson {
  id: string;
  navn: string;
}

/** On a value in force: who entered it and who approved it, for results and explanations. */
export interface Kommunesatsgodkjenning {
  /** The entry's id in the store. */
  id: string;
  innlagtAv: Satsperson;
  /** ISO 8601 timestamp. */
  innlagt: string;
  godkjentAv: Satsperson;
  /** ISO 8601 timestamp. */
  godkjent: string;
}

/** An approved entry as the store gives it to {@link Regelverk.medKommunesatser}. */
export interface GodkjentKommunesats {
  id: string;
  tabell: string;
  gyldigFra: IsoDato;
  dekketTil: IsoDato;
  /** The value in the table's JSON form (as an operator file writes it). */
  verdi: unknown;
  kilde: Kilde;
  verifisert: IsoDato;
  innlagtAv: Satsperson;
  innlagt: string;
  godkjentAv: Satsperson;
  godkjent: string;
}

const tekst = (maks: number) =>
  z
    .string({ error: 'må være en tekst' })
    .trim()
    .min(1, 'kan ikke være tom')
    .max(maks, `høyst ${maks} tegn`)
    .refine((t) => ![...t].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), {
      message: 'kan ikke inneholde kontrolltegn',
    });

/**
 * A new entry as the administrator gives it. The source is what the value rests on: a title (the
 * circular, the budget decision, the amending regulation) and, where there is one, its address and the
 * provision; `verifisert` is the day the value was checked against that source.
 */
export const nyKommunesatsSkjema = z
  .object({
    tabell: tekst(100).describe('Tabellens navn, f.eks. «foreldrebetaling.kjernetidInntektsgrense»'),
    gyldigFra: isoDatoSkjema.describe('Første dag verdien gjelder: dagen etter at tabellen slutter'),
    dekketTil: isoDatoSkjema.describe('Siste dag verdien er kjent å gjelde'),
    verdi: z.unknown().describe('Verdien i tabellens form (se verdiform i GET /api/v1/satser)'),
    kilde: z
      .object({
        tittel: tekst(500).describe(
          'Kildens tittel, f.eks. «Rundskriv I-1/2027 (Helse- og omsorgsdepartementet)»',
        ),
        url: z.url({ error: 'må være en gyldig adresse (https://…)' }).max(1000).optional(),
        hjemmel: tekst(300).optional(),
        sitat: tekst(1000).optional(),
      })
      .strict(),
    verifisert: isoDatoSkjema.describe('Dagen verdien ble kontrollert mot kilden'),
  })
  .strict();

export type NyKommunesats = z.output<typeof nyKommunesatsSkjema>;

/** One fault of an entry, named by its field (the API's `errors[]`). */
export interface Satsfeil {
  felt: string;
  melding: string;
}

export class UgyldigKommunesatsError extends Error {
  override readonly name = 'UgyldigKommunesatsError';
  constructor(readonly feil: readonly Satsfeil[]) {
    super(feil.map((f) => `${f.felt}: ${f.melding}`).join('; '));
  }
}

/**
 * Why a value from `gyldigFra` cannot continue the table, or null when it can: a value must start the
 * day after the table's coverage ends. Earlier would overwrite a value in force; later would leave a
 * gap the product would have to guess across.
 */
export function passerEtter(
  t: Pick<Parametertabell<unknown>, 'dekketTil'>,
  s: { gyldigFra: IsoDato; dekketTil: IsoDato },
): string | null {
  const neste = leggTilDager(t.dekketTil, 1);
  if (s.gyldigFra <= t.dekketTil) {
    return `${formaterDato(s.gyldigFra)} er innenfor tabellens dekning (til og med ${formaterDato(t.dekketTil)}); verdier som gjelder, kan ikke overskrives`;
  }
  if (s.gyldigFra > neste) {
    return `må være ${formaterDato(neste)}, dagen etter at tabellen slutter: ellers blir det et opphold uten verdi`;
  }
  if (s.dekketTil < s.gyldigFra) return 'dekketTil kan ikke være før gyldigFra';
  return null;
}

/**
 * Checks a new entry against the rule set in force (`innebygd`: built-in values and operator files;
 * `gjeldende`: that with the approved entries) and returns it parsed. Every fault is named by its
 * field: an unknown table, a date inside the built-in coverage or an approved value's, a gap, a value
 * of the wrong form, a verification date in the future.
 */
export function kontrollerKommunesats(
  raa: unknown,
  regelverk: { innebygd: Regelverk; gjeldende: Regelverk },
  idag: IsoDato,
): NyKommunesats & { verdi: unknown } {
  const parsed = nyKommunesatsSkjema.safeParse(raa);
  if (!parsed.success) {
    throw new UgyldigKommunesatsError(
      parsed.error.issues.map((i) => ({ felt: i.path.join('.') || '(rot)', melding: i.message })),
    );
  }
  const ny = parsed.data;
  const feil: Satsfeil[] = [];
  const innebygd = regelverk.innebygd.alleTabeller.find((t) => t.navn === ny.tabell);
  const gjeldende = regelverk.gjeldende.alleTabeller.find((t) => t.navn === ny.tabell);
  if (!innebygd || !gjeldende) {
    throw new UgyldigKommunesatsError([
      { felt: 'tabell', melding: `ukjent tabell «${ny.tabell}» (se GET /api/v1/satser for navnene)` },
    ]);
  }
  const neste = leggTilDager(gjeldende.dekketTil, 1);
  if (ny.gyldigFra <= innebygd.dekketTil) {
    feil.push({
      felt: 'gyldigFra',
      melding: `${formaterDato(ny.gyldigFra)} er innenfor produktets egne verdier for tabellen (til og med ${formaterDato(innebygd.dekketTil)}); de kan ikke overskrives. En ny verdi må gjelde fra ${formaterDato(neste)}.`,
    });
  } else if (ny.gyldigFra <= gjeldende.dekketTil) {
    feil.push({
      felt: 'gyldigFra',
      melding: `${formaterDato(ny.gyldigFra)} er dekket av en godkjent verdi (tabellen gjelder til og med ${formaterDato(gjeldende.dekketTil)}); godkjente verdier kan ikke overskrives. En ny verdi må gjelde fra ${formaterDato(neste)}.`,
    });
  } else if (ny.gyldigFra > neste) {
    feil.push({
      felt: 'gyldigFra',
      melding: `må være ${formaterDato(neste)}, dagen etter at tabellen slutter: ellers blir det et opphold uten verdi, og produktet gjetter aldri`,
    });
  }
  if (ny.dekketTil < ny.gyldigFra) {
    feil.push({ felt: 'dekketTil', melding: 'kan ikke være før gyldigFra' });
  }
  if (ny.verifisert > idag) {
    feil.push({ felt: 'verifisert', melding: `kan ikke være etter i dag (${formaterDato(idag)})` });
  }
  const verdi = innebygd.definisjon.verdiSkjema.safeParse(ny.verdi);
  if (!verdi.success) {
    feil.push({
      felt: 'verdi',
      melding: `har ikke tabellens form (${verdiform(innebygd)}): ${verdi.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`,
    });
  }
  if (feil.length > 0) throw new UgyldigKommunesatsError(feil);
  // Stored in the table's JSON form, as the last built-in value shows it: the store keeps what the
  // rules will parse, normalised (e.g. a whole-krone amount as a string).
  return { ...ny, verdi: innebygd.definisjon.visVerdi(verdi.data as never) };
}

/**
 * How a value of the table is written, shown by the last value in force: an administrator writes a new
 * value the same way (e.g. `"642700"`, or `{"ordinaer":1200,…}`).
 */
export function verdiform(t: Parametertabell<unknown>): string {
  const siste = t.verdier[t.verdier.length - 1];
  return siste ? `som ${JSON.stringify(t.definisjon.visVerdi(siste.verdi))}` : 'ukjent';
}
