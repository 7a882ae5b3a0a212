import {
  brukNorskeFeilmeldinger,
  KANTVERDIER,
  MUTASJONER,
  muter,
  sammenlignMedSkjema,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  innstillingerSkjema,
  KJERNETID_PRISGRUNNLAG,
  SOESKENREKKEFOELGER,
  SONER,
  vedtakSkjema,
} from './vedtak.js';

const dagArb = fc
  .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const prisArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((oere) => oere / 100),
  fc.integer({ min: 0, max: 10_000_000 }).map((oere) => (oere / 100).toFixed(2)),
);

const timerArb = fc.integer({ min: 1, max: 6000 }).map((h) => h / 100);

const barnehageArb = fc.record(
  {
    tilbud: fc.constant('BARNEHAGE'),
    foedselsdato: dagArb,
    prisPerMaaned: prisArb,
    oppholdstimerPerUke: timerArb,
  },
  { requiredKeys: ['tilbud', 'foedselsdato', 'prisPerMaaned'] },
);

const sfoArb = fc.record(
  {
    tilbud: fc.constant('SFO'),
    foedselsdato: dagArb,
    prisPerMaaned: prisArb,
    oppholdstimerPerUke: timerArb,
    trinn: fc.integer({ min: 1, max: 7 }),
    saerlegeBehov: fc.boolean(),
  },
  { requiredKeys: ['tilbud', 'foedselsdato', 'prisPerMaaned', 'trinn'] },
);

const vedtakArb = fc.record(
  {
    barn: fc.array(fc.oneof(barnehageArb, sfoArb), { minLength: 1, maxLength: 15 }),
    sone: fc.constantFrom(...SONER),
    soektRedusertForeldrebetaling: fc.boolean(),
    soektGratisKjernetid: fc.boolean(),
  },
  { requiredKeys: ['barn'] },
);

const innstillingerArb = fc.record(
  {
    sone: fc.constantFrom(...SONER),
    soeskenrekkefoelge: fc.constantFrom(...SOESKENREKKEFOELGER),
    soeskenmoderasjonBarn2Prosent: fc.option(fc.integer({ min: 0, max: 100 })),
    soeskenmoderasjonBarn3PlussProsent: fc.option(fc.integer({ min: 0, max: 100 })),
    kjernetidPrisgrunnlag: fc.constantFrom(...KJERNETID_PRISGRUNNLAG),
    kjernetidTimebasis: fc.option(fc.integer({ min: 1, max: 60 })),
    sfoBetalingsmaaneder: fc.integer({ min: 10, max: 12 }),
    sfoGratistimerTimebasis: fc.option(fc.integer({ min: 1, max: 60 })),
  },
  { requiredKeys: [] },
);

const mutertArb = <T>(gyldig: fc.Arbitrary<T>) =>
  fc
    .tuple(
      gyldig,
      fc.nat(),
      fc.constantFrom(...MUTASJONER),
      fc.oneof(
        fc.constantFrom(...KANTVERDIER, 'SFO', 'BARNEHAGE', 60, 60.01, 0.001, 37.5, 8, 9, 13, 101),
        fc.anything(),
      ),
    )
    .map(([d, hvor, m, verdi]) => muter(d, hvor, m, verdi));

describe('the fast paths of BARNEHAGE_SFO accept only what zod accepts, with the same output', () => {
  it('valid vedtak: the fast path answers, with the output of zod', () => {
    fc.assert(
      fc.property(vedtakArb, (v) => {
        expect(sammenlignMedSkjema(vedtakSkjema, v)).toBe('HURTIGSTI');
      }),
      { numRuns: 500 },
    );
  });

  it('mutated vedtak: whenever the fast path answers, zod accepts with a deep-equal output', () => {
    const svar = { HURTIGSTI: 0, ZOD: 0 };
    fc.assert(
      fc.property(mutertArb(vedtakArb), (v) => {
        svar[sammenlignMedSkjema(vedtakSkjema, v)]++;
      }),
      { numRuns: 3000 },
    );
    expect(svar.HURTIGSTI).toBeGreaterThan(100);
    expect(svar.ZOD).toBeGreaterThan(100);
  });

  it('hours near the edges', () => {
    const timer = fc.oneof(fc.double({ min: -1, max: 61 }), timerArb, fc.constantFrom(...KANTVERDIER));
    fc.assert(
      fc.property(barnehageArb, timer, (b, oppholdstimerPerUke) => {
        sammenlignMedSkjema(vedtakSkjema, { barn: [{ ...b, oppholdstimerPerUke }] });
      }),
      { numRuns: 2000 },
    );
  });

  it('settings: valid and mutated', () => {
    fc.assert(
      fc.property(innstillingerArb, (i) => {
        expect(sammenlignMedSkjema(innstillingerSkjema, i)).toBe('HURTIGSTI');
      }),
    );
    fc.assert(
      fc.property(mutertArb(innstillingerArb), (i) => {
        sammenlignMedSkjema(innstillingerSkjema, i);
      }),
      { numRuns: 2000 },
    );
    expect(sammenlignMedSkjema(innstillingerSkjema, {})).toBe('HURTIGSTI');
  });

  it('settings: every key with numbers near the edges', () => {
    const noekler = Object.keys(innstillingerSkjema.shape);
    const tall = fc.oneof(
      fc.integer({ min: -2, max: 102 }),
      fc.double({ min: -2, max: 102 }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(innstillingerArb, fc.constantFrom(...noekler), tall, (i, noekkel, verdi) => {
        sammenlignMedSkjema(innstillingerSkjema, { ...i, [noekkel]: verdi });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('valider gives the same Valideringsfeil as zod alone for bad vedtak', () => {
  const barn = {
    tilbud: 'BARNEHAGE',
    foedselsdato: '2021-03-01',
    prisPerMaaned: 3000,
    oppholdstimerPerUke: 41,
  };
  const daarlige: unknown[] = [
    {},
    { barn: [] },
    { barn: [{ ...barn, tilbud: 'SFO' }] },
    { barn: [{ ...barn, trinn: 2 }] },
    { barn: [{ ...barn, prisPerMaaned: -1 }] },
    { barn: [{ ...barn, prisPerMaaned: 12.345 }] },
    { barn: [{ ...barn, oppholdstimerPerUke: 60.5 }] },
    { barn: [{ ...barn, foedselsdato: '2021-02-29' }] },
    { barn: [barn], sone: 'NORD' },
    { barn: [barn], soektGratisKjernetid: 'ja' },
    { barn: Array.from({ length: 16 }, () => barn) },
  ];
  it.each(daarlige.map((d, i) => [i, d]))('bad vedtak %i', (_i, d) => {
    brukNorskeFeilmeldinger();
    const r = vedtakSkjema.safeParse(d);
    expect(r.success).toBe(false);
    const medZod = r.success ? null : Valideringsfeil.fraZod(r.error, ['vedtak']);
    expect(() => valider(vedtakSkjema, d, ['vedtak'])).toThrow(Valideringsfeil);
    try {
      valider(vedtakSkjema, d, ['vedtak']);
    } catch (e) {
      expect((e as Valideringsfeil).feil).toEqual(medZod?.feil);
      expect((e as Valideringsfeil).message).toBe(medZod?.message);
    }
  });
});
