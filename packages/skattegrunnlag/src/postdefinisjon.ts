import { Beloep } from '@inntektsgrunnlag/money';
import { PERSONTYPE_TEKST, type Persontype } from '@inntektsgrunnlag/person';
import type { Beregningslinje, Kilde, Kildetype } from '@inntektsgrunnlag/regelverk';
import { katalogFor, type Postkilde, type Visningsgruppe } from './katalog/katalog.js';
import { type PersonMedPoster, type Post, postinfo } from './post.js';

/** How a post counts in its group, and a group in its block. */
export type Fortegn = 'ADDERE' | 'SUBTRAHERE';

/** A post named in a group, valid for a range of income years (inclusive). */
export interface PostIGruppe {
  tekniskNavn: string;
  operasjon: Fortegn;
  fraOgMedAar?: number;
  tilOgMedAar?: number;
  /** Why the post is here, or a caveat. */
  merknad?: string;
}

/** A named group of posts, counted for the given person types. */
export interface Gruppedefinisjon {
  tekniskNavn: string;
  visningstekst: string;
  operasjon: Fortegn;
  /** Whose posts count: e.g. only the resident (SOEKER), or the whole household. */
  persontyper: readonly Persontype[];
  /** The provision that makes these posts count, e.g. "egenandelsforskriften § 3 fjerde ledd". */
  hjemmel?: string;
  poster: readonly PostIGruppe[];
}

/**
 * Which posts count, with which sign, in which group, for one beregningstype over a range of income
 * years: the data behind the basis ("Counted posts as cited data"). The income basis is the sum of
 * the `inntekt` groups minus the sum of the `fradrag` groups; `mellomregninger` are groups that rules
 * use but that are not in the basis themselves (e.g. the partner's own income for forsørgerfradrag).
 */
export interface Postdefinisjon {
  beregningstype: string;
  /** First and last income year the definition covers (inclusive). */
  fraOgMedAar: number;
  tilOgMedAar: number;
  kilde: Kilde;
  inntekt: readonly Gruppedefinisjon[];
  fradrag: readonly Gruppedefinisjon[];
  mellomregninger?: readonly Gruppedefinisjon[];
  /**
   * Data minimisation: the display groups whose posts the area may show, and extra posts it may show
   * besides. Posts outside this allow-list and outside the groups never leave the lookup.
   */
  visning: { grupper: readonly Visningsgruppe[]; poster?: readonly string[] };
}

export class PostdefinisjonError extends Error {
  override readonly name = 'PostdefinisjonError';
}

export interface Grunnlagspost {
  tekniskNavn: string;
  visningstekst: string;
  identifikator: string;
  persontype: Persontype;
  kilde: Postkilde;
  operasjon: Fortegn;
  beloep: Beloep;
}

export interface Grunnlagsgruppe {
  tekniskNavn: string;
  visningstekst: string;
  operasjon: Fortegn;
  hjemmel?: string;
  /** The signed sum of the group's posts (or the amount a rule computed). */
  beloep: Beloep;
  poster: Grunnlagspost[];
  /** For a group a rule computed rather than summed: how. */
  forklaring?: Beregningslinje[];
}

export interface Grunnlagsblokk {
  /** The signed sum of the groups. */
  beloep: Beloep;
  grupper: Grunnlagsgruppe[];
}

function gjelderAar(p: { fraOgMedAar?: number; tilOgMedAar?: number }, aar: number): boolean {
  return (
    (p.fraOgMedAar === undefined || aar >= p.fraOgMedAar) &&
    (p.tilOgMedAar === undefined || aar <= p.tilOgMedAar)
  );
}

// A definition is immutable data, and its year's form is asked for several times per beregning: made
// once per definition and year (a definition made on the fly is simply not reused; nothing is kept
// alive by the WeakMap).
const aarBuffer = new WeakMap<Postdefinisjon, Map<number, Postdefinisjon>>();

/** Checks that a definition covers the income year, and returns the groups with only that year's posts. */
export function definisjonForAar(def: Postdefinisjon, aar: number): Postdefinisjon {
  let perAar = aarBuffer.get(def);
  const kjent = perAar?.get(aar);
  if (kjent) return kjent;
  const ny = lagDefinisjonForAar(def, aar);
  if (!perAar) {
    perAar = new Map();
    aarBuffer.set(def, perAar);
  }
  perAar.set(aar, ny);
  return ny;
}

