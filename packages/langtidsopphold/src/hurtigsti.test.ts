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
import { innstillingerSkjema } from './innstillinger.js';
import { vedtakSkjema } from './vedtak.js';

const dagArb = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const kostnadArb = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }),
  fc.integer({ min: 1, max: 20_000_000 }).map((oere) => oere / 100),
  fc.integer({ min: 1, max: 20_000_000 }).map((oere) => (oere / 100).toFixed(2)),
);

/** Valid vedtak: the two dates in order, short stays within the year's 366 døgn. */
const vedtakArb = fc
  .record(
    {
      innflyttingsdato: dagArb,
      direkteFraInstitusjonFraOgMed: dagArb,
      korttidsdoegnSammeAar: fc.integer({ min: 0, max: 366 }),
      forsoergerHjemme: fc.boolean(),
      dobbeltromMotEgetOenske: fc.boolean(),
      oppholdskostnadPerMaaned: kostnadArb,
      boutgifterAntallMaaneder: fc.integer({ min: 0, max: 12 }),
      korttidsopphold: fc.record(
        { doegn: fc.integer({ min: 0, max: 366 }), dagEllerNattopphold: fc.integer({ min: 0, max: 732 }) },
        { requiredKeys: ['doegn'] },
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => {
    const ut: Record<string, unknown> = { ...v };
    if (v.direkteFraInstitusjonFraOgMed !== undefined) {
      if (v.innflyttingsdato === undefined) delete ut.direkteFraInstitusjonFraOgMed;
      else if (v.direkteFraInstitusjonFraOgMed > v.innflyttingsdato) {
        ut.innflyttingsdato = v.direkteFraInstitusjonFraOgMed;
        ut.direkteFraInstitusjonFraOgMed = v.innflyttingsdato;
      }
    }
    if (v.korttidsopphold !== undefined) {
      const doegn = Math.min(v.korttidsopphold.doegn, 366 - (v.korttidsdoegnSammeAar ?? 0));
      ut.korttidsopphold = { ...v.korttidsopphold, doegn };
    }
    return ut;
  });

const innstillingerArb = fc.record(
  {
    grunnbeloep: fc.constantFrom('PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'),
    fordelAvFribeloepet: fc.constantFrom('TRE_FJERDEDELER', 'HELE'),
    formuesskattTrekkesFra: fc.boolean(),
    skattBetaltIUtlandetTrekkesFra: fc.boolean(),
    boutgifterMaksAntallMaaneder: fc.integer({ min: 0, max: 12 }),
    boutgifterAndelProsent: fc.integer({ min: 0, max: 100 }),
    partnerensKapitalinntekt: fc.constant('HOLDES_UTENFOR'),
  },
  { requiredKeys: [] },
);

const verdiArb = fc.oneof(
  fc.constantFrom(...KANTVERDIER, 12, 13, 100, 101, 366, 367, 732, 733, 'MEDREGNES', 'HELE', '2024-01-01'),
  fc.integer({ min: -2, max: 800 }),
  fc.anything(),
);

const mutertArb = <T>(gyldig: fc.Arbitrary<T>) =>
  fc
    .tuple(gyldig, fc.nat(), fc.constantFrom(...MUTASJONER), verdiArb)
    .map(([d, hvor, m, verdi]) => muter(d, hvor, m, verdi));

/** One key set to a value near the edges (the mutations above reach a given key only now and then). */
const enNoekkelArb = (gyldig: fc.Arbitrary<Record<string, unknown>>, noekler: string[]) =>
  fc
    .tuple(gyldig, fc.constantFrom(...noekler), verdiArb)
    .map(([d, noekkel, verdi]) => ({ ...d, [noekkel]: verdi }));

describe('the fast paths of LANGTIDSOPPHOLD_INSTITUSJON accept only what zod accepts, with the same output', () => {
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
    fc.assert(
      fc.property(
        fc.oneof(
          mutertArb(innstillingerArb),
          enNoekkelArb(innstillingerArb, Object.keys(innstillingerSkjema.shape)),
        ),
        (v) => {
          sammenlignMedSkjema(innstillingerSkjema, v);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('short stays and dates near the edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 367 }),
        fc.integer({ min: 0, max: 367 }),
        dagArb,
        dagArb,
        (sammeAar, doegn, a, b) => {
          sammenlignMedSkjema(vedtakSkjema, {
            korttidsdoegnSammeAar: sammeAar,
            korttidsopphold: { doegn },
            innflyttingsdato: a,
            direkteFraInstitusjonFraOgMed: b,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('valider gives the same Valideringsfeil as zod alone for bad vedtak', () => {
  const daarlige: unknown[] = [
    { direkteFraInstitusjonFraOgMed: '2024-01-01' },
    { innflyttingsdato: '2024-01-01', direkteFraInstitusjonFraOgMed: '2024-01-02' },
    { korttidsdoegnSammeAar: 300, korttidsopphold: { doegn: 67 } },
    { korttidsopphold: { doegn: 1, ekstra: 1 } },
    { oppholdskostnadPerMaaned: 0 },
    { oppholdskostnadPerMaaned: '12.345' },
    { boutgifterAntallMaaneder: 13 },
    { forsoergerHjemme: 'ja', ukjent: 1 },
    [],
  ];
  it.each(daarlige.map((d, i) => [i, d]))('bad vedtak %i', (_i, d) => {
    brukNorskeFeilmeldinger();
    const r = vedtakSkjema.safeParse(d);
    expect(r.success).toBe(false);
    const medZod = r.success ? null : Valideringsfeil.fraZod(r.error, ['vedtak']);
    let feil: unknown = null;
    try {
      valider(vedtakSkjema, d, ['vedtak']);
    } catch (e) {
      feil = e;
    }
    expect(feil).toBeInstanceOf(Valideringsfeil);
    expect((feil as Valideringsfeil).feil).toEqual(medZod?.feil);
    expect((feil as Valideringsfeil).message).toBe(medZod?.message);
  });
});
