import type { Beloep } from '@inntektsgrunnlag/money';
import type { Grunnlagsblokk, Grunnlagsgruppe, Grunnlagspost } from './postdefinisjon.js';
import { perPerson } from './postdefinisjon.js';

/** JSON form of a basis block: amounts as numbers in kroner. */
export interface GrunnlagsblokkJson {
  beloep: number;
  grupper: Array<{
    tekniskNavn: string;
    visningstekst: string;
    operasjon: 'ADDERE' | 'SUBTRAHERE';
    hjemmel?: string;
    beloep: number;
    poster: Array<{
      tekniskNavn: string;
      visningstekst: string;
      identifikator: string;
      persontype: string;
      kilde: string;
      operasjon: 'ADDERE' | 'SUBTRAHERE';
      beloep: number;
    }>;
  }>;
  /** Each person's signed contribution to the block. */
  perPerson: Array<{ identifikator: string; beloep: number }>;
}

type GruppeJson = GrunnlagsblokkJson['grupper'][number];
type PostJson = GruppeJson['poster'][number];

// `map` over module-level functions rather than loops with `push`: map makes an array of the exact
// length, where push grows an empty array to room for 17 (most lists here have 0 to 3 entries).

function postTilJson(p: Grunnlagspost): PostJson {
  return {
    tekniskNavn: p.tekniskNavn,
    visningstekst: p.visningstekst,
    identifikator: p.identifikator,
    persontype: p.persontype,
    kilde: p.kilde,
    operasjon: p.operasjon,
    beloep: p.beloep.toJsonNumber(),
  };
}

function gruppeTilJson(g: Grunnlagsgruppe): GruppeJson {
  // The group's amount before its posts', as ever, so an amount that cannot be written fails with
  // the same message; two literals rather than a spread, with the keys in the same order either way.
  const beloep = g.beloep.toJsonNumber();
  const poster = g.poster.map(postTilJson);
  return g.hjemmel
    ? {
        tekniskNavn: g.tekniskNavn,
        visningstekst: g.visningstekst,
        operasjon: g.operasjon,
        hjemmel: g.hjemmel,
        beloep,
        poster,
      }
    : { tekniskNavn: g.tekniskNavn, visningstekst: g.visningstekst, operasjon: g.operasjon, beloep, poster };
}

/** The JSON form of the groups alone (what a result gives for its mellomregninger). */
export function grupperTilJson(grupper: readonly Grunnlagsgruppe[]): GrunnlagsblokkJson['grupper'] {
  return grupper.map(gruppeTilJson);
}

function bidragTilJson(p: {
  identifikator: string;
  beloep: Beloep;
}): GrunnlagsblokkJson['perPerson'][number] {
  return { identifikator: p.identifikator, beloep: p.beloep.toJsonNumber() };
}

export function blokkTilJson(blokk: Grunnlagsblokk): GrunnlagsblokkJson {
  // In the same order as ever (the block, the groups, the persons), so an amount that cannot be
  // written fails with the same message.
  const beloep = blokk.beloep.toJsonNumber();
  const grupper = grupperTilJson(blokk.grupper);
  return { beloep, grupper, perPerson: perPerson(blokk).map(bidragTilJson) };
}
