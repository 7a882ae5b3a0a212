import { Beloep } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lagVisningsposter,
  type PersonMedPoster,
  postinfo,
  VISNINGSGRUPPER,
  VISNINGSREKKEFOELGE,
  type Visningspost,
  type Visningspostgruppe,
  visningsposterTilJson,
} from './index.js';

/**
 * The display posts as they were built before the single pass (a `find` per post, a filter and a
 * sort per display group, spreads in the JSON form): the new code must give the same JSON text.
 */
function enkelLagVisningsposter(
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
  tillatt: (tekniskNavn: string) => boolean,
): Visningspostgruppe[] {
  const perNavn = new Map<string, { post: Visningspost; gruppe: string }>();
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
    const plass = new Map(VISNINGSREKKEFOELGE[kategori].map((navn, i) => [navn, i]));
    const rang = (r: { post: Visningspost }) => plass.get(r.post.tekniskNavn) ?? Number.POSITIVE_INFINITY;
    return {
      kategori,
      poster: rader
        .filter((r) => r.gruppe === kategori)
        .sort((a, b) => (rang(a) === rang(b) ? 0 : rang(a) < rang(b) ? -1 : 1))
        .map((r) => r.post),
    };
  }).filter((g) => g.poster.length > 0);
}

function enkelTilJson(grupper: readonly Visningspostgruppe[]) {
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

// Posts of every display group, placed and not placed by KS's order, with and without an infotekst,
// one whose text the case worker may change, and unknown ones.
const NAVN = [
  'innskudd',
  'bruttoformue',
  'minstefradragIInntekt',
  'samletGjeld',
  'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
  'annenArbeidsinntekt',
  'skattepliktigEtterloennOgEtterpensjon',
  '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
  'utbytteFraAksje',
  'nav.hjelpestoenadFraFolketrygden',
  'kommune.skjoennsmessigeFradrag',
  'ukjentPostX',
  'ukjentPostY',
];

describe('lagVisningsposter equals the plain construction (property)', () => {
  it('gives the same JSON text for random persons (also repeated identifiers) and allow-lists', () => {
    const post = fc.record(
      {
        tekniskNavn: fc.constantFrom(...NAVN),
        beloep: fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((o) => Beloep.oere(o)),
        visningstekst: fc.constantFrom('Fradrag 1', ''),
      },
      { requiredKeys: ['tekniskNavn', 'beloep'] },
    );
    const person = fc.record({
      identifikator: fc.constantFrom('a', 'b', 'c'),
      type: fc.constant('SOEKER' as const),
      poster: fc.array(post, { maxLength: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 4 }),
        fc.subarray(NAVN),
        fc.constantFrom(2022, 2023, 2024),
        (personer, tillatte, aar) => {
          const tillatt = (n: string) => tillatte.includes(n);
          const ny = lagVisningsposter(personer, aar, tillatt);
          const gammel = enkelLagVisningsposter(personer, aar, tillatt);
          expect(ny).toEqual(gammel);
          expect(JSON.stringify(visningsposterTilJson(ny))).toBe(JSON.stringify(enkelTilJson(gammel)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
