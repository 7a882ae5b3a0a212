import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultatSomCeller } from './kolonner.js';

type Celle = string | number | boolean | null | undefined;

/** The cells as `resultatSomCeller` gave them with find, map and join: the reference it must match. */
function somFoer(
  rad: number,
  resultat: Beregningsresultat & { utfoert?: { revidert: boolean; saksreferanse?: string } },
  pdf: string | null,
  vedtaksbrev: string | null,
): Celle[] {
  const tall = (o: unknown, felt: string): Celle => {
    const v = (o as Record<string, unknown> | null | undefined)?.[felt];
    return typeof v === 'number' ? v : null;
  };
  const soeker = resultat.personer.find((p) => p.type === 'SOEKER');
  const partner = resultat.personer.find((p) => p.type !== 'SOEKER' && p.type !== 'BARN');
  const avgift = resultat[resultat.avgiftsnoekkel] as Record<string, unknown> | null;
  const erType = (t: string) => resultat.beregningstype === t;
  const barn = erType('BARNEHAGE_SFO') && Array.isArray(avgift?.barn) ? (avgift.barn as unknown[]) : null;
  return [
    rad,
    resultat.utfoert?.saksreferanse ?? null,
    resultat.beregningstype,
    resultat.inntektsaar,
    resultat.beregningsdato,
    resultat.beregningsdatoKilde,
    soeker?.identifikator,
    partner?.identifikator,
    resultat.beregningsbeloep,
    erType('LANGTIDSOPPHOLD_INSTITUSJON') ? tall(avgift, 'perMaaned') : null,
    erType('LANGTIDSOPPHOLD_INSTITUSJON') ? tall(avgift, 'perAar') : null,
    erType('PRAKTISK_BISTAND') ? tall(avgift, 'maksPerMaaned') : null,
    erType('BARNEHAGE_SFO') ? tall(avgift, 'sumPerMaaned') : null,
    barn ? barn.map((b) => tall(b, 'prisPerMaaned') ?? '').join('|') : null,
    resultat.advarsler.map((a) => a.kode).join('|'),
    resultat.utfoert ? resultat.utfoert.revidert : null,
    pdf,
    vedtaksbrev,
  ];
}

const beloep = fc.oneof(
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.double({ noNaN: true }),
  fc.constant('12.50'),
);
const avgift = fc.option(
  fc.record(
    {
      perMaaned: beloep,
      perAar: beloep,
      maksPerMaaned: beloep,
      sumPerMaaned: beloep,
      barn: fc.oneof(
        fc.array(fc.option(fc.record({ prisPerMaaned: beloep }, { requiredKeys: [] }))),
        fc.constant('ikke en liste'),
      ),
    },
    { requiredKeys: [] },
  ),
);
const resultat = fc
  .record({
    beregningstype: fc.constantFrom(
      'BARNEHAGE_SFO',
      'PRAKTISK_BISTAND',
      'LANGTIDSOPPHOLD_INSTITUSJON',
      'ANNET',
    ),
    avgiftsnoekkel: fc.constantFrom('foreldrebetaling', 'egenandel', 'vederlag'),
    avgift,
    inntektsaar: fc.integer({ min: 2015, max: 2030 }),
    beregningsdato: fc.constantFrom('2024-01-01', '2025-09-01'),
    beregningsdatoKilde: fc.constantFrom('FORESPOERSEL', 'DAGENS_DATO'),
    personer: fc.array(
      fc.record({
        identifikator: fc.string({ minLength: 11, maxLength: 11 }),
        type: fc.constantFrom('SOEKER', 'EKTEFELLE', 'PARTNER', 'SAMBOER', 'BARN'),
      }),
      { maxLength: 5 },
    ),
    beregningsbeloep: fc.integer(),
    advarsler: fc.array(fc.record({ kode: fc.string(), melding: fc.string() }), { maxLength: 4 }),
    utfoert: fc.option(
      fc.record({ revidert: fc.boolean(), saksreferanse: fc.string() }, { requiredKeys: ['revidert'] }),
      { nil: undefined },
    ),
  })
  .map(({ avgift: a, utfoert, ...r }) => {
    const ut = { ...r, [r.avgiftsnoekkel]: a, ...(utfoert ? { utfoert } : {}) };
    return ut as unknown as Beregningsresultat & { utfoert?: { revidert: boolean; saksreferanse?: string } };
  });

describe('resultatSomCeller', () => {
  it('gives the cells the find/map/join form gave, for any result shape', () => {
    fc.assert(
      fc.property(fc.nat(), resultat, fc.option(fc.string()), fc.option(fc.string()), (rad, r, pdf, brev) => {
        expect(resultatSomCeller(rad, r, pdf, brev)).toEqual(somFoer(rad, r, pdf, brev));
      }),
      { numRuns: 2000 },
    );
  });
});
