import type { Grunnlagsblokk, Grunnlagsgruppe } from './postdefinisjon.js';
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

function gruppeTilJson(g: Grunnlagsgruppe): GruppeJson {
  const poster: PostJson[] = [];
  for (const p of g.poster) {
    poster.push({
      tekniskNavn: p.tekniskNavn,
      visningstekst: p.visningstekst,
      identifikator: p.identifikator,
      persontype: p.persontype,
      kilde: p.kilde,
      operasjon: p.operasjon,
      beloep: p.beloep.toJsonNumber(),
    });
  }
  // Two literals rather than a spread, with the keys in the same order either way.
  return g.hjemmel
    ? {
        tekniskNavn: g.tekniskNavn,
        visningstekst: g.visningstekst,
        operasjon: g.operasjon,
        hjemmel: g.hjemmel,
        beloep: g.beloep.toJsonNumber(),
        poster,
      }
    : {
        tekniskNavn: g.tekniskNavn,
        visningstekst: g.visningstekst,
        operasjon: g.operasjon,
        beloep: g.beloep.toJsonNumber(),
        poster,
      };
}

/** The JSON form of the groups alone (what a result gives for its mellomregninger). */
export function grupperTilJson(grupper: readonly Grunnlagsgruppe[]): GrunnlagsblokkJson['grupper'] {
  const ut: GruppeJson[] = [];
  for (const g of grupper) ut.push(gruppeTilJson(g));
  return ut;
}

export function blokkTilJson(blokk: Grunnlagsblokk): GrunnlagsblokkJson {
  // In the same order as ever (the block, the groups, the persons), so an amount that cannot be
  // written fails with the same message.
  const beloep = blokk.beloep.toJsonNumber();
  const grupper = grupperTilJson(blokk.grupper);
  const perPersonJson: GrunnlagsblokkJson['perPerson'] = [];
  for (const p of perPerson(blokk)) {
    perPersonJson.push({ identifikator: p.identifikator, beloep: p.beloep.toJsonNumber() });
  }
  return { beloep, grupper, perPerson: perPersonJson };
}
