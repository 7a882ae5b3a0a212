import type { Advarsel, EnhverBeregner } from '@inntektsgrunnlag/beregning';
import type { Persontype } from '@inntektsgrunnlag/person';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import { definisjonForAar, katalogFor, type Postart } from '@inntektsgrunnlag/skattegrunnlag';

/** The sources whose posts a lookup can be without and still give a result. */
export type GrunnlagsApi = Extract<Postart, 'SUMMERT_SKATTEGRUNNLAG' | 'BEREGNET_SKATT' | 'AVREGNING'>;

/**
 * Why a source's posts are missing for a person: Skatteetaten refused (403: a missing scope, right or
 * rettighetspakke), the path or the person was not found (404: BSA-003/009, AR-003/009), the answer had
 * an unexpected form, the data was removed, or Skatteetaten screened the person and sent no posts.
 */
export type Mangelgrunn =
  | 'IKKE_TILGANG'
  | 'UGYLDIG_OPPSLAG'
  | 'PERSON_IKKE_FUNNET'
  | 'UGYLDIG_SVAR'
  | 'FINNES_IKKE_LENGER'
  | 'SKJERMET';

/** One source's posts missing for one person, and why. */
export interface ManglendeGrunnlag {
  identifikator: string;
  persontype: Persontype;
  api: GrunnlagsApi;
  grunn: Mangelgrunn;
  /** Skatteetaten's error code, when it gave one (e.g. BSA-005). */
  kode?: string;
  korrelasjonsid?: string;
}

const API_TEKST: Record<GrunnlagsApi, string> = {
  SUMMERT_SKATTEGRUNNLAG: 'Summert skattegrunnlag',
  BEREGNET_SKATT: 'Beregnet skatt',
  AVREGNING: 'Avregning',
};

/**
 * The posts of the source that enter this area's basis or fee for this person type in the year: the
 * posts of the definition's groups (inntekt, fradrag and the mellomregninger rules use) counted for the
 * type. Posts that are only shown (display groups) are not among them: missing them changes no amount.
 */
export function posterSomInngaar(
  beregner: EnhverBeregner,
  aar: number,
  api: GrunnlagsApi,
  persontype: Persontype,
): string[] {
  const d = definisjonForAar(beregner.postdefinisjon, aar);
  const katalog = katalogFor(aar);
  const navn = new Set<string>();
  for (const g of [...d.inntekt, ...d.fradrag, ...(d.mellomregninger ?? [])]) {
    if (!g.persontyper.includes(persontype)) continue;
    for (const p of g.poster) {
      const art =
        katalog.finn(p.tekniskNavn)?.art ?? (p.tekniskNavn.startsWith('/') ? 'BEREGNET_SKATT' : null);
      if (art === api) navn.add(p.tekniskNavn);
    }
  }
  return [...navn];
}

/** The fee is withheld when posts it is built on are missing; the warning names them, per person, and why. */
export function avgiftHoldesTilbake(
  beregner: EnhverBeregner,
  aar: number,
  mangler: readonly ManglendeGrunnlag[],
): Advarsel | null {
  const inngaar = mangler.flatMap((m) => {
    const poster = posterSomInngaar(beregner, aar, m.api, m.persontype);
    return poster.length ? [{ m, poster }] : [];
  });
  if (inngaar.length === 0) return null;
  const deler = inngaar.map(
    ({ m, poster }) =>
      `${API_TEKST[m.api]} for ${maskerIdentifikator(m.identifikator)} (${GRUNN_TEKST[m.grunn]}; ${
        m.api === 'SUMMERT_SKATTEGRUNNLAG' ? 'alle postene' : `postene ${poster.join(', ')}`
      })`,
  );
  const skjermet = inngaar.some(({ m }) => m.grunn === 'SKJERMET');
  return {
    kode: 'AVGIFT_HOLDT_TILBAKE',
    melding:
      `Avgiften er ikke beregnet, fordi poster den bygger på mangler: ${deler.join('; ')}. ` +
      'Grunnlaget er vist uten dem og er derfor ikke fullstendig. ' +
      (skjermet
        ? 'For en skjermet person: hent tallene fra skatteoppgjøret på annen måte (be personen legge fram skatteoppgjøret, eller be Skatteetaten om opplysningene etter rutinene for personer med adressebeskyttelse), og oppgi dem som personens «poster» i forespørselen; da beregnes avgiften.'
        : 'Når tilgangen er rettet, gjør et nytt oppslag; eller oppgi personens poster i forespørselen («poster»).'),
  };
}

const GRUNN_TEKST: Record<Mangelgrunn, string> = {
  IKKE_TILGANG: 'virksomheten fikk ikke tilgang',
  UGYLDIG_OPPSLAG: 'Skatteetaten avviste oppslaget',
  PERSON_IKKE_FUNNET: 'Skatteetaten fant ikke personen',
  UGYLDIG_SVAR: 'svaret hadde uventet innhold',
  FINNES_IKKE_LENGER: 'opplysningene finnes ikke lenger',
  SKJERMET: 'Skatteetaten har skjermet opplysningene og sendte ingen poster',
};

/** The area with its fee withheld for the reason given: the basis is formed as usual, the fee is null. */
export function medAvgiftHoldtTilbake(beregner: EnhverBeregner, advarsel: Advarsel): EnhverBeregner {
  return {
    ...beregner,
    avgift: () => ({
      // The result envelope shows a fee that was not computed as null under the area's key.
      json: null as unknown as Record<string, unknown>,
      hovedtall: [],
      linjer: [],
      advarsler: [advarsel],
    }),
  };
}
