import { Beloep } from '@inntektsgrunnlag/money';
import {
  katalogFor,
  type Postkatalog,
  ukjentPostinfo,
  VISNINGSGRUPPER,
  type Visningsgruppe,
} from './katalog/katalog.js';
import { VISNINGSREKKEFOELGE } from './katalog/visningsrekkefoelge.js';
import type { PersonMedPoster } from './post.js';

export interface Visningspost {
  tekniskNavn: string;
  visningstekst: string;
  infotekst?: string;
  /** False for a post that is not in the year's catalogue: shown as "ukjent post", never dropped. */
  kjent: boolean;
  /** The sum over the persons. */
  beloep: Beloep;
  personer: Array<{ identifikator: string; beloep: Beloep }>;
}

export interface Visningspostgruppe {
  kategori: Visningsgruppe;
  poster: Visningspost[];
}

/** Each display group's place of a post in KS Fiks's order (made once: the order is fixed data). */
const PLASS: Readonly<Record<Visningsgruppe, ReadonlyMap<string, number>>> = Object.fromEntries(
  VISNINGSGRUPPER.map((kategori) => [
    kategori,
    new Map(VISNINGSREKKEFOELGE[kategori].map((navn, i) => [navn, i])),
  ]),
) as unknown as Record<Visningsgruppe, ReadonlyMap<string, number>>;

/** Each display group's index in {@link VISNINGSGRUPPER} (display order). */
const GRUPPEINDEKS: Readonly<Record<Visningsgruppe, number>> = Object.fromEntries(
  VISNINGSGRUPPER.map((kategori, i) => [kategori, i]),
) as Record<Visningsgruppe, number>;

interface Rad {
  post: Visningspost;
  /** The post's place in its display group's KS order; +Infinity for a post the order does not place. */
  rang: number;
}

function postIRad(r: Rad): Visningspost {
  return r.post;
}

function etterRang(a: Rad, b: Rad): number {
  return a.rang === b.rang ? 0 : a.rang < b.rang ? -1 : 1;
}

/**
 * All posts of all persons grouped by display group (INNTEKT, FRADRAG, FORMUE, GJELD, ANNET), each
 * with every person's amount (persons in the order given) and the total; filtered by the area's
 * allow-list (data minimisation). Groups without posts are left out. Within a group the posts follow
 * KS Fiks's order ({@link VISNINGSREKKEFOELGE}); posts it does not place follow, in the order first met.
 * A post missing from the year's catalogue is kept, under ANNET, with `kjent: false`.
 */
export function lagVisningsposter(
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
  tillatt: (tekniskNavn: string) => boolean,
): Visningspostgruppe[] {
  const perNavn = new Map<string, Rad>();
  let katalog: Postkatalog | undefined;
  // The rows of each display group in the order first met, sorted by KS's order below.
  const perGruppe: Rad[][] = VISNINGSGRUPPER.map(() => []);
  for (const person of personer) {
    for (const p of person.poster) {
      if (!tillatt(p.tekniskNavn)) continue;
      let rad = perNavn.get(p.tekniskNavn);
      if (!rad) {
        // The year's catalogue is asked for only once a post is shown (as postinfo would, per post).
        katalog ??= katalogFor(inntektsaar);
        const kjentInfo = katalog.finn(p.tekniskNavn);
        const kjent = kjentInfo !== undefined;
        const info = kjentInfo ?? ukjentPostinfo(p.tekniskNavn);
        const post: Visningspost = {
          tekniskNavn: p.tekniskNavn,
          visningstekst: (info.kanEndreVisningstekst && p.visningstekst) || info.visningstekst,
        } as Visningspost;
        // Keys in the same order as ever (the JSON form follows them): infotekst only when there is one.
        if (info.infotekst) post.infotekst = info.infotekst;
        post.kjent = kjent;
        post.beloep = Beloep.NULL;
        post.personer = [];
        rad = { post, rang: PLASS[info.visningsgruppe].get(p.tekniskNavn) ?? Number.POSITIVE_INFINITY };
        perNavn.set(p.tekniskNavn, rad);
        (perGruppe[GRUPPEINDEKS[info.visningsgruppe]] as Rad[]).push(rad);
      }
      const liste = rad.post.personer;
      // A person's posts come together, so a person already in the row is nearly always the last one.
      const siste = liste[liste.length - 1];
      const eksisterende =
        siste !== undefined && siste.identifikator === person.identifikator
          ? siste
          : liste.find((x) => x.identifikator === person.identifikator);
      if (eksisterende) eksisterende.beloep = eksisterende.beloep.plus(p.beloep);
      else liste.push({ identifikator: person.identifikator, beloep: p.beloep });
      rad.post.beloep = rad.post.beloep.plus(p.beloep);
    }
  }
  const ut: Visningspostgruppe[] = [];
  for (let i = 0; i < VISNINGSGRUPPER.length; i++) {
    const rader = perGruppe[i] as Rad[];
    if (rader.length === 0) continue;
    // Array.prototype.sort is stable: posts without a place keep the order first met.
    if (rader.length > 1) rader.sort(etterRang);
    ut.push({ kategori: VISNINGSGRUPPER[i] as Visningsgruppe, poster: rader.map(postIRad) });
  }
  return ut;
}

/** JSON form of a display post: amounts as numbers in kroner. */
export interface VisningspostJson {
  tekniskNavn: string;
  visningstekst: string;
  infotekst?: string | undefined;
  /** Present (true) only for a post missing from the year's catalogue. */
  ukjent?: boolean | undefined;
  beloep: number;
  personer: Array<{ identifikator: string; beloep: number }>;
}

export interface VisningspostgruppeJson {
  kategori: Visningsgruppe;
  poster: VisningspostJson[];
}

// `map` over module-level functions rather than loops with `push`: map makes an array of the exact
// length, where push grows an empty array to room for 17 (most lists here have 1 to 3 entries).

function personTilJson(x: { identifikator: string; beloep: Beloep }): VisningspostJson['personer'][number] {
  return { identifikator: x.identifikator, beloep: x.beloep.toJsonNumber() };
}

function postTilJson(p: Visningspost): VisningspostJson {
  // Built key by key rather than by spreading, with the keys in the same order as ever, and the
  // amounts written in the same order (the post's, then the persons').
  const json = { tekniskNavn: p.tekniskNavn, visningstekst: p.visningstekst } as VisningspostJson;
  if (p.infotekst) json.infotekst = p.infotekst;
  if (!p.kjent) json.ukjent = true;
  json.beloep = p.beloep.toJsonNumber();
  json.personer = p.personer.map(personTilJson);
  return json;
}

function gruppeTilJson(g: Visningspostgruppe): VisningspostgruppeJson {
  return { kategori: g.kategori, poster: g.poster.map(postTilJson) };
}

export function visningsposterTilJson(grupper: readonly Visningspostgruppe[]): VisningspostgruppeJson[] {
  return grupper.map(gruppeTilJson);
}
