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
  // The catalogue's posts the area may not see: neither named by the definition nor in a shown display
  // group. Every other name is allowed, so a post costs one look-up. A post missing from the year's
  // catalogue is kept (and warned about), never dropped silently: it may be a post Skatteetaten
  // renamed, and only a person can judge it.
  const nektet = new Set<string>();
  for (const info of katalogFor(aar).alle()) {
    if (!navn.has(info.tekniskNavn) && !grupper.has(info.visningsgruppe)) nektet.add(info.tekniskNavn);
  }
  return (tekniskNavn) => !nektet.has(tekniskNavn);
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

/**
 * A post a group names, compiled for one income year: which group of the block, its place among the
 * group's posts of the year, its sign, and (filled on first use) what the year's catalogue says.
 */
interface Treff {
  readonly gruppe: number;
  readonly plass: number;
  readonly operasjon: Fortegn;
  /** Resolved when a person first has the post, not at compile time: as before, the catalogue of the
   * year is only asked for a post someone has (so a year without a catalogue fails the same way). */
  info?: { visningstekst: string; kilde: Postkilde; kanEndreVisningstekst: boolean };
}

/**
 * Groups compiled for one income year (the definition is immutable data): only the year's posts,
 * the person types as a set, and for each post name every place it has in the groups. A case then
 * walks only its persons' own posts (a handful) instead of every post every group names (up to ~90
 * per group) for every person.
 */
interface KompilertBlokk {
  readonly grupper: readonly Gruppedefinisjon[];
  readonly typer: readonly ReadonlySet<Persontype>[];
  readonly treff: ReadonlyMap<string, readonly Treff[]>;
}

function kompiler(grupper: readonly Gruppedefinisjon[], aar: number): KompilertBlokk {
  const treff = new Map<string, Treff[]>();
  grupper.forEach((g, gruppe) => {
    let plass = 0;
    for (const pg of g.poster) {
      if (!gjelderAar(pg, aar)) continue;
      const t: Treff = { gruppe, plass: plass++, operasjon: pg.operasjon };
      const liste = treff.get(pg.tekniskNavn);
      if (liste) liste.push(t);
      else treff.set(pg.tekniskNavn, [t]);
    }
  });
  return { grupper, typer: grupper.map((g) => new Set(g.persontyper)), treff };
}

// Keyed by the group array (a block) or the group (evaluerGruppe) as the rule packages pass them:
// these come from `definisjonForAar`, which keeps them, so each is compiled once per year. A group
// made per case (a definition adjusted by settings) is compiled per case, and dropped with it.
const blokkBuffer = new WeakMap<readonly Gruppedefinisjon[], Map<number, KompilertBlokk>>();
const gruppeBuffer = new WeakMap<Gruppedefinisjon, Map<number, KompilertBlokk>>();

function fraBuffer<K extends object>(
  buffer: WeakMap<K, Map<number, KompilertBlokk>>,
  noekkel: K,
  aar: number,
  grupper: readonly Gruppedefinisjon[],
): KompilertBlokk {
  let perAar = buffer.get(noekkel);
  const kjent = perAar?.get(aar);
  if (kjent) return kjent;
  const ny = kompiler(grupper, aar);
  if (!perAar) {
    perAar = new Map();
    buffer.set(noekkel, perAar);
  }
  perAar.set(aar, ny);
  return ny;
}

function infoFor(t: Treff, tekniskNavn: string, aar: number): NonNullable<Treff['info']> {
  if (t.info) return t.info;
  const { info } = postinfo(tekniskNavn, aar);
  t.info = {
    visningstekst: info.visningstekst,
    kilde: info.kilde,
    kanEndreVisningstekst: info.kanEndreVisningstekst === true,
  };
  return t.info;
}

// Scratch lists for one person's matches, reused across calls (the evaluation is synchronous and
// never re-entered): a person has a handful of posts, so sorting them is cheaper than allocating.
const kladdTreff: Treff[] = [];
const kladdPost: Post[] = [];

/**
 * Evaluates compiled groups: the posts of each group in the order of a walk over person × group post
 * (the year's posts, in the definition's order) × the person's posts of that name (in the person's
 * order), as the plain walk gives them.
 */
