import { identifikatorSkjema, kontrollsifre, PERSONTYPER } from '@inntektsgrunnlag/person';
import { isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beloepSkjema,
  foresporselSkjema,
  ikkeNegativtBeloepSkjema,
  personInnSkjema,
  postInnSkjema,
} from './foresporsel.js';
import { KANTVERDIER, MUTASJONER, muter, sammenlignMedSkjema } from './hurtigstiprove.js';
import { brukNorskeFeilmeldinger, Valideringsfeil, valider } from './valideringsfeil.js';

const to = (n: number) => String(n).padStart(2, '0');

/** A valid identifier: fødselsnummer, D-nummer (day + 40), H-nummer (month + 40) or synthetic (+ 80). */
export const identifikatorArb = fc
  .record({
    dag: fc.integer({ min: 1, max: 28 }),
    maaned: fc.integer({ min: 1, max: 12 }),
    aar: fc.integer({ min: 0, max: 99 }),
    individ: fc.integer({ min: 0, max: 999 }),
    dagTillegg: fc.constantFrom(0, 40),
    maanedTillegg: fc.constantFrom(0, 40, 80),
  })
  .map(({ dag, maaned, aar, individ, dagTillegg, maanedTillegg }) => {
    const ni = `${to(dag + dagTillegg)}${to(maaned + maanedTillegg)}${to(aar)}${String(individ).padStart(3, '0')}`;
    const k = kontrollsifre(ni);
    return k === null ? null : `${ni}${k}`;
  })
  .filter((x): x is string => x !== null);

/** Amounts as the boundary takes them: numbers and strings with at most two decimals, any sign. */
export const beloepArb = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((oere) => oere / 100),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom('', '.5', '.05', '.50', '.99'))
    .map(([k, d]) => `${k}${d}`),
);

const postArb = fc.record(
  {
    tekniskNavn: fc.stringMatching(/^[A-Za-z0-9/._-]{1,40}$/),
    beloep: beloepArb,
    visningstekst: fc.string({ minLength: 1, maxLength: 40 }),
  },
  { requiredKeys: ['tekniskNavn', 'beloep'] },
);

