import type { Personopplysninger } from '@inntektsgrunnlag/beregning';
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
  /**
   * Where the posts come from. SKATTEETATEN (the default: deny by default): a post the year's
   * catalogue does not know is dropped, since nothing says the area may have it and a lookup passes on
   * only what the allow-list names. FORESPOERSEL: the caller's own input, which discloses nothing the
   * caller does not already have, so an unknown post is kept (the beregning shows it as ukjent post and
   * warns; issue 3: an unknown post in an input survives to the output).
   */
  postkilde?: Personopplysninger['postkilde'];
}

/**
 * The allow-list predicate of a lookup: a post passes when the area's definition allows it
 * (`tillattPost`), when it comes from a source only if the year's catalogue knows it, and, if it is an
 * avregning post, only when the role has avregning. Throws UkjentInntektsaarError for a year without
 * a catalogue.
 */
export function lagPostfilter(p: Postfilterparametre): (tekniskNavn: string) => boolean {
  const tillatt = tillattPost(p.postdefinisjon, p.inntektsaar);
  const katalog = katalogFor(p.inntektsaar);
  const ukjentTillatt = p.postkilde === 'FORESPOERSEL';
  return (tekniskNavn) =>
    tillatt(tekniskNavn) &&
    (ukjentTillatt || katalog.har(tekniskNavn)) &&
    (p.avregning || !erAvregningspost(tekniskNavn, p.inntektsaar));
}

/** The posts that pass the filter, and how many were removed (a count only: never which or how much). */
export function minimerPoster<P extends Pick<Post, 'tekniskNavn'>>(
  poster: readonly P[],
  filter: (tekniskNavn: string) => boolean,
): { poster: P[]; fjernet: number } {
  const beholdt = poster.filter((p) => filter(p.tekniskNavn));
  return { poster: beholdt, fjernet: poster.length - beholdt.length };
}

/** A fetched post held back because the year's catalogue does not know it: its name, never its amount. */
export interface UkjentPostHoldtTilbake {
  identifikator: string;
  tekniskNavn: string;
}

/**
 * Data minimisation of a lookup's persons, each by where its posts came from (`postkilde`, see
 * {@link Postfilterparametre}): posts fetched from Skatteetaten pass only when the allow-list has them
 * and the year's catalogue knows them; posts the caller gave inline pass unknown ones too. Everything
 * else about a person is kept as it is; the input is not changed.
 *
 * `ukjenteHoldtTilbake` names the fetched posts dropped only for being unknown (they would have passed
 * as input), so the caller can warn and nothing is dropped silently: it may be a post Skatteetaten
 * renamed. Posts dropped by the allow-list or for want of avregning are only counted, as before.
 */
export function minimerGrunnlag<
  T extends {
    identifikator: string;
    postkilde: Personopplysninger['postkilde'];
    poster: readonly Pick<Post, 'tekniskNavn'>[];
  },
>(
  personer: readonly T[],
  p: Omit<Postfilterparametre, 'postkilde'>,
): { personer: T[]; fjernet: number; ukjenteHoldtTilbake: UkjentPostHoldtTilbake[] } {
  const somInndata = lagPostfilter({ ...p, postkilde: 'FORESPOERSEL' });
  const fraKilde = lagPostfilter({ ...p, postkilde: 'SKATTEETATEN' });
  let fjernet = 0;
  const ukjenteHoldtTilbake: UkjentPostHoldtTilbake[] = [];
  const ut = personer.map((person) => {
    const inndata = person.postkilde === 'FORESPOERSEL';
    const r = minimerPoster(person.poster, inndata ? somInndata : fraKilde);
    fjernet += r.fjernet;
    if (!inndata && r.fjernet > 0) {
      for (const post of person.poster) {
        if (!fraKilde(post.tekniskNavn) && somInndata(post.tekniskNavn)) {
          ukjenteHoldtTilbake.push({ identifikator: person.identifikator, tekniskNavn: post.tekniskNavn });
        }
      }
    }
    return { ...person, poster: r.poster };
  });
  return { personer: ut, fjernet, ukjenteHoldtTilbake };
}