function evaluerKompilert(
  k: KompilertBlokk,
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsgruppe[] {
  const n = k.grupper.length;
  const poster: Grunnlagspost[][] = [];
  for (let g = 0; g < n; g++) poster.push([]);
  for (const person of personer) {
    kladdTreff.length = 0;
    kladdPost.length = 0;
    for (const post of person.poster) {
      const liste = k.treff.get(post.tekniskNavn);
      if (liste === undefined) continue;
      for (const t of liste) {
        if (!(k.typer[t.gruppe] as ReadonlySet<Persontype>).has(person.type)) continue;
        // Insertion by (group, place), after equal keys: a stable sort, so a person's posts of one
        // name keep their own order.
        let i = kladdTreff.length;
        kladdTreff.push(t);
        kladdPost.push(post);
        while (i > 0) {
          const f = kladdTreff[i - 1] as Treff;
          if (f.gruppe < t.gruppe || (f.gruppe === t.gruppe && f.plass <= t.plass)) break;
          kladdTreff[i] = f;
          kladdPost[i] = kladdPost[i - 1] as Post;
          i--;
        }
        kladdTreff[i] = t;
        kladdPost[i] = post;
      }
    }
    for (let i = 0; i < kladdTreff.length; i++) {
      const t = kladdTreff[i] as Treff;
      const post = kladdPost[i] as Post;
      const info = infoFor(t, post.tekniskNavn, inntektsaar);
      (poster[t.gruppe] as Grunnlagspost[]).push({
        tekniskNavn: post.tekniskNavn,
        visningstekst: (info.kanEndreVisningstekst && post.visningstekst) || info.visningstekst,
        identifikator: person.identifikator,
        persontype: person.type,
        kilde: info.kilde,
        operasjon: t.operasjon,
        beloep: post.beloep,
      });
    }
  }
  kladdTreff.length = 0;
  kladdPost.length = 0;
  const ut: Grunnlagsgruppe[] = [];
  for (let g = 0; g < n; g++)
    ut.push(gruppeAv(k.grupper[g] as Gruppedefinisjon, poster[g] as Grunnlagspost[]));
  return ut;
}

function gruppeAv(gruppe: Gruppedefinisjon, poster: Grunnlagspost[]): Grunnlagsgruppe {
  // Most groups of a case have no posts: their sum is the shared zero (what Beloep.sum gives for none).
  let beloep = Beloep.NULL;
  if (poster.length > 0) {
    const signert: Beloep[] = [];
    for (const p of poster) signert.push(p.operasjon === 'SUBTRAHERE' ? p.beloep.negated() : p.beloep);
    beloep = Beloep.sum(signert);
  }
  // Two literals rather than a spread, with the keys in the same order either way.
  return gruppe.hjemmel
    ? {
        tekniskNavn: gruppe.tekniskNavn,
        visningstekst: gruppe.visningstekst,
        operasjon: gruppe.operasjon,
        hjemmel: gruppe.hjemmel,
        beloep,
        poster,
      }
    : {
        tekniskNavn: gruppe.tekniskNavn,
        visningstekst: gruppe.visningstekst,
        operasjon: gruppe.operasjon,
        beloep,
        poster,
      };
}

/** Sums one group over the persons of the group's types. */
export function evaluerGruppe(
  gruppe: Gruppedefinisjon,
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsgruppe {
  // Looked up before fraBuffer so the one-group list is made only when the group is compiled.
  const kjent = gruppeBuffer.get(gruppe)?.get(inntektsaar);
  const k = kjent ?? fraBuffer(gruppeBuffer, gruppe, inntektsaar, [gruppe]);
  return evaluerKompilert(k, personer, inntektsaar)[0] as Grunnlagsgruppe;
}

/** Sums each group over the persons of its types (see {@link evaluerGruppe}). */
export function evaluerBlokk(
  grupper: readonly Gruppedefinisjon[],
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsblokk {
  const k = fraBuffer(blokkBuffer, grupper, inntektsaar, grupper);
  return blokkAv(evaluerKompilert(k, personer, inntektsaar));
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
  // Of the exact length (a push would make room for 17).
  const ut = new Array<{ identifikator: string; beloep: Beloep }>(sum.size);
  let i = 0;
  for (const [identifikator, beloep] of sum) ut[i++] = { identifikator, beloep };
  return ut;
}

/** A group's source: its posts' common source, or REGEL when a rule computed it or sources are mixed. */
function gruppekilde(g: Grunnlagsgruppe): Kildetype {
  const forste = g.poster[0];
  if (g.forklaring || forste === undefined) return 'REGEL';
  for (const p of g.poster) if (p.kilde !== forste.kilde) return 'REGEL';
  return forste.kilde;
}

/** «(søker)», «(ektefelle)», …: the person type as a post line names it, made once per type. */
const PERSONTYPE_I_LINJE = Object.fromEntries(
  Object.entries(PERSONTYPE_TEKST).map(([type, tekst]) => [type, ` (${tekst.toLowerCase()})`]),
) as Record<Persontype, string>;

function postlinje(p: Grunnlagspost): Beregningslinje {
  return {
    tekst: `${p.visningstekst}${PERSONTYPE_I_LINJE[p.persontype]}`,
    operasjon: p.operasjon,
    kilde: p.kilde,
    beloep: p.beloep,
  };
}

function gruppelinje(g: Grunnlagsgruppe): Beregningslinje {
  // `map` and `concat` make arrays of the exact length; two literals rather than a spread, with the
  // keys in the same order either way.
  const poster = g.poster.map(postlinje);
  const linjer = g.forklaring ? g.forklaring.concat(poster) : poster;
  return g.hjemmel
    ? {
        tekst: g.visningstekst,
        operasjon: g.operasjon,
        kilde: gruppekilde(g),
        beloep: g.beloep,
        hjemmel: g.hjemmel,
        linjer,
      }
    : { tekst: g.visningstekst, operasjon: g.operasjon, kilde: gruppekilde(g), beloep: g.beloep, linjer };
}

/** The block as lines of a Beregningstabell: a line per group, a line per post under it. */
export function blokkSomLinjer(blokk: Grunnlagsblokk): Beregningslinje[] {
  return blokk.grupper.map(gruppelinje);
}
