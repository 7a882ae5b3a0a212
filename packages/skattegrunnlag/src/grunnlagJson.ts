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

function gruppeTilJson(g: Grunnlagsgruppe): GrunnlagsblokkJson['grupper'][number] {
  return {
    tekniskNavn: g.tekniskNavn,
    visningstekst: g.visningstekst,
    operasjon: g.operasjon,
    ...(g.hjemmel ? { hjemmel: g.hjemmel } : {}),
    beloep: g.beloep.toJsonNumber(),
    poster: g.poster.map((p) => ({
      tekniskNavn: p.tekniskNavn,
      visningstekst: p.visningstekst,
      identifikator: p.identifikator,
      persontype: p.persontype,
      kilde: p.kilde,
      operasjon: p.operasjon,
      beloep: p.beloep.toJsonNumber(),
    })),
  };
}

export function blokkTilJson(blokk: Grunnlagsblokk): GrunnlagsblokkJson {
  return {
    beloep: blokk.beloep.toJsonNumber(),
    grupper: blokk.grupper.map(gruppeTilJson),
    perPerson: perPerson(blokk).map((p) => ({
      identifikator: p.identifikator,
      beloep: p.beloep.toJsonNumber(),
    })),
  };
}
