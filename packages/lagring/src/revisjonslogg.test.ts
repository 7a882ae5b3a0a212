import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nyRevisjonspostSkjema, revisjonsinnholdUtenZod, tilInnhold } from './revisjonslogg.js';

/** What the schema path gives: the content, or undefined when the schema refuses. */
function medZod(ny: unknown) {
  const r = nyRevisjonspostSkjema.safeParse(ny);
  if (!r.success) return undefined;
  return tilInnhold(r.data);
}

/** Texts near every bound: empty, long, with control characters, with a surrogate pair. */
const tekst = (maks: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
    fc.string({ maxLength: 8 }),
    fc.string({ minLength: maks - 2, maxLength: maks + 2 }),
    fc.constantFrom('', '\u0000', 'a\u001fb', 'a\u007f', 'æøå', '😀'.repeat(Math.ceil(maks / 2))),
  );
const valgfri = (maks: number) =>
  fc.oneof({ weight: 6, arbitrary: tekst(maks) }, fc.constant(undefined), fc.constant(null), fc.integer());
const dato = fc.date({
  min: new Date(-62_167_219_200_000),
  max: new Date(253_402_300_799_999),
  noInvalidDate: false,
});

/** A timestamp as a lookup passes it (a Date or its `toISOString`), or as someone else might write one. */
const tidspunkt = fc.oneof(
  dato,
  dato.filter((d) => !Number.isNaN(d.getTime())).map((d) => d.toISOString()),
  fc.constantFrom('2023-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2024-13-01T00:00:00.000Z'),
  fc.string(),
);
const iso = fc.oneof(
  dato.filter((d) => !Number.isNaN(d.getTime())),
  dato.filter((d) => !Number.isNaN(d.getTime())).map((d) => d.toISOString()),
);

const ident = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^\d{11}$/) },
  fc.constantFrom('1234567890', '1234567890a', ''),
);
const post = (tid: fc.Arbitrary<unknown>) =>
  fc
    .record(
      {
        tidspunkt: tid,
        aktoer: fc.record(
          {
            type: fc.constantFrom('BRUKER', 'KLIENT', 'UKJENT', 'ANNEN'),
            id: tekst(200),
            visningsnavn: tekst(200),
            roller: fc.constant(['a']),
          },
          { requiredKeys: ['type', 'id', 'visningsnavn'] },
        ),
        rolleId: valgfri(63),
        tjenesteomraade: valgfri(63),
        beregningstype: valgfri(63),
        formaal: valgfri(300),
        saksreferanse: valgfri(100),
        identifikatorer: fc.oneof(
          { weight: 6, arbitrary: fc.uniqueArray(fc.stringMatching(/^\d{11}$/), { maxLength: 3 }) },
          fc.array(ident, { maxLength: 22 }),
          fc.stringMatching(/^\d{11}$/).map((i) => [i, i]),
        ),
        inntektsaar: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1890, max: 2210 }) },
          fc.double(),
          fc.constantFrom('2023', null, undefined),
        ),
        utfall: fc.constantFrom('TILLATT', 'TILLATT', 'AVVIST', 'FEILET', 'ANNET'),
        aarsakskode: fc.oneof(
          { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_]{1,62}$/) },
          fc.constantFrom('X', 'lav', 'A'.repeat(64), '', null, undefined),
          fc.string(),
        ),
        korrelasjonsid: valgfri(100),
        ukjent: fc.constant(1),
      },
      {
        requiredKeys: ['tidspunkt', 'aktoer', 'identifikatorer', 'utfall'],
      },
    )
    .chain((p) =>
      // Mostly without the unknown key (which the strict schema refuses), so accepted entries are common.
      fc
        .boolean()
        .map((med) => (med ? p : Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'ukjent')))),
    );

describe('the audit entry without zod', () => {
  it('never accepts what the schema refuses, and gives what the schema gives', () => {
    fc.assert(
      fc.property(fc.oneof(post(tidspunkt), fc.anything()), (ny) => {
        const rask = revisjonsinnholdUtenZod(ny);
        if (rask !== undefined) expect(rask).toStrictEqual(medZod(ny));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts everything the schema accepts whose time is a Date or written as toISOString writes it', () => {
    let godtatt = 0;
    fc.assert(
      fc.property(post(iso), (ny) => {
        const z = medZod(ny);
        expect(revisjonsinnholdUtenZod(ny)).toStrictEqual(z);
        if (z) godtatt++;
      }),
      { numRuns: 5000 },
    );
    // The generator reaches accepted entries often enough for the equivalence to mean something.
    expect(godtatt).toBeGreaterThan(50);
  });

  it('takes a lookup as the service writes it', () => {
    const ny = {
      tidspunkt: '2024-06-01T10:00:00.000Z',
      aktoer: { type: 'BRUKER', id: 'kari', visningsnavn: 'Kari Nordmann', roller: [] },
      rolleId: 'sykehjem',
      tjenesteomraade: 'PLEIE_OG_OMSORG',
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      saksreferanse: 'OPPSLAG-1',
      identifikatorer: ['04817299771'],
      inntektsaar: 2023,
      utfall: 'TILLATT',
    };
    expect(revisjonsinnholdUtenZod(ny)).toStrictEqual(medZod(ny));
    expect(revisjonsinnholdUtenZod(ny)).toBeDefined();
  });
});
