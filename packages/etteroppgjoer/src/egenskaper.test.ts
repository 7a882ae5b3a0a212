import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { beregner, type VederlagJson } from '@inntektsgrunnlag/langtidsopphold';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { GRUNNBELOEP, leggTilDager } from '@inntektsgrunnlag/regelverk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oppholdsperiode } from './etteroppgjoer.js';
import { input, kjoer, REGELVERK } from './testhjelp.js';

/**
 * Invariants of the etteroppgjør (fast-check). The legal maximum of a month is computed here on its own
 * from § 3 annet ledd (75 % / 85 %, the 25 % of G kept) and § 3 første ledd (the cost), not through the
 * code under test.
 */

const FRIBELOEP: Record<number, { enkelt: number; dobbelt: number }> = {
  2024: { enkelt: 10_000, dobbelt: 48_300 },
  2025: { enkelt: 10_450, dobbelt: 50_500 },
};

function lovligMaaned(n: Beloep, aar: number, maaned: string, dobbeltrom: boolean, kostnad?: number): Beloep {
  const g = REGELVERK.nyttOppslag().verdi(GRUNNBELOEP, `${maaned}-01`);
  const f = Beloep.kroner(String(FRIBELOEP[aar]?.[dobbeltrom ? 'dobbelt' : 'enkelt']));
  const inntil = Beloep.min(n, g).atLeastZero().minus(f).atLeastZero().times(Sats.prosent(75));
  const over = n.minus(g).atLeastZero().times(Sats.prosent(85));
  const behold = g.times(Sats.prosent(25)).plus(f.times(Sats.prosent(75)));
  let aarlig = Beloep.min(inntil.plus(over), n.minus(behold).atLeastZero());
  if (kostnad !== undefined) aarlig = Beloep.min(aarlig, Beloep.kroner(String(kostnad)).times(12));
  return aarlig.dividedBy(12);
}

const tilfelle = fc
  .record({
    aar: fc.constantFrom(2024, 2025),
    n: fc.integer({ min: -5_000_000, max: 150_000_000 }).map((oere) => Beloep.oere(oere)),
    innForAaret: fc.integer({ min: 0, max: 900 }),
    innIAaret: fc.option(fc.integer({ min: 0, max: 364 }), { nil: undefined }),
    opphoer: fc.option(fc.integer({ min: 0, max: 364 }), { nil: undefined }),
    korttid: fc.integer({ min: 0, max: 120 }),
    dobbeltrom: fc.constantFrom('INGEN', 'HELE', 'PERIODE'),
    kostnad: fc.option(fc.integer({ min: 5_000, max: 60_000 }), { nil: undefined }),
    delmaaned: fc.constantFrom('DAGER_I_MAANEDEN', 'DAGER_I_AARET'),
    grunnbeloep: fc.constantFrom('PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'),
    fakturering: fc.array(fc.integer({ min: 0, max: 6_000_000 }), { minLength: 12, maxLength: 12 }),
  })
  .map((t) => {
    const start = `${t.aar}-01-01`;
    const inn =
      t.innIAaret !== undefined ? leggTilDager(start, t.innIAaret) : leggTilDager(start, -1 - t.innForAaret);
    const ut = t.opphoer !== undefined ? leggTilDager(start, t.opphoer) : undefined;
    return {
      ...t,
      vedtak: {
        innflyttingsdato: inn,
        korttidsdoegnSammeAar: t.korttid,
        dobbeltromMotEgetOenske: t.dobbeltrom === 'HELE',
        ...(t.kostnad !== undefined ? { oppholdskostnadPerMaaned: t.kostnad } : {}),
      },
      opphold: {
        ...(ut !== undefined && ut >= inn ? { opphoer: { dato: ut, grunn: 'DOEDSFALL' } } : {}),
        ...(t.dobbeltrom === 'PERIODE'
          ? { dobbeltrom: [{ fraOgMed: `${t.aar}-06-15`, tilOgMed: `${t.aar}-06-15` }] }
          : {}),
      },
    };
  })
  .filter((t) => {
    // The single-day double room must lie in the stay; otherwise the input is (rightly) refused.
    if (t.dobbeltrom !== 'PERIODE') return true;
    const d = `${t.aar}-06-15`;
    const slutt = t.opphold.opphoer?.dato ?? `${t.aar}-12-31`;
    return t.vedtak.innflyttingsdato <= d && d <= slutt;
  });

type Tilfelle = typeof tilfelle extends fc.Arbitrary<infer T> ? T : never;

