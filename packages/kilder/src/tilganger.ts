import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import type { Kilde } from '@inntektsgrunnlag/regelverk';

/**
 * Which of Skatteetaten's other APIs an area may call, with which rettighetspakke. The area's
 * Summert skattegrunnlag rettighetspakke and stages are the Beregner's own (`rettighetspakke`,
 * `stadier`); these are the extra ones. An area without a rettighetspakke for an API never calls it.
 */
export interface Skattetilgang {
  /** Beregnet skatt's rettighetspakke (path segment), if the area has one. */
  beregnetSkatt?: string;
  /** Avregning's rettighetspakke (path segment), if the area has one. */
  avregning?: string;
  kilde: Kilde;
}

const KS: Kilde = {
  tittel:
    'KS Fiks, «Skatte- og inntektsopplysninger»: tjenesteområder og rettighetspakker (ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger*.md)',
  url: 'https://ks-no.github.io/fiks-plattform/tjenester/fiksregister/skatteoginntektsopplysninger/',
  konfidens: 'B',
};
const SE_BSA: Kilde = {
  tittel:
    'Skatteetaten, Beregnet skatt API: rettighetspakker (Skatteetaten/api-dokumentasjon docs/api/beregnetskatt.md, okt. 2024)',
  url: 'https://skatteetaten.github.io/api-dokumentasjon/api/beregnetskatt',
  konfidens: 'A',
};
const SE_AR: Kilde = {
  tittel:
    'Skatteetaten, Avregning API: rettighetspakker (Skatteetaten/api-dokumentasjon docs/api/avregning.md, commit d63703d9)',
  url: 'https://skatteetaten.github.io/api-dokumentasjon/api/avregning',
  konfidens: 'A',
};

export const SKATTETILGANGER: Readonly<Record<Beregningstype, Skattetilgang>> = {
  // kommuneforeldrebetaling has no Beregnet skatt or Avregning package.
  BARNEHAGE_SFO: { kilde: KS },
  PRAKTISK_BISTAND: {
    beregnetSkatt: 'kommunePraktiskBistand',
    kilde: { ...SE_BSA, tittel: `${SE_BSA.tittel}; ${KS.tittel}` },
  },
  LANGTIDSOPPHOLD_INSTITUSJON: {
    beregnetSkatt: 'kommuneLangtidsoppholdInstitusjon',
    avregning: 'kommunelangtidsoppholdinstitusjon',
    kilde: { ...SE_AR, tittel: `${SE_BSA.tittel}; ${SE_AR.tittel}` },
  },
};

/** The APIs whose path carries a rettighetspakke. */
export const RETTIGHETSPAKKE_APIER = ['SUMMERT_SKATTEGRUNNLAG', 'BEREGNET_SKATT', 'AVREGNING'] as const;
export type RettighetspakkeApi = (typeof RETTIGHETSPAKKE_APIER)[number];

/**
 * The rettighetspakke spelled as a deployment's agreement with Skatteetaten names it, per API and area,
 * where it differs from the documented default (Summert skattegrunnlag: the area's own `rettighetspakke`,
 * lower case as the Sep 2025 page spells it; Beregnet skatt and Avregning: {@link SKATTETILGANGER}).
 * The documentation has spelled the packages both camelCase and lower case, and whether the gateway
 * ignores case is not documented: this lets an operator follow what Skatteetaten answers without a release.
 */
export type Rettighetspakkevalg = Partial<
  Record<RettighetspakkeApi, Partial<Record<Beregningstype, string>>>
>;

/** The rettighetspakke to send: the setting, else the documented default (undefined: the area has none). */
export function rettighetspakkeFor(
  valg: Rettighetspakkevalg | undefined,
  api: RettighetspakkeApi,
  beregningstype: Beregningstype,
  ssgStandard: string,
): string | undefined {
  const satt = valg?.[api]?.[beregningstype];
  if (satt) return satt;
  if (api === 'SUMMERT_SKATTEGRUNNLAG') return ssgStandard;
  const t = SKATTETILGANGER[beregningstype];
  return api === 'BEREGNET_SKATT' ? t.beregnetSkatt : t.avregning;
}

const BEREGNINGSTYPER: readonly Beregningstype[] = [
  'BARNEHAGE_SFO',
  'PRAKTISK_BISTAND',
  'LANGTIDSOPPHOLD_INSTITUSJON',
];

/**
 * Reads KILDE_RETTIGHETSPAKKER: `API.BEREGNINGSTYPE=pakke` separated by commas, e.g.
 * `BEREGNET_SKATT.LANGTIDSOPPHOLD_INSTITUSJON=kommunelangtidsoppholdinstitusjon`. Returns the choices
 * or the faults, each naming the entry.
 */
export function lesRettighetspakker(tekst: string): { valg: Rettighetspakkevalg; feil: string[] } {
  const valg: Rettighetspakkevalg = {};
  const feil: string[] = [];
  for (const del of tekst
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const m = /^([A-Z_]+)\.([A-Z_]+)=([A-Za-z0-9-]+)$/.exec(del);
    if (!m) {
      feil.push(`«${del}» må ha formen API.BEREGNINGSTYPE=rettighetspakke`);
      continue;
    }
    const [, api, type, pakke] = m as unknown as [string, string, string, string];
    if (!(RETTIGHETSPAKKE_APIER as readonly string[]).includes(api)) {
      feil.push(`«${del}»: API-et må være ${RETTIGHETSPAKKE_APIER.join(', ')}`);
      continue;
    }
    if (!(BEREGNINGSTYPER as readonly string[]).includes(type)) {
      feil.push(`«${del}»: beregningstypen må være ${BEREGNINGSTYPER.join(', ')}`);
      continue;
    }
    const a = api as RettighetspakkeApi;
    valg[a] = { ...valg[a], [type as Beregningstype]: pakke };
  }
  return { valg, feil };
}
