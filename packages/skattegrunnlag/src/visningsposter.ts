import { Beloep } from '@inntektsgrunnlag/money';
import { VISNINGSGRUPPER, type Visningsgruppe } from './katalog/katalog.js';
import { VISNINGSREKKEFOELGE } from './katalog/visningsrekkefoelge.js';
import { type PersonMedPoster, postinfo } from './post.js';

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
  const perNavn = new Map<string, { post: Visningspost; gruppe: Visningsgruppe }>();
  for (const person of personer) {
    for (const p of person.poster) {
      if (!tillatt(p.tekniskNavn)) continue;
      let rad = perNavn.get(p.tekniskNavn);
      if (!rad) {
        const { info, kjent } = postinfo(p.tekniskNavn, inntektsaar);
        rad = {
          gruppe: info.visningsgruppe,
          post: {
            tekniskNavn: p.tekniskNavn,
            visningstekst: (info.kanEndreVisningstekst && p.visningstekst) || info.visningstekst,
            ...(info.infotekst ? { infotekst: info.infotekst } : {}),
            kjent,
            beloep: Beloep.NULL,
            personer: [],
          },
        };
        perNavn.set(p.tekniskNavn, rad);
      }
      const eksisterende = rad.post.personer.find((x) => x.identifikator === person.identifikator);
      if (eksisterende) eksisterende.beloep = eksisterende.beloep.plus(p.beloep);
      else rad.post.personer.push({ identifikator: person.identifikator, beloep: p.beloep });
      rad.post.beloep = rad.post.beloep.plus(p.beloep);
    }
  }
  const rader = [...perNavn.values()];
  return VISNINGSGRUPPER.map((kategori) => {
    const plass = PLASS[kategori];
    const rang = (r: { post: Visningspost }) => plass.get(r.post.tekniskNavn) ?? Number.POSITIVE_INFINITY;
    return {
      kategori,
      // Array.prototype.sort is stable: posts without a place keep the order first met.
      poster: rader
        .filter((r) => r.gruppe === kategori)
        .sort((a, b) => (rang(a) === rang(b) ? 0 : rang(a) < rang(b) ? -1 : 1))
        .map((r) => r.post),
    };
  }).filter((g) => g.poster.length > 0);
}

export function visningsposterTilJson(grupper: readonly Visningspostgruppe[]) {
  return grupper.map((g) => ({
    kategori: g.kategori,
    poster: g.poster.map((p) => ({
      tekniskNavn: p.tekniskNavn,
      visningstekst: p.visningstekst,
      ...(p.infotekst ? { infotekst: p.infotekst } : {}),
      ...(p.kjent ? {} : { ukjent: true }),
      beloep: p.beloep.toJsonNumber(),
      personer: p.personer.map((x) => ({ identifikator: x.identifikator, beloep: x.beloep.toJsonNumber() })),
    })),
  }));
}
