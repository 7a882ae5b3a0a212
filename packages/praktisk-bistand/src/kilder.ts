import type { Kilde } from '@inntektsgrunnlag/regelverk';

/**
 * The sources behind the rules of this area. Lovdata's text of the forskrift could not be read when
 * the rules were written (see docs/regelverk/praktisk-bistand.md), so every quote of the forskrift is
 * second-hand and says where it comes from.
 */

/** Short name used in every hjemmel of this package. */
export const FORSKRIFT = 'egenandelsforskriften';

export const FORSKRIFT_KILDE: Kilde = {
  tittel: 'Forskrift om egenandel for kommunale helse- og omsorgstjenester (FOR-2011-12-16-1349), kapittel 2',
  url: 'https://lovdata.no/forskrift/2011-12-16-1349',
  hjemmel: 'helse- og omsorgstjenesteloven § 11-2',
};

/** § 10 tredje ledd, quoted by the Storting question that Helsedirektoratet's reply was cited in. */
export const STORTINGET_HUSSTAND: Kilde = {
  tittel:
    'Stortinget, skriftlig spørsmål Dok. nr. 15:729 (2019–2020) fra Lise Christoffersen, besvart av helseministeren 30.01.2020',
  url: 'https://www.stortinget.no/no/Saker-og-publikasjoner/Sporsmal/Skriftlige-sporsmal-og-svar/Skriftlig-sporsmal/?qid=78404',
  hjemmel: 'egenandelsforskriften § 10 tredje ledd',
  sitat:
    'Til husstanden regnes bare ektefeller eller samboere og i tillegg barn under 18 år, dersom hjelpen ytes på grunnlag av barnets omsorgs- eller pleiebehov.',
  konfidens: 'B',
};

/** § 8, as Helsedirektoratet reads it. */
export const HELSEDIREKTORATET_PARAGRAF_8: Kilde = {
  tittel:
    'Helsedirektoratet, tolkningsuttalelse «Egenandel for husmorvikartjeneste til barnefamilier» (2013), gjengitt av Helsetilsynet',
  url: 'https://www.helsetilsynet.no/regelverk/tolkningsuttalelser/helse-omsorgstjenester/Egenandel-for-husmorvikartjeneste-til-barnefamilier/',
  hjemmel: 'egenandelsforskriften § 8',
  sitat:
    'Det følger av § 8 at det kan tas egenbetaling for praktisk bistand, som ikke er til personlig stell og egenomsorg. Etter § 8 siste ledd siste pkt. skal tjenester ytt i hjemmet på grunn av et mindreårig barns hjelpebehov anses ytt til foreldrene.',
  konfidens: 'A',
};

/** The ceiling at selvkost and the municipality's own rates above 2 G. */
export const HOD_SELVKOST: Kilde = {
  tittel:
    'Helse- og omsorgsdepartementet, temaside «Egenbetaling for kommunale tjenester i og utenfor institusjon» (oppdatert 06.01.2012)',
  url: 'http://www.regjeringen.no/nn/dep/hod/Tema/helse-_og_omsorgstjenester_i_kommunene/egenbetaling-i-og-utenfor-institusjon.html?id=434597',
  hjemmel: 'egenandelsforskriften kapittel 2 (paragrafen er ikke verifisert; trolig § 9)',
  sitat:
    'Kommunen kan i utgangspunktet selv bestemme nivået på egenandelene. Øvre tak er imidlertid det tjenesten koster å produsere.',
  konfidens: 'A',
};

/** The income concept of the 2 G test, in the words of the yearly circular. */
export const RUNDSKRIV_2013: Kilde = {
  tittel: 'Rundskriv I-1/2013 (Helse- og omsorgsdepartementet), regjeringen.no id710769',
  hjemmel: 'egenandelsforskriften § 10',
  sitat:
    'Maksimal samlet egenandel per måned for praktisk bistand og opplæring utenfor institusjon i husholdninger med samlet skattbar nettoinntekt før særfradrag under 2 G',
  konfidens: 'A',
};

/** The operational definition of the basis: KS Fiks's published PRAKTISK_BISTAND example. */
export const KS_PRAKTISK_BISTAND: Kilde = {
  tittel:
    'KS Fiks, «Skatte- og inntektsopplysninger», eksempel for PRAKTISK_BISTAND (inntektsår 2021), ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger.md',
  url: 'https://github.com/ks-no/ks-no.github.io',
  hjemmel: 'egenandelsforskriften § 10',
  sitat:
    'Grupper: 1 Alminnelig inntekt før særfradrag (+), 2 Summerte gevinstposter (−), 3 Summerte poster oppjustert av gevinst (−), 4 Summerte poster tap (+), 5 Summerte poster oppjustering av tap (+), 7 Summerte poster oppjustering av utbytte (−), hjelpestønad (+), omsorgslønn (−), skjønnsmessig fradrag (−)',
  konfidens: 'B',
};
