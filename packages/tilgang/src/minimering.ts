import { katalogFor, type Post, type Postdefinisjon, tillattPost } from '@inntektsgrunnlag/skattegrunnlag';

/** The roots of the Avregning API's response; a JSON-pointer post under them is an avregning post. */
const AVREGNINGSROTER = ['/fastland/', '/svalbard/'];

/**
 * Whether a post comes from Skatteetaten's Avregning API (skatt til gode, restskatt, innbetalt skatt):
 * by the year's catalogue, or, for a post the catalogue does not know, by its JSON-pointer root, so a
 * new avregning field Skatteetaten adds is still withheld from roles without avregning.
 */
export function erAvregningspost(tekniskNavn: string, inntektsaar: number): boolean {
  const info = katalogFor(inntektsaar).finn(tekniskNavn);
  if (info) return info.art === 'AVREGNING';
  return AVREGNINGSROTER.some((rot) => tekniskNavn.startsWith(rot));
}

export interface Postfilterparametre {
  /** The area's post definition (from its Beregner): its groups' posts plus its display allow-list. */
  postdefinisjon: Postdefinisjon;
  inntektsaar: number;
  /** Whether the role may see avregning (from `vurderTilgang`). */
  avregning: boolean;
}

/**
 * The allow-list predicate of a lookup: a post passes when the area's definition allows it
 * (`tillattPost`), and, if it is an avregning post, only when the role has avregning. Throws
 * UkjentInntektsaarError for a year without a catalogue.
 *
 * Note: like `tillattPost`, it keeps a post the year's catalogue does not know (it may be a post
 * Skatteetaten renamed; the beregning warns about it) unless it is an avregning post.
 */
export function lagPostfilter(p: Postfilterparametre): (tekniskNavn: string) => boolean {
  const tillatt = tillattPost(p.postdefinisjon, p.inntektsaar);
  return (tekniskNavn) =>
    tillatt(tekniskNavn) && (p.avregning || !erAvregningspost(tekniskNavn, p.inntektsaar));
}

/** The posts that pass the filter, and how many were removed (a count only: never which or how much). */
export function minimerPoster<P extends Pick<Post, 'tekniskNavn'>>(
  poster: readonly P[],
  filter: (tekniskNavn: string) => boolean,
): { poster: P[]; fjernet: number } {
  const beholdt = poster.filter((p) => filter(p.tekniskNavn));
  return { poster: beholdt, fjernet: poster.length - beholdt.length };
}

/**
 * Data minimisation of persons: every person keeps only the posts that pass the filter; everything
 * else about the person is kept as it is. Returns new objects; the input is not changed.
 */
export function minimerPersoner<T extends { poster: readonly Pick<Post, 'tekniskNavn'>[] }>(
  personer: readonly T[],
  filter: (tekniskNavn: string) => boolean,
): { personer: T[]; fjernet: number } {
  let fjernet = 0;
  const ut = personer.map((person) => {
    const r = minimerPoster(person.poster, filter);
    fjernet += r.fjernet;
    return { ...person, poster: r.poster };
  });
  return { personer: ut, fjernet };
}
