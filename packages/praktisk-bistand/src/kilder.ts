import type { Kilde } from '@inntektsgrunnlag/regelverk';

/**
 * The sources behind the rules of this area. The text of egenandelsforskriften kapittel 2 (§§ 8–10) is
 * read from Lovdata's open data (NLOD 2.0), kept in the repository as `lovtekst/egenandelsforskriften.md`
 * (consolidated text, in force from 1 January 2026, last amended by FOR-2025-12-17-2619); every quote in
 * this package is found verbatim there (src/lovtekst.test.ts).
 */

/** Short name used in every hjemmel of this package. */
export const FORSKRIFT = 'egenandelsforskriften';

/** The regulation's id, as the `@lovtekst` tags cite it. */
export const FORSKRIFT_ID = 'FOR-2011-12-16-1349';

export const FORSKRIFT_KILDE: Kilde = {
  tittel:
    'Forskrift om egenandel for kommunale helse- og omsorgstjenester (FOR-2011-12-16-1349), kapittel 2, lest fra Lovdatas åpne data (NLOD 2.0), lovtekst/egenandelsforskriften.md',
  url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
  hjemmel: 'helse- og omsorgstjenesteloven § 11-2',
  konfidens: 'A',
};

/** § 10 tredje ledd: who belongs to the household. */
export const LOVDATA_HUSSTAND: Kilde = {
  tittel:
    'Egenandelsforskriften § 10 tredje ledd, lest fra Lovdatas åpne data (lovtekst/egenandelsforskriften.md)',
  url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
  hjemmel: 'egenandelsforskriften § 10 tredje ledd',
  sitat:
    'Til husstanden regnes bare ektefeller eller samboere og i tillegg barn under 18 år, dersom hjelpen ytes på grunnlag av barnets omsorgs- eller pleiebehov.',
  konfidens: 'A',
};

/** § 8, the municipality's power to set the rules and rates, and the child's help as the parents'. */
export const LOVDATA_PARAGRAF_8: Kilde = {
  tittel: 'Egenandelsforskriften § 8, lest fra Lovdatas åpne data (lovtekst/egenandelsforskriften.md)',
  url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
  hjemmel: 'egenandelsforskriften § 8 første ledd',
  sitat:
    'Kommunen kan selv fastsette regler for betaling av egenandel og betalingssatser for praktisk bistand og opplæring',
  konfidens: 'A',
};

/** § 9 første ledd: the ceiling at selvkost. */
export const LOVDATA_SELVKOST: Kilde = {
  tittel:
    'Egenandelsforskriften § 9 første ledd, lest fra Lovdatas åpne data (lovtekst/egenandelsforskriften.md)',
  url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
  hjemmel: 'egenandelsforskriften § 9 første ledd',
  sitat: 'Egenandelen skal ikke overstige kommunens egne utgifter til angjeldende tjeneste (selvkost).',
  konfidens: 'A',
};

/** § 10 første ledd: the income, the income year, hjelpestønad added and omsorgslønn subtracted. */
export const LOVDATA_INNTEKT: Kilde = {
  tittel:
    'Egenandelsforskriften § 10 første ledd, lest fra Lovdatas åpne data (lovtekst/egenandelsforskriften.md)',
  url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
  hjemmel: 'egenandelsforskriften § 10 første ledd',
  sitat:
    'Til inntekten legges også hjelpestønad fra folketrygden til hjelp i huset, mens omsorgslønn etter helse- og omsorgstjenesteloven § 3-6 skal trekkes fra inntektsgrunnlaget.',
  konfidens: 'A',
};

/**
 * The operational definition of the basis post by post: KS Fiks's published PRAKTISK_BISTAND example.
 * Its signs for hjelpestønad (+) and omsorgslønn (−) are the text's (§ 10 første ledd, `LOVDATA_INNTEKT`).
 */
export const KS_PRAKTISK_BISTAND: Kilde = {
  tittel:
    'KS Fiks, «Skatte- og inntektsopplysninger», eksempel for PRAKTISK_BISTAND (inntektsår 2021), ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger.md',
  url: 'https://github.com/ks-no/ks-no.github.io',
  hjemmel: 'egenandelsforskriften § 10 første ledd',
  sitat:
    'Grupper: 1 Alminnelig inntekt før særfradrag (+), 2 Summerte gevinstposter (−), 3 Summerte poster oppjustert av gevinst (−), 4 Summerte poster tap (+), 5 Summerte poster oppjustering av tap (+), 7 Summerte poster oppjustering av utbytte (−), hjelpestønad (+), omsorgslønn (−), skjønnsmessig fradrag (−)',
  konfidens: 'B',
};
