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
