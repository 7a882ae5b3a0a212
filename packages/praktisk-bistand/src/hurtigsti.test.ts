import {
  brukNorskeFeilmeldinger,
  KANTVERDIER,
  MUTASJONER,
  muter,
  sammenlignMedSkjema,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { innstillingerSkjema } from './innstillinger.js';
import { INNTEKTSAARSAARSAKER, UTENFOR_HUSSTANDEN_GRUNNER, vedtakSkjema } from './vedtak.js';

const kronerArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((oere) => oere / 100),
  fc.integer({ min: 0, max: 10_000_000 }).map((oere) => (oere / 100).toFixed(2)),
);

const desimalArb = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 0, max: 3_000_000 }).map((n) => n / 10_000),
  fc.integer({ min: 0, max: 3_000_000 }).map((n) => (n / 10_000).toFixed(4)),
);

const vedtakArb = fc
  .record(
    {
      hjelpGrunnetBarnsBehov: fc.boolean(),
      utenforHusstanden: fc.array(
        fc.record({
          identifikator: fc.stringMatching(/^\d{11}$/),
          grunn: fc.constantFrom(...UTENFOR_HUSSTANDEN_GRUNNER),
        }),
        { maxLength: 10 },
      ),
      inntektsaarBegrunnelse: fc.record(
        {
          aarsak: fc.constantFrom(...INNTEKTSAARSAARSAKER),
          forklaring: fc
            .tuple(fc.constantFrom('', ' ', '\n'), fc.string({ minLength: 1, maxLength: 30 }))
            .map(([a, b]) => `${a}x${b}${a}`),
        },
        { requiredKeys: ['aarsak', 'forklaring'] },
      ),
      timerPerMaaned: desimalArb,
      kostnadPerTime: kronerArb,
      prisPerMaaned: kronerArb,
      beholderTilstrekkeligMaks: kronerArb,
    },
    { requiredKeys: [] },
  )
  .map((v) =>
    // The schema's rule: a cost per hour needs the hours.
    v.kostnadPerTime !== undefined && v.timerPerMaaned === undefined ? { ...v, timerPerMaaned: 10 } : v,
  );

/** Valid settings: steps from 2 G rising, maxima never falling; selvkost per hour or its basis. */
const innstillingerArb = fc
  .record(
    {
      grunnbeloep: fc.constantFrom('PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'),
      trinnOver2G: fc.array(
        fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 500_000 })),
        {
          maxLength: 8,
        },
      ),
      selvkostPerTime: fc.option(kronerArb),
      selvkostgrunnlag: fc.option(
        fc.record({ gjennomsnittligTimeloenn: kronerArb, sosialeUtgifter: kronerArb }),
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => {
    let g = 20_000;
    let maks = 0;
    const trinn = v.trinnOver2G?.map(([steg, okning], i) => {
      if (i > 0) g += steg;
      maks += okning;
      return { fraOgMedG: (g / 10_000).toString(), maksPerMaaned: maks / 100 };
    });
    const ut: Record<string, unknown> = { ...v, ...(trinn ? { trinnOver2G: trinn } : {}) };
    if (v.selvkostPerTime != null && v.selvkostgrunnlag != null) ut.selvkostgrunnlag = null;
    return ut;
  });

const verdiArb = fc.oneof(
  fc.constantFrom(
    ...KANTVERDIER,
    '2',
    2,
    '2.0000',
    '2.00001',
    'NY_LIKNING',
    'LANGTIDSOPPHOLD',
    '1'.repeat(11),
  ),
  fc.constantFrom(Beloep.kroner('12.50'), Sats.av('2.5'), Beloep.kroner('-1')),
  fc.anything(),
);

const mutertArb = <T>(gyldig: fc.Arbitrary<T>) =>
  fc
    .tuple(gyldig, fc.nat(), fc.constantFrom(...MUTASJONER), verdiArb)
    .map(([d, hvor, m, verdi]) => muter(d, hvor, m, verdi));

const enNoekkelArb = (gyldig: fc.Arbitrary<Record<string, unknown>>, noekler: string[]) =>
  fc
    .tuple(gyldig, fc.constantFrom(...noekler), verdiArb)
    .map(([d, noekkel, verdi]) => ({ ...d, [noekkel]: verdi }));

