import {
  brukNorskeFeilmeldinger,
  sammenlignMedSkjema,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revisjonsfeltSkjema } from './revisjonsfelt.js';

/** Texts with the edges the schema cares about: blanks to trim, control characters, surrogates, lengths. */
const tekstArb = fc.oneof(
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '\t', '\n', '\u007f', '\u0080', '\u00a0', '\ud83d', '\ude00'),
    maxLength: 260,
  }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(63),
    `${'x'.repeat(63)} `,
    'x'.repeat(64),
    'x'.repeat(100),
    'x'.repeat(101),
    'x'.repeat(251),
  ),
);
const feltArb = fc.oneof(tekstArb, fc.constantFrom(undefined, null), fc.anything());

describe('the fast path of the audit fields accepts only what zod accepts, with the same output', () => {
  it('texts, absent and null fields, and anything else', () => {
    const svar = { HURTIGSTI: 0, ZOD: 0 };
    fc.assert(
      fc.property(
        feltArb,
        feltArb,
        feltArb,
        fc.option(fc.anything()),
        (rolleId, saksreferanse, formaal, ekstra) => {
          svar[
            sammenlignMedSkjema(revisjonsfeltSkjema, {
              rolleId,
              saksreferanse,
              formaal,
              ...(ekstra === null ? {} : { ekstra }),
            })
          ]++;
        },
      ),
      { numRuns: 5000 },
    );
    expect(svar.HURTIGSTI).toBeGreaterThan(500);
    expect(svar.ZOD).toBeGreaterThan(500);
  });

  it('the common shape takes the fast path', () => {
    expect(
      sammenlignMedSkjema(revisjonsfeltSkjema, {
        rolleId: 'r1',
        saksreferanse: undefined,
        formaal: 'Vedtak',
      }),
    ).toBe('HURTIGSTI');
  });

  it.each([[{ rolleId: 'a\u0001b' }], [{ formaal: 'x'.repeat(251) }], [{ saksreferanse: 12 }], [null]])(
    'valider gives the same Valideringsfeil as zod alone (%#)',
    (d) => {
      brukNorskeFeilmeldinger();
      const r = revisjonsfeltSkjema.safeParse(d);
      expect(r.success).toBe(false);
      let feil: unknown = null;
      try {
        valider(revisjonsfeltSkjema, d);
      } catch (e) {
        feil = e;
      }
      expect((feil as Valideringsfeil).feil).toEqual(r.success ? null : Valideringsfeil.fraZod(r.error).feil);
    },
  );
});
