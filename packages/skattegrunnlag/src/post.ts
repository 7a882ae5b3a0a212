import type { Beloep } from '@inntektsgrunnlag/money';
import type { Persontype } from '@inntektsgrunnlag/person';
import { katalogFor, type Postinfo, ukjentPostinfo } from './katalog/katalog.js';

/** One post of one person: a tax post, a Beregnet skatt/Avregning post, or an extra post. */
export interface Post {
  tekniskNavn: string;
  beloep: Beloep;
  /** The case worker's own text for a post that allows one ("Fradrag 1"). */
  visningstekst?: string;
}

/** A person with everything known about them for one income year. */
export interface PersonMedPoster {
  identifikator: string;
  type: Persontype;
  poster: readonly Post[];
}

/** What the catalogue of the year says about a post, or an "ukjent post" description. */
export function postinfo(tekniskNavn: string, inntektsaar: number): { info: Postinfo; kjent: boolean } {
  const info = katalogFor(inntektsaar).finn(tekniskNavn);
  return info ? { info, kjent: true } : { info: ukjentPostinfo(tekniskNavn), kjent: false };
}