function lagDefinisjonForAar(def: Postdefinisjon, aar: number): Postdefinisjon {
  if (aar < def.fraOgMedAar || aar > def.tilOgMedAar) {
    throw new PostdefinisjonError(
      `Postdefinisjonen for ${def.beregningstype} dekker inntektsårene ${def.fraOgMedAar}–${def.tilOgMedAar}, ikke ${aar}`,
    );
  }
  const filtrer = (grupper: readonly Gruppedefinisjon[] = []) =>
    grupper.map((g) => ({ ...g, poster: g.poster.filter((p) => gjelderAar(p, aar)) }));
  return {
    ...def,
    fraOgMedAar: aar,
    tilOgMedAar: aar,
    inntekt: filtrer(def.inntekt),
    fradrag: filtrer(def.fradrag),
    mellomregninger: filtrer(def.mellomregninger),
  };
}

/** Every post a definition names for the year (the groups' posts), for data minimisation. */
export function postnavnIDefinisjon(def: Postdefinisjon, aar: number): Set<string> {
  const d = definisjonForAar(def, aar);
  return new Set(
    [...d.inntekt, ...d.fradrag, ...(d.mellomregninger ?? [])].flatMap((g) =>
      g.poster.map((p) => p.tekniskNavn),
    ),
  );
}

// The predicate depends only on the (immutable) definition and the year, and building it walks every
// group: a batch asks for it once or twice per row, so it is made once per definition and year.
const tillattBuffer = new WeakMap<Postdefinisjon, Map<number, (tekniskNavn: string) => boolean>>();

/** Whether a post may be shown or passed on by the area (its groups' posts plus its display allow-list). */
export function tillattPost(def: Postdefinisjon, aar: number): (tekniskNavn: string) => boolean {
  let perAar = tillattBuffer.get(def);
  const kjent = perAar?.get(aar);
  if (kjent) return kjent;
  const ny = lagTillattPost(def, aar);
  if (!perAar) {
    perAar = new Map();
    tillattBuffer.set(def, perAar);
  }
  perAar.set(aar, ny);
  return ny;
}

function lagTillattPost(def: Postdefinisjon, aar: number): (tekniskNavn: string) => boolean {
  const navn = postnavnIDefinisjon(def, aar);
  for (const p of def.visning.poster ?? []) navn.add(p);
  const grupper = new Set(def.visning.grupper);
  const katalog = katalogFor(aar);
  return (tekniskNavn) => {
    if (navn.has(tekniskNavn)) return true;
    const info = katalog.finn(tekniskNavn);
    // A post missing from the year's catalogue is kept (and warned about), never dropped silently:
    // it may be a post Skatteetaten renamed, and only a person can judge it.
    return info === undefined || grupper.has(info.visningsgruppe);
  };
}

/**
 * Every post of every year a definition names that is missing from that year's catalogue. The test
 * suite requires this to be empty for every definition (a renamed post must be followed).
 */
export function posterUtenforKatalog(def: Postdefinisjon): string[] {
  const mangler: string[] = [];
  for (let aar = def.fraOgMedAar; aar <= def.tilOgMedAar; aar++) {
    const katalog = katalogFor(aar);
    const d = definisjonForAar(def, aar);
    for (const g of [...d.inntekt, ...d.fradrag, ...(d.mellomregninger ?? [])]) {
      for (const p of g.poster) {
        if (!katalog.har(p.tekniskNavn)) mangler.push(`${aar} ${g.tekniskNavn}: ${p.tekniskNavn}`);
      }
    }
    for (const p of d.visning.poster ?? []) if (!katalog.har(p)) mangler.push(`${aar} visning: ${p}`);
  }
  return mangler;
}

/** A person's posts by technical name, each list in the person's own order. */
type Postindeks = ReadonlyMap<string, readonly Post[]>;

function postindeks(poster: readonly Post[]): Postindeks {
  const m = new Map<string, Post[]>();
  for (const post of poster) {
    const liste = m.get(post.tekniskNavn);
    if (liste) liste.push(post);
    else m.set(post.tekniskNavn, [post]);
  }
  return m;
}

const INGEN: readonly Post[] = [];

