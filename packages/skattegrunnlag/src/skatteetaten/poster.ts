/**
 * From Skatteetaten's responses to posts ({@link Post}): what the areas' post definitions and the
 * visningsposter read.
 *
 * - Summert skattegrunnlag: one post per item of the mainland `grunnlag`, under its tekniskNavn.
 * - Beregnet skatt and Avregning: one post per JSON-pointer post of the catalogue
 *   (`SKATTEBEREGNINGSPOSTER`, the names KS Fiks uses), read from the response by the pointer.
 *
 * A field the response does not have gives no post, never a zero: "not in the settlement" and "0 kr in
 * the settlement" are different facts for a case worker (KS shows a 0 when Skatteetaten sends a 0).
 */
import { Beloep } from '@inntektsgrunnlag/money';
import type { Postart } from '../katalog/katalog.js';
import { SKATTEBEREGNINGSPOSTER } from '../katalog/skatteberegningsposter.js';
import type { Post } from '../post.js';
import {
  type Avregning,
  type BeregnetSkatt,
  erBeregnetSkattV1,
  type Grunnlagspost,
  type SummertSkattegrunnlag,
} from './skjema.js';

function tilPoster(grunnlag: readonly Grunnlagspost[] | undefined): Post[] {
  return (grunnlag ?? []).map((g) => ({ tekniskNavn: g.tekniskNavn, beloep: Beloep.kroner(g.beloep) }));
}

/**
 * The posts of the mainland basis (`grunnlag`), in Skatteetaten's order.
 *
 * The Svalbard basis (`svalbardGrunnlag`) and the kildeskatt-på-lønn basis (`kildeskattPaaLoennGrunnlag`)
 * are not merged in: they use the same tekniskNavn as the mainland posts, so merging would add them to
 * the areas' groups silently, while the taxes the areas deduct (the `/beregnetSkattFastland/…` and
 * `/fastland/…` posts) are the mainland's only. Whether Svalbard income counts is a judgement for the
 * case worker: read them with {@link posterUtenforFastlandsgrunnlaget} and warn when there are any.
 */
export function posterFraSummertSkattegrunnlag(respons: SummertSkattegrunnlag): Post[] {
  return tilPoster(respons.grunnlag);
}

/** The posts of the bases outside the mainland settlement, for a warning or a manual assessment. */
export function posterUtenforFastlandsgrunnlaget(respons: SummertSkattegrunnlag): {
  svalbard: Post[];
  kildeskattPaaLoenn: Post[];
} {
  return {
    svalbard: tilPoster(respons.svalbardGrunnlag),
    kildeskattPaaLoenn: tilPoster(respons.kildeskattPaaLoennGrunnlag),
  };
}

// A pointer's unescaped segments, each with its array index when it is one: the catalogue's pointers
// are read for every person of every lookup, and parsing them is the same work every time.
const pekerdeler = new Map<string, ReadonlyArray<{ del: string; indeks: number | null }>>();

function delerAv(peker: string): ReadonlyArray<{ del: string; indeks: number | null }> {
  let deler = pekerdeler.get(peker);
  if (!deler) {
    deler = peker
      .slice(1)
      .split('/')
      .map((raa) => {
        const del = raa.replaceAll('~1', '/').replaceAll('~0', '~');
        return { del, indeks: /^(0|[1-9]\d*)$/.test(del) ? Number(del) : null };
      });
    if (pekerdeler.size < 1000) pekerdeler.set(peker, deler);
  }
  return deler;
}

