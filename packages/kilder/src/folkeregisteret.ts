import { z } from 'zod';
import type { Adressegradering, Folkeregisterperson } from './porter.js';

/**
 * The parts of Folkeregisteret's person document (JSON) the product reads. Field names as in
 * Skatteetaten/folkeregisteret-api-dokumentasjon (`PersondokumentMedHistorikk` XSD, whose element names
 * the JSON uses; the synthetic sample in the azf-freg README shows the same): each element is a list of
 * registrations with `erGjeldende` marking the current one. Loose, because Folkeregisteret adds
 * elements, and a part not asked for (dataminimering) is absent.
 * `adressebeskyttelse[].graderingsnivaa` per the FAQ «Spesreg» (graderingsnivå: Adressegradering).
 */
const gjeldende = { erGjeldende: z.boolean().optional() };

export const fregPersonSkjema = z.looseObject({
  identifikasjonsnummer: z
    .array(
      z.looseObject({
        foedselsEllerDNummer: z.string(),
        identifikatortype: z.string().optional(),
        status: z.string().optional(),
        ...gjeldende,
      }),
    )
    .optional(),
  navn: z
    .array(
      z.looseObject({
        fornavn: z.string(),
        mellomnavn: z.string().nullish(),
        etternavn: z.string(),
        ...gjeldende,
      }),
    )
    .optional(),
  foedsel: z
    .array(
      z.looseObject({
        foedselsdato: z.string().optional(),
        foedselsaar: z.string().optional(),
        ...gjeldende,
      }),
    )
    .optional(),
  sivilstand: z
    .array(
      z.looseObject({
        sivilstand: z.string(),
        sivilstandsdato: z.string().optional(),
        relatertVedSivilstand: z.string().optional(),
        ...gjeldende,
      }),
    )
    .optional(),
  familierelasjon: z
    .array(
      z.looseObject({
        relatertPerson: z.string().optional(),
        relatertPersonsRolle: z.string(),
        minRolleForPerson: z.string().optional(),
        ...gjeldende,
      }),
    )
    .optional(),
  adressebeskyttelse: z.array(z.looseObject({ graderingsnivaa: z.string(), ...gjeldende })).optional(),
  status: z.array(z.looseObject({ status: z.string(), ...gjeldende })).optional(),
});

export type FregPersonJson = z.input<typeof fregPersonSkjema>;

/** The current registration of a list: the one marked `erGjeldende`, else the first. */
function naavaerende<T extends { erGjeldende?: boolean | undefined }>(
  liste: readonly T[] | undefined,
): T | undefined {
  if (!liste?.length) return undefined;
  return liste.find((x) => x.erGjeldende === true) ?? liste.find((x) => x.erGjeldende !== false);
}

const GRADERINGER: readonly Adressegradering[] = [
  'ugradert',
  'klientadresse',
  'fortrolig',
  'strengtFortrolig',
];

/** The product's view of a Folkeregisteret person document (already parsed with {@link fregPersonSkjema}). */
export function folkeregisterpersonFraFreg(
  identifikator: string,
  freg: z.output<typeof fregPersonSkjema>,
): Folkeregisterperson {
  const id = naavaerende(freg.identifikasjonsnummer);
  const navn = naavaerende(freg.navn);
  const foedsel = naavaerende(freg.foedsel);
  const sivilstand = naavaerende(freg.sivilstand);
  const gradering = naavaerende(freg.adressebeskyttelse)?.graderingsnivaa;
  const status = naavaerende(freg.status)?.status;
  return {
    identifikator: id?.foedselsEllerDNummer ?? identifikator,
    ...(id?.identifikatortype ? { identifikatortype: id.identifikatortype } : {}),
    ...(navn
      ? { navn: { fornavn: navn.fornavn, mellomnavn: navn.mellomnavn ?? null, etternavn: navn.etternavn } }
      : {}),
    ...(foedsel?.foedselsdato ? { foedselsdato: foedsel.foedselsdato } : {}),
    ...(sivilstand
      ? {
          sivilstand: {
            type: sivilstand.sivilstand,
            ...(sivilstand.relatertVedSivilstand
              ? { relatertVedSivilstand: sivilstand.relatertVedSivilstand }
              : {}),
          },
        }
      : {}),
    familierelasjoner: (freg.familierelasjon ?? [])
      .filter((f) => f.erGjeldende !== false)
      .map((f) => ({
        ...(f.relatertPerson ? { relatertPerson: f.relatertPerson } : {}),
        relatertPersonsRolle: f.relatertPersonsRolle,
        ...(f.minRolleForPerson ? { minRolleForPerson: f.minRolleForPerson } : {}),
      })),
    // An unknown grading is treated as the strictest: never show what may be protected.
    adressebeskyttelse: gradering
      ? GRADERINGER.includes(gradering as Adressegradering)
        ? (gradering as Adressegradering)
        : 'strengtFortrolig'
      : 'ugradert',
    ...(status ? { status } : {}),
  };
}

/** The person document limited to the parts asked for (dataminimering), as Folkeregisteret answers. */
export function begrensTilDeler(freg: FregPersonJson, deler: readonly string[]): FregPersonJson {
  const ut: Record<string, unknown> = {};
  // Folkeregisteret always returns the identifier (except in the rettighetspakke privat).
  if (freg.identifikasjonsnummer) ut.identifikasjonsnummer = freg.identifikasjonsnummer;
  for (const del of deler) {
    const verdi = (freg as Record<string, unknown>)[del];
    if (verdi !== undefined) ut[del] = verdi;
  }
  return ut as FregPersonJson;
}