function kjoerTilfelle(t: Tilfelle, n = t.n) {
  const inn = input({
    inntektsaar: t.aar,
    beregningsgrunnlag: n.toJSON(),
    vedtak: t.vedtak,
    opphold: t.opphold,
    innstillinger: { grunnbeloep: t.grunnbeloep },
    etteroppgjoersinnstillinger: { delmaaned: t.delmaaned },
  });
  const periode = oppholdsperiode(t.aar, inn.vedtak, inn.opphold);
  const fakturert = periode.maaneder.map((maaned, i) => ({
    maaned,
    beloep: Beloep.oere(t.fakturering[i] ?? 0),
  }));
  return kjoer({
    inntektsaar: t.aar,
    beregningsgrunnlag: n.toJSON(),
    vedtak: t.vedtak,
    opphold: t.opphold,
    innstillinger: { grunnbeloep: t.grunnbeloep },
    etteroppgjoersinnstillinger: { delmaaned: t.delmaaned },
    fakturert: fakturert.map((f) => ({ maaned: f.maaned, beloep: f.beloep.toJSON() })),
  });
}

describe('invariants (fast-check)', () => {
  it('each month is at most its legal maximum, so the final sum is at most the sum of the maxima', () => {
    fc.assert(
      fc.property(tilfelle, (t) => {
        if (t.grunnbeloep !== 'PAA_BEREGNINGSDATO') return; // the maximum below uses the G of the month
        const r = kjoerTilfelle(t);
        let sumMaks = Beloep.NULL;
        for (const m of r.maaneder) {
          const dobbelt = m.satser.some((s) => s.dobbeltrom);
          const enkelt = m.satser.some((s) => !s.dobbeltrom);
          const maks = Beloep.max(
            enkelt ? lovligMaaned(t.n, t.aar, m.maaned, false, t.kostnad) : Beloep.NULL,
            dobbelt ? lovligMaaned(t.n, t.aar, m.maaned, true, t.kostnad) : Beloep.NULL,
          );
          expect(m.endelig.lessThanOrEqual(maks), `${m.maaned}: ${m.endelig} > ${maks}`).toBe(true);
          expect(m.endelig.isNegative()).toBe(false);
          expect(m.endelig.isWhole('KRONE')).toBe(true);
          if (m.vederlagsdager === 0) expect(m.endelig.isZero()).toBe(true);
          sumMaks = sumMaks.plus(maks);
        }
        expect(r.sumEndelig.lessThanOrEqual(sumMaks)).toBe(true);
        expect(r.differanse.equals(r.sumEndelig.minus(r.sumFakturert))).toBe(true);
        expect(r.maanederOverMaksimum).toEqual(
          r.maaneder.filter((m) => m.fakturert.greaterThan(m.endelig)).map((m) => m.maaned),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('more income never gives a larger refund', () => {
    fc.assert(
      fc.property(tilfelle, fc.integer({ min: 0, max: 50_000_000 }), (t, mer) => {
        const lav = kjoerTilfelle(t);
        const hoey = kjoerTilfelle(t, t.n.plus(Beloep.oere(mer)));
        expect(hoey.differanse.greaterThanOrEqual(lav.differanse)).toBe(true);
        for (const [i, m] of hoey.maaneder.entries()) {
          expect(m.endelig.greaterThanOrEqual(lav.maaneder[i]?.endelig ?? Beloep.NULL)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with unchanged income the difference is zero: what the product charged each month is the final vederlag', () => {
    // The provisional vederlag is computed by the whole LANGTIDSOPPHOLD_INSTITUSJON beregning (posts in,
    // result out) with the rates of each month, on the same income as the year's settlement.
    fc.assert(
      fc.property(
        fc.constantFrom(2024, 2025),
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.option(fc.integer({ min: 5_000, max: 60_000 }), { nil: undefined }),
        (aar, pensjon, kostnad) => {
          const vedtak = {
            innflyttingsdato: '2019-05-02',
            ...(kostnad !== undefined ? { oppholdskostnadPerMaaned: kostnad } : {}),
          };
          let n: number | undefined;
          const fakturert = Array.from({ length: 12 }, (_, i) => {
            const maaned = `${aar}-${String(i + 1).padStart(2, '0')}`;
            const r = beregnForesporsel(
              beregner,
              {
                beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
                inntektsaar: aar,
                beregningsdato: `${maaned}-01`,
                personer: [
                  {
                    identifikator: '05873810086',
                    type: 'SOEKER',
                    poster: [{ tekniskNavn: 'alderspensjonFraFolketrygden', beloep: pensjon }],
                  },
                ],
                vedtak,
              },
              { idag: `${maaned}-01` },
            );
            n = r.beregningsbeloep;
            return { maaned, beloep: (r.vederlag as VederlagJson).perMaaned };
          });
          const e = kjoer({ inntektsaar: aar, beregningsgrunnlag: n ?? 0, vedtak, fakturert });
          expect(e.differanse.isZero()).toBe(true);
          expect(e.maanederOverMaksimum).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
