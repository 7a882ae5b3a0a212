import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import {
  definisjonForAar,
  type Gruppedefinisjon,
  katalogFor,
  postinfo,
  tillattPost,
  VISNINGSGRUPPER,
  VISNINGSREKKEFOELGE,
} from '@inntektsgrunnlag/skattegrunnlag';
import { beregnerFor } from './omraade.js';

function gruppe(g: Gruppedefinisjon, aar: number) {
  return {
    tekniskNavn: g.tekniskNavn,
    visningstekst: g.visningstekst,
    operasjon: g.operasjon,
    persontyper: [...g.persontyper],
    ...(g.hjemmel ? { hjemmel: g.hjemmel } : {}),
    poster: g.poster.map((p) => {
      const { info, kjent } = postinfo(p.tekniskNavn, aar);
      return {
        tekniskNavn: p.tekniskNavn,
        visningstekst: info.visningstekst,
        operasjon: p.operasjon,
        kilde: info.kilde,
        ...(info.kategori ? { kategori: info.kategori } : {}),
        // False marks a post the year's catalogue does not have (a rename the definition must follow).
        iKatalog: kjent,
        ...(p.merknad ? { merknad: p.merknad } : {}),
      };
    }),
  };
}

/**
 * Which posts count for the area in the income year, in which group and with which sign, and what
 * it may show besides: the post definition, with the source it builds on.
 */
export function postdefinisjonFor(type: Beregningstype, aar: number) {
  const d = definisjonForAar(beregnerFor(type).postdefinisjon, aar);
  return {
    beregningstype: type,
    inntektsaar: aar,
    kilde: d.kilde,
    inntekt: d.inntekt.map((g) => gruppe(g, aar)),
    fradrag: d.fradrag.map((g) => gruppe(g, aar)),
    mellomregninger: (d.mellomregninger ?? []).map((g) => gruppe(g, aar)),
    visning: { grupper: [...d.visning.grupper], poster: [...(d.visning.poster ?? [])] },
  };
}

/**
 * The posts the area may show, by display group (KS's «visning» file): every post of the year's
 * catalogue the area's allow-list lets through, in KS's order within each group.
 */
export function visningFor(type: Beregningstype, aar: number) {
  const b = beregnerFor(type);
  const tillatt = tillattPost(b.postdefinisjon, aar);
  const katalog = katalogFor(aar);
  const poster = katalog.alle().filter((p) => tillatt(p.tekniskNavn));
  return {
    beregningstype: type,
    inntektsaar: aar,
    postkatalog: katalog.kilde,
    grupper: VISNINGSGRUPPER.map((kategori) => {
      const plass = new Map(VISNINGSREKKEFOELGE[kategori].map((n, i) => [n, i]));
      const rang = (n: string) => plass.get(n) ?? Number.POSITIVE_INFINITY;
      return {
        kategori,
        poster: poster
          .filter((p) => p.visningsgruppe === kategori)
          .sort((a, c) =>
            rang(a.tekniskNavn) === rang(c.tekniskNavn)
              ? 0
              : rang(a.tekniskNavn) < rang(c.tekniskNavn)
                ? -1
                : 1,
          )
          .map((p) => ({
            tekniskNavn: p.tekniskNavn,
            visningstekst: p.visningstekst,
            kilde: p.kilde,
            ...(p.kategori ? { kategori: p.kategori } : {}),
            ...(p.infotekst ? { infotekst: p.infotekst } : {}),
          })),
      };
    }).filter((g) => g.poster.length > 0),
  };
}