/** Sums one group over the persons of the group's types. */
export function evaluerGruppe(
  gruppe: Gruppedefinisjon,
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsgruppe {
  return evaluerMedIndeks(
    gruppe,
    personer.map((p) => postindeks(p.poster)),
    personer,
    inntektsaar,
  );
}

/**
 * The group's posts in the same order as a walk over person × group post × the person's posts: the
 * index only saves looking through all of a person's posts for each post the group names.
 */
function evaluerMedIndeks(
  gruppe: Gruppedefinisjon,
  indekser: readonly Postindeks[],
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsgruppe {
  const poster: Grunnlagspost[] = [];
  const typer = gruppe.persontyper;
  for (let i = 0; i < personer.length; i++) {
    const person = personer[i] as PersonMedPoster;
    if (!typer.includes(person.type)) continue;
    const indeks = indekser[i] as Postindeks;
    for (const pg of gruppe.poster) {
      if (!gjelderAar(pg, inntektsaar)) continue;
      for (const post of indeks.get(pg.tekniskNavn) ?? INGEN) {
        const { info } = postinfo(post.tekniskNavn, inntektsaar);
        poster.push({
          tekniskNavn: post.tekniskNavn,
          visningstekst: (info.kanEndreVisningstekst && post.visningstekst) || info.visningstekst,
          identifikator: person.identifikator,
          persontype: person.type,
          kilde: info.kilde,
          operasjon: pg.operasjon,
          beloep: post.beloep,
        });
      }
    }
  }
  return {
    tekniskNavn: gruppe.tekniskNavn,
    visningstekst: gruppe.visningstekst,
    operasjon: gruppe.operasjon,
    ...(gruppe.hjemmel ? { hjemmel: gruppe.hjemmel } : {}),
    beloep: Beloep.sum(poster.map((p) => (p.operasjon === 'SUBTRAHERE' ? p.beloep.negated() : p.beloep))),
    poster,
  };
}

export function evaluerBlokk(
  grupper: readonly Gruppedefinisjon[],
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsblokk {
  const indekser = personer.map((p) => postindeks(p.poster));
  return blokkAv(grupper.map((g) => evaluerMedIndeks(g, indekser, personer, inntektsaar)));
}

/** A block from groups already evaluated or computed. */
export function blokkAv(grupper: Grunnlagsgruppe[]): Grunnlagsblokk {
  return {
    beloep: Beloep.sum(grupper.map((g) => (g.operasjon === 'SUBTRAHERE' ? g.beloep.negated() : g.beloep))),
    grupper,
  };
}

/** Each person's signed contribution to a block, in the order the persons first appear. */
export function perPerson(blokk: Grunnlagsblokk): Array<{ identifikator: string; beloep: Beloep }> {
  const sum = new Map<string, Beloep>();
  for (const g of blokk.grupper) {
    const gruppeFortegn = g.operasjon === 'SUBTRAHERE' ? -1 : 1;
    for (const p of g.poster) {
      const fortegn = gruppeFortegn * (p.operasjon === 'SUBTRAHERE' ? -1 : 1);
      const bidrag = fortegn < 0 ? p.beloep.negated() : p.beloep;
      sum.set(p.identifikator, (sum.get(p.identifikator) ?? Beloep.NULL).plus(bidrag));
    }
  }
  return [...sum].map(([identifikator, beloep]) => ({ identifikator, beloep }));
}

/** A group's source: its posts' common source, or REGEL when a rule computed it or sources are mixed. */
function gruppekilde(g: Grunnlagsgruppe): Kildetype {
  const kilder = new Set(g.poster.map((p) => p.kilde));
  if (g.forklaring || kilder.size !== 1) return 'REGEL';
  return [...kilder][0] as Kildetype;
}

/** The block as lines of a Beregningstabell: a line per group, a line per post under it. */
export function blokkSomLinjer(blokk: Grunnlagsblokk): Beregningslinje[] {
  return blokk.grupper.map((g) => ({
    tekst: g.visningstekst,
    operasjon: g.operasjon,
    kilde: gruppekilde(g),
    beloep: g.beloep,
    ...(g.hjemmel ? { hjemmel: g.hjemmel } : {}),
    linjer: [
      ...(g.forklaring ?? []),
      ...g.poster.map(
        (p): Beregningslinje => ({
          tekst: `${p.visningstekst} (${PERSONTYPE_TEKST[p.persontype].toLowerCase()})`,
          operasjon: p.operasjon,
          kilde: p.kilde,
          beloep: p.beloep,
        }),
      ),
    ],
  }));
}