const personArb = (identifikator: string, type: string) =>
  fc
    .record(
      {
        poster: fc.array(postArb, { maxLength: 8 }),
        ekstraposter: fc.array(postArb, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((rest) => ({ identifikator, type, ...rest }));

const dagArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid request of the common shape: one SOEKER, others of other types, distinct identifiers. */
export const foresporselArb = fc
  .record({
    ider: fc.uniqueArray(identifikatorArb, { minLength: 1, maxLength: 6 }),
    typer: fc.array(fc.constantFrom(...PERSONTYPER.filter((t) => t !== 'SOEKER')), {
      minLength: 5,
      maxLength: 5,
    }),
    soekerPlass: fc.nat(),
    snu: fc.boolean(),
  })
  .chain(({ ider, typer, soekerPlass, snu }) => {
    const s = soekerPlass % ider.length;
    return fc
      .record(
        {
          beregningstype: fc.constantFrom('BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON'),
          inntektsaar: fc.integer({ min: 2000, max: 2100 }),
          beregningsdato: dagArb,
          personer: fc.tuple(
            ...ider.map((id, i) => personArb(id, i === s ? 'SOEKER' : (typer[i % typer.length] as string))),
          ),
          vedtak: fc.oneof(fc.jsonValue(), fc.constant({ barn: [] })),
          saksreferanse: fc.string({ maxLength: 100 }),
        },
        { requiredKeys: ['beregningstype', 'inntektsaar', 'personer'] },
      )
      .map((f) => (snu ? Object.fromEntries(Object.entries(f).reverse()) : f));
  });

const mutertArb = <T>(gyldig: fc.Arbitrary<T>) =>
  fc
    .tuple(
      gyldig,
      fc.nat(),
      fc.constantFrom(...MUTASJONER),
      fc.oneof(fc.constantFrom(...KANTVERDIER), fc.anything()),
    )
    .map(([d, hvor, m, verdi]) => muter(d, hvor, m, verdi));

describe('the fast path of the request accepts only what zod accepts, with the same output', () => {
  it('valid requests of the common shape: the fast path answers, with the output of zod', () => {
    fc.assert(
      fc.property(foresporselArb, (f) => {
        expect(sammenlignMedSkjema(foresporselSkjema, f)).toBe('HURTIGSTI');
      }),
      { numRuns: 400 },
    );
  });

  it('mutated requests: whenever the fast path answers, zod accepts with a deep-equal output', () => {
    let hurtig = 0;
    let zod = 0;
    fc.assert(
      fc.property(mutertArb(foresporselArb), (f) => {
        if (sammenlignMedSkjema(foresporselSkjema, f) === 'HURTIGSTI') hurtig++;
        else zod++;
      }),
      { numRuns: 3000 },
    );
    // Both sides are exercised: the mutations are not all fatal, nor all harmless.
    expect(hurtig).toBeGreaterThan(100);
    expect(zod).toBeGreaterThan(100);
  });

  it('years and dates near the edges', () => {
    fc.assert(
      fc.property(
        foresporselArb,
        fc.integer({ min: 1990, max: 2110 }),
        fc.oneof(dagArb, fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)),
        (f, inntektsaar, beregningsdato) => {
          sammenlignMedSkjema(foresporselSkjema, { ...f, inntektsaar, beregningsdato });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('persons and posts on their own, valid and mutated', () => {
    const person = fc
      .tuple(identifikatorArb, fc.constantFrom(...PERSONTYPER))
      .chain(([id, type]) => personArb(id, type));
    fc.assert(
      fc.property(person, (p) => {
        expect(sammenlignMedSkjema(personInnSkjema, p)).toBe('HURTIGSTI');
      }),
    );
    fc.assert(
      fc.property(mutertArb(person), (p) => {
        sammenlignMedSkjema(personInnSkjema, p);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(mutertArb(postArb), (p) => {
        sammenlignMedSkjema(postInnSkjema, p);
      }),
      { numRuns: 1000 },
    );
  });

  it('identifiers and dates on their own', () => {
    const tekst = fc.oneof(
      identifikatorArb,
      fc.stringMatching(/^\d{11}$/),
      dagArb,
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fc.constantFrom(...KANTVERDIER),
      fc.anything(),
    );
    fc.assert(
      fc.property(tekst, (v) => {
        sammenlignMedSkjema(identifikatorSkjema, v);
        sammenlignMedSkjema(isoDatoSkjema, v);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(identifikatorArb, dagArb, (id, dag) => {
        expect(sammenlignMedSkjema(identifikatorSkjema, id)).toBe('HURTIGSTI');
        expect(sammenlignMedSkjema(isoDatoSkjema, dag)).toBe('HURTIGSTI');
      }),
    );
  });

  it('amounts: every number and string, with the same Beloep as zod', () => {
    const noe = fc.oneof(
      beloepArb,
      fc.constantFrom(...KANTVERDIER),
      fc.double(),
      fc.maxSafeInteger(),
      fc.constantFrom(90_071_992_547_409, -90_071_992_547_409, 90_071_992_547_410, 900_719_925_474_099.5),
      fc.stringMatching(/^-?\d{1,20}(\.\d{0,4})?$/),
      fc.anything(),
    );
    fc.assert(
      fc.property(noe, (v) => {
        sammenlignMedSkjema(beloepSkjema, v);
        sammenlignMedSkjema(ikkeNegativtBeloepSkjema, v);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(beloepArb, (v) => {
        expect(sammenlignMedSkjema(beloepSkjema, v)).toBe('HURTIGSTI');
      }),
    );
  });
});

describe('valider gives the same Valideringsfeil as zod alone for bad requests', () => {
  const gyldig = {
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    inntektsaar: 2023,
    personer: [{ identifikator: '04817299771', type: 'SOEKER', poster: [{ tekniskNavn: 'a', beloep: 1 }] }],
  };
  const soeker = gyldig.personer[0] as (typeof gyldig.personer)[number];
  const partner = { identifikator: '04817299771', type: 'PARTNER' };
  const daarlige: unknown[] = [
    null,
    [],
    'forespørsel',
    { ...gyldig, inntektsaar: 1999 },
    { ...gyldig, inntektsaar: 2101 },
    { ...gyldig, inntektsaar: '2023' },
    { ...gyldig, beregningsdato: '2023-02-29' },
    { ...gyldig, ukjent: 1 },
    { ...gyldig, personer: [] },
    { ...gyldig, personer: Array.from({ length: 21 }, () => soeker) },
    { ...gyldig, personer: [soeker, soeker] },
    { ...gyldig, personer: [soeker, partner] },
    { ...gyldig, personer: [{ ...soeker, identifikator: '04817299772' }] },
    { ...gyldig, personer: [{ ...soeker, poster: [{ tekniskNavn: 'a', beloep: 12.345 }] }] },
    { ...gyldig, personer: [{ ...soeker, poster: [{ tekniskNavn: 'a b', beloep: '1' }] }] },
    { ...gyldig, personer: [{ ...soeker, poster: [{ tekniskNavn: 'a', beloep: '1', x: 1 }] }] },
    { ...gyldig, saksreferanse: 'x'.repeat(101) },
  ];

  function feil(f: () => unknown): unknown {
    try {
      f();
    } catch (e) {
      if (e instanceof Valideringsfeil) return { feil: e.feil, message: e.message };
      throw e;
    }
    throw new Error('godtok en ugyldig forespørsel');
  }

  it.each(daarlige.map((d, i) => [i, d]))('bad request %i', (_i, d) => {
    brukNorskeFeilmeldinger();
    const medZod = feil(() => {
      const r = foresporselSkjema.safeParse(d);
      if (!r.success) throw Valideringsfeil.fraZod(r.error);
    });
    expect(feil(() => valider(foresporselSkjema, d))).toEqual(medZod);
  });
});