/** The value at an RFC 6901 JSON pointer ("/a/b/0"), or undefined when the path does not exist. */
export function verdiVedJsonPeker(dokument: unknown, peker: string): unknown {
  if (peker === '') return dokument;
  if (!peker.startsWith('/')) throw new Error(`En JSON-peker må begynne med «/» (fikk «${peker}»)`);
  let node: unknown = dokument;
  for (const { del, indeks } of delerAv(peker)) {
    if (Array.isArray(node)) {
      if (indeks === null) return undefined;
      node = node[indeks];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, del)) {
      node = (node as Record<string, unknown>)[del];
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * The amount a pointer post names. A pointer may end at an amount (`…/formuesskattTilKommune/beloep`,
 * `…/informasjonTilSkattelister/beregnetSkatt`) or at a «Skatt» object `{grunnlag, beloep}`
 * (`…/skattOgAvgift/trygdeavgiftAvNaeringsinntekt`). For an object the post is its `grunnlag`: KS names
 * that post «Personinntekt fra næringsinntekt», which is the basis of the trygdeavgift (Skatteetaten's
 * field table: "personinntekt fra næringsinntekt", "2017 (kun grunnlag)"), and where KS means the tax
 * itself it points at `/beloep` explicitly. Anything else (missing, null, text) gives no amount.
 */
export function beloepVedPeker(dokument: unknown, peker: string): Beloep | undefined {
  const verdi = verdiVedJsonPeker(dokument, peker);
  if (typeof verdi === 'number' && Number.isSafeInteger(verdi)) return Beloep.kroner(verdi);
  if (verdi !== null && typeof verdi === 'object' && !Array.isArray(verdi)) {
    const grunnlag = (verdi as Record<string, unknown>).grunnlag;
    if (typeof grunnlag === 'number' && Number.isSafeInteger(grunnlag)) return Beloep.kroner(grunnlag);
  }
  return undefined;
}

const pekerpostBuffer = new Map<string, readonly string[]>();

/** The catalogue's pointer posts of one API that apply in the income year, in catalogue order. */
function pekerposter(art: Postart, inntektsaar: number): readonly string[] {
  const noekkel = `${art}:${inntektsaar}`;
  let poster = pekerpostBuffer.get(noekkel);
  if (!poster) {
    poster = lagPekerposter(art, inntektsaar);
    // The catalogue is fixed data: a year's list is the same every time (bounded against odd years).
    if (pekerpostBuffer.size < 200) pekerpostBuffer.set(noekkel, poster);
  }
  return poster;
}

function lagPekerposter(art: Postart, inntektsaar: number): string[] {
  return SKATTEBEREGNINGSPOSTER.filter(
    (p) =>
      p.art === art &&
      (p.fraOgMedAar === undefined || inntektsaar >= p.fraOgMedAar) &&
      (p.tilOgMedAar === undefined || inntektsaar <= p.tilOgMedAar),
  ).map((p) => p.tekniskNavn);
}

function lesPekere(respons: unknown, pekere: readonly string[]): Post[] {
  return pekere.flatMap((tekniskNavn) => {
    const beloep = beloepVedPeker(respons, tekniskNavn);
    return beloep ? [{ tekniskNavn, beloep }] : [];
  });
}

/**
 * Beregnet skatt V1 (flat, until income year 2020) field for each pointer post, by the field
 * descriptions of the V1 model (testdata/skatteetaten-eksempler/beregnetskatt-avregning-fields.md §2).
 * The trinnskatt basis has no V1 field (V1 splits personinntekt by kind), so it gives no post in V1.
 */
export const BEREGNET_SKATT_V1_FELT: Readonly<Record<string, string>> = {
  '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt': 'utlignetSkatt',
  '/beregnetSkattFastland/skattOgAvgift/trygdeavgiftAvNaeringsinntekt': 'personinntektNaering',
  '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep': 'formueskattKommune',
  '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep': 'formueskattStat',
  '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet': 'kreditfradragFormue',
  '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet': 'kreditfradragInntekt',
};

/**
 * The Beregnet skatt posts (mainland settlement) of a response, V2 by pointer, V1 by
 * {@link BEREGNET_SKATT_V1_FELT}. Svalbard and kildeskatt på lønn are not read: no area counts them.
 */
export function posterFraBeregnetSkatt(respons: BeregnetSkatt): Post[] {
  const pekere = pekerposter('BEREGNET_SKATT', Number(respons.inntektsaar));
  if (!erBeregnetSkattV1(respons)) return lesPekere(respons, pekere);
  const flat = respons as Record<string, unknown>;
  return pekere.flatMap((tekniskNavn) => {
    const felt = BEREGNET_SKATT_V1_FELT[tekniskNavn];
    const verdi = felt === undefined ? undefined : flat[felt];
    return typeof verdi === 'number' ? [{ tekniskNavn, beloep: Beloep.kroner(verdi) }] : [];
  });
}

/** The Avregning posts (`/fastland/…`) of a response. The Svalbard settlement is not read. */
export function posterFraAvregning(respons: Avregning): Post[] {
  return lesPekere(respons, pekerposter('AVREGNING', Number(respons.inntektsaar)));
}
