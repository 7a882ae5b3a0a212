import { Beloep } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blokkTilJson,
  definisjonForAar,
  evaluerBlokk,
  type PersonMedPoster,
  type Postdefinisjon,
  perPerson,
  posterUtenforKatalog,
  tillattPost,
} from './index.js';

const kr = (n: number) => Beloep.kroner(n);

const def: Postdefinisjon = {
  beregningstype: 'TEST',
  fraOgMedAar: 2022,
  tilOgMedAar: 2024,
  kilde: { tittel: 'test' },
  inntekt: [
    {
      tekniskNavn: 'arbeid',
      visningstekst: 'Arbeidsinntekt',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER', 'PARTNER'],
      poster: [
        { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', operasjon: 'ADDERE' },
        { tekniskNavn: 'minstefradragIInntekt', operasjon: 'SUBTRAHERE' },
        { tekniskNavn: 'annenArbeidsinntekt', operasjon: 'ADDERE', fraOgMedAar: 2024 },
      ],
    },
  ],
  fradrag: [
    {
      tekniskNavn: 'skatt',
      visningstekst: 'Skatt',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER'],
      poster: [
        {
          tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
          operasjon: 'ADDERE',
        },
      ],
    },
  ],
  visning: { grupper: ['INNTEKT'] },
};

const personer: PersonMedPoster[] = [
  {
    identifikator: '04817299771',
    type: 'SOEKER',
    poster: [
      { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: kr(500000) },
      { tekniskNavn: 'minstefradragIInntekt', beloep: kr(100000) },
      { tekniskNavn: 'annenArbeidsinntekt', beloep: kr(7000) },
      { tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt', beloep: kr(120000) },
    ],
  },
  {
    identifikator: '27847099416',
    type: 'PARTNER',
    poster: [
      { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: kr(200000) },
      { tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt', beloep: kr(40000) },
    ],
  },
  {
    identifikator: '05873810086',
    type: 'BARN',
    poster: [{ tekniskNavn: 'annenArbeidsinntekt', beloep: kr(1) }],
  },
];

describe('post definitions', () => {
  it('sums the listed posts of the listed person types, with their signs and years', () => {
    const inntekt = evaluerBlokk(definisjonForAar(def, 2023).inntekt, personer, 2023);
    expect(inntekt.beloep.toJSON()).toBe('600000');
    const i2024 = evaluerBlokk(def.inntekt, personer, 2024);
    expect(i2024.beloep.toJSON()).toBe('607000');
    const fradrag = evaluerBlokk(def.fradrag, personer, 2024);
    expect(fradrag.beloep.toJSON()).toBe('120000');
    expect(fradrag.grupper[0]?.poster.map((p) => [p.identifikator, p.kilde, p.visningstekst])).toEqual([
      ['04817299771', 'SKATTEETATEN', 'Beregnet skatt'],
    ]);
  });

  it('gives each person’s contribution and a JSON form with numbers', () => {
    const inntekt = evaluerBlokk(def.inntekt, personer, 2024);
    expect(perPerson(inntekt).map((p) => [p.identifikator, p.beloep.toJSON()])).toEqual([
      ['04817299771', '407000'],
      ['27847099416', '200000'],
    ]);
    const json = blokkTilJson(inntekt);
    expect(json.beloep).toBe(607000);
    expect(json.grupper[0]?.poster[1]).toMatchObject({
      operasjon: 'SUBTRAHERE',
      beloep: 100000,
      persontype: 'SOEKER',
    });
  });

  it('refuses an income year outside the definition', () => {
    expect(() => definisjonForAar(def, 2021)).toThrow(/2022–2024, ikke 2021/);
  });

  it('finds posts missing from a year’s catalogue', () => {
    expect(posterUtenforKatalog(def)).toEqual([]);
    const feil = {
      ...def,
      inntekt: [
        {
          ...(def.inntekt[0] as Postdefinisjon['inntekt'][number]),
          poster: [{ tekniskNavn: 'finnesIkke', operasjon: 'ADDERE' as const }],
        },
      ],
    };
    expect(posterUtenforKatalog(feil)).toContain('2022 arbeid: finnesIkke');
  });

  it('allows the definition’s posts, the shown groups and unknown posts, nothing else', () => {
    const tillatt = tillattPost(def, 2024);
    expect(tillatt('/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt')).toBe(true);
    expect(tillatt('renteinntektAvObligasjon')).toBe(true); // unknown: kept, warned about elsewhere
    expect(tillatt('samledeOpptjenteRenterIInnenlandskeBanker')).toBe(true); // INNTEKT is shown
    expect(tillatt('innskudd')).toBe(false); // FORMUE is not shown
  });
});

describe('evaluerBlokk (property): the same posts in the same order as a walk over every post', () => {
  /** The plain walk the index replaces: person × group post × every post of the person. */
  function vandring(g: Postdefinisjon['inntekt'][number], personer: readonly PersonMedPoster[], aar: number) {
    const ut: Array<[string, string, string, string]> = [];
    for (const person of personer) {
      if (!g.persontyper.includes(person.type)) continue;
      for (const pg of g.poster) {
        if (
          (pg.fraOgMedAar !== undefined && aar < pg.fraOgMedAar) ||
          (pg.tilOgMedAar !== undefined && aar > pg.tilOgMedAar)
        )
          continue;
        for (const post of person.poster) {
          if (post.tekniskNavn === pg.tekniskNavn)
            ut.push([person.identifikator, post.tekniskNavn, pg.operasjon, post.beloep.toJSON()]);
        }
      }
    }
    return ut;
  }

  it('holds for random persons, duplicate posts and posts the definition does not name', () => {
    const navn = [
      'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
      'minstefradragIInntekt',
      'annenArbeidsinntekt',
      'ukjentPost',
    ];
    const person = (identifikator: string) =>
      fc.record({
        identifikator: fc.constant(identifikator),
        type: fc.constantFrom('SOEKER' as const, 'PARTNER' as const, 'BARN' as const),
        poster: fc.array(
          fc.record({
            tekniskNavn: fc.constantFrom(...navn),
            beloep: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => Beloep.kroner(n)),
          }),
          { maxLength: 12 },
        ),
      });
    fc.assert(
      fc.property(
        fc.tuple(person('04817299771'), person('27847099416')),
        fc.constantFrom(2022, 2023, 2024),
        (personer, aar) => {
          const blokk = evaluerBlokk(def.inntekt, personer, aar);
          const g = def.inntekt[0] as Postdefinisjon['inntekt'][number];
          const faktisk = (blokk.grupper[0]?.poster ?? []).map((p) => [
            p.identifikator,
            p.tekniskNavn,
            p.operasjon,
            p.beloep.toJSON(),
          ]);
          expect(faktisk).toEqual(vandring(g, personer, aar));
        },
      ),
      { numRuns: 300 },
    );
  });
});
