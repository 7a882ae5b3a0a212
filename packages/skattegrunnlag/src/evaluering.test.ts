import { Beloep } from '@inntektsgrunnlag/money';
import { PERSONTYPE_TEKST, PERSONTYPER, type Persontype } from '@inntektsgrunnlag/person';
import type { Beregningslinje, Kildetype } from '@inntektsgrunnlag/regelverk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blokkAv,
  blokkSomLinjer,
  blokkTilJson,
  evaluerBlokk,
  evaluerGruppe,
  type Grunnlagsblokk,
  type Grunnlagsgruppe,
  type Grunnlagspost,
  type Gruppedefinisjon,
  grupperTilJson,
  KATALOGAAR,
  katalogFor,
  type PersonMedPoster,
  type Postdefinisjon,
  perPerson,
  postinfo,
  postnavnIDefinisjon,
  tillattPost,
  VISNINGSGRUPPER,
} from './index.js';

/**
 * The plain evaluation as it was before the groups were compiled per year: for each person of the
 * group's types, each post the group names (checking its years), each of the person's posts of that
 * name. The compiled evaluation must give exactly this, object for object.
 */
function enkelGruppe(
  gruppe: Gruppedefinisjon,
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsgruppe {
  const poster: Grunnlagspost[] = [];
  for (const person of personer) {
    if (!gruppe.persontyper.includes(person.type)) continue;
    for (const pg of gruppe.poster) {
      if (
        (pg.fraOgMedAar !== undefined && inntektsaar < pg.fraOgMedAar) ||
        (pg.tilOgMedAar !== undefined && inntektsaar > pg.tilOgMedAar)
      )
        continue;
      for (const post of person.poster) {
        if (post.tekniskNavn !== pg.tekniskNavn) continue;
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

function enkelBlokk(
  grupper: readonly Gruppedefinisjon[],
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsblokk {
  return blokkAv(grupper.map((g) => enkelGruppe(g, personer, inntektsaar)));
}

// Known posts (one whose text the case worker may change), posts of a source without a catalogue
// entry (ukjent), and a name the groups do not use.
const NAVN = [
  'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
  'minstefradragIInntekt',
  'annenArbeidsinntekt',
  'skattepliktigEtterloennOgEtterpensjon',
  '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
  'kommune.skjoennsmessigeFradrag',
  'nav.hjelpestoenadFraFolketrygden',
  'ukjentPost',
  'manuell.noeAnnet',
] as const;
const AAR = [2022, 2023, 2024] as const;

const fortegn = fc.constantFrom('ADDERE' as const, 'SUBTRAHERE' as const);
const aarGrense = fc.option(fc.constantFrom(...AAR), { nil: undefined });

const gruppe: fc.Arbitrary<Gruppedefinisjon> = fc.record(
  {
    tekniskNavn: fc.constantFrom('a', 'b', 'c'),
    visningstekst: fc.constantFrom('Gruppe A', 'Gruppe B'),
    operasjon: fortegn,
    persontyper: fc.subarray([...PERSONTYPER]),
    hjemmel: fc.constantFrom('§ 1', ''),
    poster: fc.array(
      fc.record(
        {
          tekniskNavn: fc.constantFrom(...NAVN),
          operasjon: fortegn,
          fraOgMedAar: aarGrense,
          tilOgMedAar: aarGrense,
        },
        { requiredKeys: ['tekniskNavn', 'operasjon'] },
      ),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: ['tekniskNavn', 'visningstekst', 'operasjon', 'persontyper', 'poster'] },
);

const person = (identifikator: string): fc.Arbitrary<PersonMedPoster> =>
  fc.record({
    identifikator: fc.constant(identifikator),
    type: fc.constantFrom(...(PERSONTYPER as readonly Persontype[])),
    poster: fc.array(
      fc.record(
        {
          tekniskNavn: fc.constantFrom(...NAVN),
          beloep: fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((o) => Beloep.oere(o)),
          visningstekst: fc.constantFrom('Fradrag 1', ''),
        },
        { requiredKeys: ['tekniskNavn', 'beloep'] },
      ),
      { maxLength: 6 },
    ),
  });

const personer = fc
  .uniqueArray(fc.constantFrom('04817299771', '27847099416', '05873810086', 'x'), {
    maxLength: 4,
  })
  .chain((ider) => fc.tuple(...ider.map(person)));

describe('the compiled evaluation equals the plain walk (property)', () => {
  it('evaluerBlokk: same groups, posts, order, texts, sources and sums', () => {
    fc.assert(
      fc.property(
        fc.array(gruppe, { maxLength: 4 }),
        personer,
        fc.constantFrom(...AAR),
        (grupper, ps, aar) => {
          expect(evaluerBlokk(grupper, ps, aar)).toEqual(enkelBlokk(grupper, ps, aar));
          // Again, from the compiled form kept for the definition and year, and for another year.
          expect(evaluerBlokk(grupper, ps, aar)).toEqual(enkelBlokk(grupper, ps, aar));
          const annet = aar === 2022 ? 2024 : 2022;
          expect(evaluerBlokk(grupper, ps, annet)).toEqual(enkelBlokk(grupper, ps, annet));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('evaluerGruppe: the same as the plain walk for one group', () => {
    fc.assert(
      fc.property(gruppe, personer, fc.constantFrom(...AAR), (g, ps, aar) => {
        expect(evaluerGruppe(g, ps, aar)).toEqual(enkelGruppe(g, ps, aar));
        expect(evaluerGruppe(g, ps, aar)).toEqual(enkelGruppe(g, ps, aar));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the key order of a group (hjemmel before beloep, only when given)', () => {
    const g: Gruppedefinisjon = {
      tekniskNavn: 'a',
      visningstekst: 'A',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER'],
      hjemmel: '§ 3',
      poster: [{ tekniskNavn: 'annenArbeidsinntekt', operasjon: 'ADDERE' }],
    };
    const ps: PersonMedPoster[] = [
      {
        identifikator: 'x',
        type: 'SOEKER',
        poster: [{ tekniskNavn: 'annenArbeidsinntekt', beloep: Beloep.kroner(5) }],
      },
    ];
    expect(Object.keys(evaluerGruppe(g, ps, 2023))).toEqual(Object.keys(enkelGruppe(g, ps, 2023)));
    const { hjemmel: _h, ...utenHjemmel } = g;
    expect(Object.keys(evaluerGruppe(utenHjemmel, ps, 2023))).toEqual([
      'tekniskNavn',
      'visningstekst',
      'operasjon',
      'beloep',
      'poster',
    ]);
  });
});

/** The JSON form as it was built before (spreads and maps), for the comparison below. */
function enkelGruppeTilJson(g: Grunnlagsgruppe) {
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

function enkelBlokkTilJson(blokk: Grunnlagsblokk) {
  return {
    beloep: blokk.beloep.toJsonNumber(),
    grupper: blokk.grupper.map(enkelGruppeTilJson),
    perPerson: perPerson(blokk).map((p) => ({
      identifikator: p.identifikator,
      beloep: p.beloep.toJsonNumber(),
    })),
  };
}

describe('the JSON form of a block (property)', () => {
  it('is the same text as the plain mapping gave, key order included', () => {
    fc.assert(
      fc.property(
        fc.array(gruppe, { maxLength: 4 }),
        personer,
        fc.constantFrom(...AAR),
        (grupper, ps, aar) => {
          const blokk = evaluerBlokk(grupper, ps, aar);
          expect(JSON.stringify(blokkTilJson(blokk))).toBe(JSON.stringify(enkelBlokkTilJson(blokk)));
          expect(JSON.stringify(grupperTilJson(blokk.grupper))).toBe(
            JSON.stringify(enkelBlokkTilJson(blokk).grupper),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an amount with a fraction of an øre, as before', () => {
    const blokk = blokkAv([
      {
        tekniskNavn: 'a',
        visningstekst: 'A',
        operasjon: 'ADDERE',
        beloep: Beloep.fromJSON('1.005'),
        poster: [],
      },
    ]);
    expect(() => blokkTilJson(blokk)).toThrow(/mer enn to desimaler/);
    expect(() => grupperTilJson(blokk.grupper)).toThrow(/mer enn to desimaler/);
  });
});

/** The explanation lines of a block as they were built before (a Set per group, spreads). */
function enkleLinjer(blokk: Grunnlagsblokk): Beregningslinje[] {
  const kilde = (g: Grunnlagsgruppe): Kildetype => {
    const kilder = new Set(g.poster.map((p) => p.kilde));
    if (g.forklaring || kilder.size !== 1) return 'REGEL';
    return [...kilder][0] as Kildetype;
  };
  return blokk.grupper.map((g) => ({
    tekst: g.visningstekst,
    operasjon: g.operasjon,
    kilde: kilde(g),
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

describe('blokkSomLinjer (property)', () => {
  it('gives the same lines as the plain construction, key order included, also for computed groups', () => {
    const forklaring: Beregningslinje[] = [
      { tekst: 'Regnet', operasjon: 'ADDERE', kilde: 'REGEL', beloep: Beloep.kroner(1) },
    ];
    fc.assert(
      fc.property(
        fc.array(gruppe, { maxLength: 4 }),
        personer,
        fc.constantFrom(...AAR),
        fc.boolean(),
        (grupper, ps, aar, medForklaring) => {
          const blokk = evaluerBlokk(grupper, ps, aar);
          const g0 = blokk.grupper[0];
          if (medForklaring && g0) g0.forklaring = forklaring;
          const ny = blokkSomLinjer(blokk);
          expect(ny).toEqual(enkleLinjer(blokk));
          expect(ny.map((l) => Object.keys(l))).toEqual(enkleLinjer(blokk).map((l) => Object.keys(l)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tillattPost', () => {
  /** The predicate as it was: the definition's names, then the catalogue's display group. */
  function enkelTillatt(def: Postdefinisjon, aar: number) {
    const navn = postnavnIDefinisjon(def, aar);
    for (const p of def.visning.poster ?? []) navn.add(p);
    const grupper = new Set(def.visning.grupper);
    const katalog = katalogFor(aar);
    return (tekniskNavn: string) => {
      if (navn.has(tekniskNavn)) return true;
      const info = katalog.finn(tekniskNavn);
      return info === undefined || grupper.has(info.visningsgruppe);
    };
  }

  it('answers as the plain predicate for every post of every catalogue year, and for unknown posts (property)', () => {
    const aarListe = KATALOGAAR.slice(-3);
    fc.assert(
      fc.property(
        fc.array(gruppe, { maxLength: 3 }),
        fc.subarray([...VISNINGSGRUPPER]),
        fc.subarray([...NAVN, 'innskudd', 'samletGjeld']),
        (inntekt, vist, ekstra) => {
          const def: Postdefinisjon = {
            beregningstype: 'TEST',
            fraOgMedAar: aarListe[0] as number,
            tilOgMedAar: aarListe[aarListe.length - 1] as number,
            kilde: { tittel: 'test' },
            inntekt,
            fradrag: [],
            visning: { grupper: vist, poster: ekstra },
          };
          for (const aar of aarListe) {
            const ny = tillattPost(def, aar);
            const gammel = enkelTillatt(def, aar);
            const navn = [
              ...katalogFor(aar)
                .alle()
                .map((p) => p.tekniskNavn),
              ...NAVN,
              'finnesIkke',
            ];
            expect(navn.filter(ny)).toEqual(navn.filter(gammel));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('evaluerBlokk after a failed evaluation', () => {
  it('gives the same as ever: nothing of the failed call is carried over', () => {
    const g: Gruppedefinisjon = {
      tekniskNavn: 'a',
      visningstekst: 'A',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER'],
      poster: [{ tekniskNavn: 'annenArbeidsinntekt', operasjon: 'ADDERE' }],
    };
    const ps: PersonMedPoster[] = [
      {
        identifikator: 'x',
        type: 'SOEKER',
        poster: [{ tekniskNavn: 'annenArbeidsinntekt', beloep: Beloep.kroner(5) }],
      },
    ];
    // 1990 has no catalogue: the post's text cannot be looked up.
    expect(() => evaluerBlokk([g], ps, 1990)).toThrow(/1990/);
    // A person without a list of posts (bad input) after one whose posts were already taken.
    const uten = { identifikator: 'y', type: 'SOEKER', poster: undefined } as unknown as PersonMedPoster;
    expect(() => evaluerBlokk([g], [...ps, uten], 2023)).toThrow(TypeError);
    expect(evaluerBlokk([g], ps, 2023)).toEqual(enkelBlokk([g], ps, 2023));
    expect(evaluerBlokk([g], [], 2023).grupper[0]?.poster).toEqual([]);
  });
});