describe('the fast paths of PRAKTISK_BISTAND accept only what zod accepts, with the same output', () => {
  it('valid vedtak and settings: the fast path answers, with the output of zod', () => {
    fc.assert(
      fc.property(vedtakArb, (v) => {
        expect(sammenlignMedSkjema(vedtakSkjema, v)).toBe('HURTIGSTI');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(innstillingerArb, (v) => {
        expect(sammenlignMedSkjema(innstillingerSkjema, v)).toBe('HURTIGSTI');
      }),
      { numRuns: 500 },
    );
    expect(sammenlignMedSkjema(vedtakSkjema, {})).toBe('HURTIGSTI');
    expect(sammenlignMedSkjema(innstillingerSkjema, {})).toBe('HURTIGSTI');
  });

  it('mutated vedtak and settings: whenever the fast path answers, zod accepts with a deep-equal output', () => {
    const svar = { HURTIGSTI: 0, ZOD: 0 };
    fc.assert(
      fc.property(
        fc.oneof(mutertArb(vedtakArb), enNoekkelArb(vedtakArb, Object.keys(vedtakSkjema.shape))),
        (v) => {
          svar[sammenlignMedSkjema(vedtakSkjema, v)]++;
        },
      ),
      { numRuns: 4000 },
    );
    expect(svar.HURTIGSTI).toBeGreaterThan(100);
    expect(svar.ZOD).toBeGreaterThan(100);
    const svarInnst = { HURTIGSTI: 0, ZOD: 0 };
    fc.assert(
      fc.property(
        fc.oneof(
          mutertArb(innstillingerArb),
          enNoekkelArb(innstillingerArb, Object.keys(innstillingerSkjema.shape)),
        ),
        (v) => {
          svarInnst[sammenlignMedSkjema(innstillingerSkjema, v)]++;
        },
      ),
      { numRuns: 4000 },
    );
    expect(svarInnst.HURTIGSTI).toBeGreaterThan(100);
    expect(svarInnst.ZOD).toBeGreaterThan(100);
  });

  it('settings already parsed (Beloep and Sats) are taken again, as by zod', () => {
    fc.assert(
      fc.property(innstillingerArb, (v) => {
        const parsed = innstillingerSkjema.parse(v);
        expect(sammenlignMedSkjema(innstillingerSkjema, { ...parsed })).toBe('HURTIGSTI');
      }),
      { numRuns: 200 },
    );
  });
});

describe('valider gives the same Valideringsfeil as zod alone for bad input', () => {
  const trinn = { fraOgMedG: 2, maksPerMaaned: 1000 };
  const daarlige: Array<[unknown, unknown]> = [
    [vedtakSkjema, { kostnadPerTime: 500 }],
    [vedtakSkjema, { inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT', forklaring: '  ' } }],
    [vedtakSkjema, { inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT' } }],
    [vedtakSkjema, { utenforHusstanden: [{ identifikator: '123', grunn: 'LANGTIDSOPPHOLD' }] }],
    [vedtakSkjema, { timerPerMaaned: '1.23456', prisPerMaaned: -1 }],
    [innstillingerSkjema, { trinnOver2G: [{ ...trinn, fraOgMedG: 3 }] }],
    [innstillingerSkjema, { trinnOver2G: [trinn, { fraOgMedG: 2, maksPerMaaned: 900 }] }],
    [
      innstillingerSkjema,
      { selvkostPerTime: 500, selvkostgrunnlag: { gjennomsnittligTimeloenn: 1, sosialeUtgifter: 1 } },
    ],
    [innstillingerSkjema, { grunnbeloep: 'NOE' }],
  ];
  it.each(daarlige.map(([s, d], i) => [i, s, d]))('bad input %i', (_i, s, d) => {
    brukNorskeFeilmeldinger();
    const skjema = s as typeof vedtakSkjema;
    const r = skjema.safeParse(d);
    expect(r.success).toBe(false);
    const medZod = r.success ? null : Valideringsfeil.fraZod(r.error, ['x']);
    let feil: unknown = null;
    try {
      valider(skjema, d, ['x']);
    } catch (e) {
      feil = e;
    }
    expect(feil).toBeInstanceOf(Valideringsfeil);
    expect((feil as Valideringsfeil).feil).toEqual(medZod?.feil);
    expect((feil as Valideringsfeil).message).toBe(medZod?.message);
  });
});
