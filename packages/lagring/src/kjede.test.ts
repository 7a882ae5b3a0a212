import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beregnHash,
  Kjedekontroll,
  kanoniskForm,
  nestePost,
  type Revisjonsinnhold,
  type Revisjonspost,
  START_HASH,
} from './kjede.js';

const innholdArb: fc.Arbitrary<Revisjonsinnhold> = fc.record({
  tidspunkt: fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  aktoerType: fc.constantFrom('BRUKER', 'KLIENT', 'UKJENT'),
  aktoerId: fc.string({ minLength: 1, maxLength: 20 }),
  aktoerNavn: fc.string({ minLength: 1, maxLength: 30 }),
  rolleId: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  tjenesteomraade: fc.option(fc.constantFrom('FORELDREBETALING', 'LANGTIDSOPPHOLD'), { nil: null }),
  beregningstype: fc.option(fc.constantFrom('BARNEHAGE_SFO', 'LANGTIDSOPPHOLD_INSTITUSJON'), { nil: null }),
  formaal: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  saksreferanse: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  identifikatorer: fc.uniqueArray(fc.stringMatching(/^\d{11}$/), { maxLength: 4 }),
  inntektsaar: fc.option(fc.integer({ min: 2015, max: 2030 }), { nil: null }),
  utfall: fc.constantFrom('TILLATT', 'AVVIST', 'FEILET'),
  aarsakskode: fc.option(fc.constantFrom('ROLLE_MANGLER', 'FEIL_TJENESTEOMRAADE'), { nil: null }),
  korrelasjonsid: fc.option(fc.uuid(), { nil: null }),
});

function kjede(innhold: readonly Revisjonsinnhold[], start = { id: 0, hash: START_HASH }): Revisjonspost[] {
  const ut: Revisjonspost[] = [];
  let forrige = start;
  for (const i of innhold) {
    const p = nestePost(forrige, i);
    ut.push(p);
    forrige = p;
  }
  return ut;
}

function kontroller(poster: readonly Revisjonspost[], start?: { id: number; hash: string }) {
  const k = new Kjedekontroll(start);
  for (const p of poster) if (!k.kontroller(p)) break;
  return k.resultat();
}

describe('kanoniskForm and beregnHash', () => {
  it('is a fixed-order JSON array led by a version tag, and a 64-hex SHA-256', () => {
    const [p] = kjede([
      {
        tidspunkt: '2026-11-27T10:00:00.000Z',
        aktoerType: 'BRUKER',
        aktoerId: 'kari',
        aktoerNavn: 'Kari',
        rolleId: 'demo-langtidsopphold',
        tjenesteomraade: 'LANGTIDSOPPHOLD',
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        formaal: null,
        saksreferanse: '2026/123',
        identifikatorer: ['04817299771'],
        inntektsaar: 2024,
        utfall: 'TILLATT',
        aarsakskode: null,
        korrelasjonsid: null,
      },
    ]);
    if (!p) throw new Error('ingen post');
    const { hash: _h, ...uten } = p;
    expect(JSON.parse(kanoniskForm(uten))).toEqual([
      'inntektsgrunnlag.revisjonslogg.v1',
      1,
      '2026-11-27T10:00:00.000Z',
      'BRUKER',
      'kari',
      'Kari',
      'demo-langtidsopphold',
      'LANGTIDSOPPHOLD',
      'LANGTIDSOPPHOLD_INSTITUSJON',
      null,
      '2026/123',
      ['04817299771'],
      2024,
      'TILLATT',
      null,
      null,
      START_HASH,
    ]);
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(beregnHash(uten)).toBe(p.hash);
  });
});

describe('Kjedekontroll (property)', () => {
  it('accepts every chain built by nestePost, from the start or from an anchor', () => {
    fc.assert(
      fc.property(fc.array(innholdArb, { maxLength: 15 }), fc.nat(1000), (innhold, ankerId) => {
        expect(kontroller(kjede(innhold))).toMatchObject({ ok: true, antall: innhold.length });
        const anker = { id: ankerId, hash: 'a'.repeat(64) };
        const r = kontroller(kjede(innhold, anker), anker);
        expect(r).toMatchObject({ ok: true, antall: innhold.length });
        if (r.ok) expect(r.hode.id).toBe(ankerId + innhold.length);
      }),
    );
  });

  it('names the changed entry when any field of one entry is changed', () => {
    const felter = [
      'tidspunkt',
      'aktoerId',
      'aktoerNavn',
      'rolleId',
      'saksreferanse',
      'identifikatorer',
      'inntektsaar',
      'utfall',
    ] as const;
    fc.assert(
      fc.property(
        fc.array(innholdArb, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(...felter),
        (innhold, n, felt) => {
          const poster = kjede(innhold);
          const i = n % poster.length;
          const p = poster[i] as Revisjonspost;
          const endret: Revisjonspost = {
            ...p,
            [felt]:
              felt === 'identifikatorer'
                ? [...p.identifikatorer, '99999999999']
                : felt === 'inntektsaar'
                  ? (p.inntektsaar ?? 0) + 1
                  : felt === 'utfall'
                    ? p.utfall === 'TILLATT'
                      ? 'AVVIST'
                      : 'TILLATT'
                    : `${String(p[felt])}x`,
          };
          poster[i] = endret;
          expect(kontroller(poster)).toMatchObject({
            ok: false,
            id: p.id,
            feil: 'HASH_STEMMER_IKKE',
            antall: i,
          });
        },
      ),
    );
  });

  it('names the next entry when one is changed and its hash recomputed, or one is removed', () => {
    fc.assert(
      fc.property(fc.array(innholdArb, { minLength: 3, maxLength: 10 }), fc.nat(), (innhold, n) => {
        const poster = kjede(innhold);
        const i = n % (poster.length - 1);
        const p = poster[i] as Revisjonspost;
        const endret = { ...p, aktoerNavn: `${p.aktoerNavn}!` };
        const omregnet = { ...endret, hash: beregnHash(endret) };
        const medOmregnet = [...poster];
        medOmregnet[i] = omregnet;
        expect(kontroller(medOmregnet)).toMatchObject({
          ok: false,
          id: p.id + 1,
          feil: 'FORRIGE_HASH_STEMMER_IKKE',
        });
        const utenEn = poster.filter((_, j) => j !== i);
        expect(kontroller(utenEn)).toMatchObject({
          ok: false,
          id: p.id + 1,
          feil: 'POST_MANGLER',
        });
      }),
    );
  });

  it('refuses a chain that does not start at the anchor', () => {
    const poster = kjede([], { id: 0, hash: START_HASH });
    expect(kontroller(poster)).toMatchObject({ ok: true, antall: 0, hode: { id: 0, hash: START_HASH } });
    const fraAnnetAnker = kjede(
      [
        {
          tidspunkt: '2026-01-01T00:00:00.000Z',
          aktoerType: 'UKJENT',
          aktoerId: 'ukjent',
          aktoerNavn: 'Ukjent',
          rolleId: null,
          tjenesteomraade: null,
          beregningstype: null,
          formaal: null,
          saksreferanse: null,
          identifikatorer: [],
          inntektsaar: null,
          utfall: 'AVVIST',
          aarsakskode: 'AKTOER_UKJENT',
          korrelasjonsid: null,
        },
      ],
      { id: 5, hash: 'b'.repeat(64) },
    );
    expect(kontroller(fraAnnetAnker, { id: 5, hash: 'c'.repeat(64) })).toMatchObject({
      ok: false,
      id: 6,
      feil: 'FORRIGE_HASH_STEMMER_IKKE',
    });
  });
});
