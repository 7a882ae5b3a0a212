import { beregnForesporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beregner } from '../beregner.js';
import { foreslaattInntektsaar } from './paragraf10.js';

const SOEKER = '23914510023';
const PARTNER = '09825010081';

function person(identifikator: string, type: string, inntekt: number, ekstraposter: unknown[] = []) {
  return {
    identifikator,
    type,
    poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: inntekt }],
    ...(ekstraposter.length ? { ekstraposter } : {}),
  };
}

function beregn(raa: Record<string, unknown>) {
  return beregnForesporsel(beregner, { beregningstype: 'PRAKTISK_BISTAND', ...raa }, { idag: '2026-12-07' });
}

function feilFelt(f: () => unknown): ReadonlyArray<{ felt: string; melding: string }> {
  try {
    f();
  } catch (e) {
    if (e instanceof Valideringsfeil) return e.feil;
    throw e;
  }
  throw new Error('forventet Valideringsfeil');
}

// biome-ignore lint/suspicious/noExplicitAny: reading the untyped JSON form of a result
const egenandel = (r: Record<string, unknown>): any => r.egenandel;

describe('§ 10 første ledd: the income year (siste tilgjengelige skatteligning pr. 1. januar)', () => {
  it('proposes the year before last: on 1 January of Y the newest settlement is that of Y − 2', () => {
    expect(foreslaattInntektsaar('2024-01-01')).toBe(2022);
    expect(foreslaattInntektsaar('2024-12-31')).toBe(2022);
    expect(foreslaattInntektsaar('2026-12-07')).toBe(2024);
  });

  it('the proposed year needs no reason, and the result names it', () => {
    const r = beregn({
      inntektsaar: 2022,
      beregningsdato: '2024-06-01',
      personer: [person(SOEKER, 'SOEKER', 100000)],
    });
    expect(egenandel(r).inntektsaar).toEqual({
      brukt: 2022,
      foreslaatt: 2022,
      kontrollert: true,
      hjemmel: 'egenandelsforskriften § 10 første ledd',
    });
    expect(JSON.stringify(r.tabell)).toContain(
      'Inntektsår 2022: siste skatteligning tilgjengelig 1. januar 2024',
    );
  });

  it('the settlement that came during the year (Y − 1) is the update of § 10 femte ledd, and the result says so', () => {
    const r = beregn({
      inntektsaar: 2023,
      beregningsdato: '2024-10-01',
      personer: [person(SOEKER, 'SOEKER', 100000)],
    });
    expect(egenandel(r).inntektsaar).toEqual({
      brukt: 2023,
      foreslaatt: 2022,
      kontrollert: true,
      aarsak: 'NY_LIKNING',
      aarsakUtledet: true,
      hjemmel: 'egenandelsforskriften § 10 femte ledd',
    });
    expect(JSON.stringify(r.tabell)).toMatch(
      /Inntektsår 2023 i stedet for 2022.*nye opplysninger i likningen/,
    );
  });

  it('refuses another year without a reason, naming the field and the proposed year', () => {
    const feil = feilFelt(() =>
      beregn({
        inntektsaar: 2021,
        beregningsdato: '2024-06-01',
        personer: [person(SOEKER, 'SOEKER', 100000)],
      }),
    );
    expect(feil).toEqual([
      {
        felt: 'vedtak.inntektsaarBegrunnelse',
        melding: expect.stringMatching(
          /^mangler: inntektsåret 2021 er ikke 2022.*1\. januar 2024.*§ 10 første ledd/,
        ),
      },
    ]);
  });

  it('without a beregningsdato the year of the egenandel is unknown: not refused, and the result says it was not checked', () => {
    const r = beregnForesporsel(
      beregner,
      { beregningstype: 'PRAKTISK_BISTAND', inntektsaar: 2022, personer: [person(SOEKER, 'SOEKER', 300000)] },
      // A day whose G and rates are known, so the fee is computed from today's date.
      { idag: '2024-06-01' },
    );
    expect(r.beregningsbeloep).toBe(300000);
    expect(JSON.stringify(r.tabell)).toContain(
      'Inntektsår 2022: siste skatteligning tilgjengelig 1. januar 2024',
    );
    const eldre = beregnForesporsel(
      beregner,
      { beregningstype: 'PRAKTISK_BISTAND', inntektsaar: 2019, personer: [person(SOEKER, 'SOEKER', 300000)] },
      { idag: '2024-06-01' },
    );
    expect(egenandel(eldre).inntektsaar).toMatchObject({ brukt: 2019, foreslaatt: 2022, kontrollert: false });
    expect(JSON.stringify(eldre.tabell)).toContain(
      'ikke kontrollert mot vedtaksåret, fordi forespørselen ikke har beregningsdato',
    );
  });

  it('takes the case worker’s reason and prints it; a changed income must say what changed', () => {
    const r = beregn({
      inntektsaar: 2021,
      beregningsdato: '2024-06-01',
      personer: [person(SOEKER, 'SOEKER', 100000)],
      vedtak: {
        inntektsaarBegrunnelse: {
          aarsak: 'VESENTLIG_ENDRET_INNTEKT',
          forklaring: 'Gikk av med pensjon i 2022',
        },
      },
    });
    expect(egenandel(r).inntektsaar).toMatchObject({
      brukt: 2021,
      foreslaatt: 2022,
      aarsak: 'VESENTLIG_ENDRET_INNTEKT',
      forklaring: 'Gikk av med pensjon i 2022',
      aarsakUtledet: false,
    });
    expect(JSON.stringify(r.tabell)).toContain('Saksbehandlerens begrunnelse: Gikk av med pensjon i 2022');
    const feil = feilFelt(() =>
      beregn({
        inntektsaar: 2021,
        beregningsdato: '2024-06-01',
        personer: [person(SOEKER, 'SOEKER', 100000)],
        vedtak: { inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT' } },
      }),
    );
    expect(feil[0]).toMatchObject({ felt: 'vedtak.inntektsaarBegrunnelse.forklaring' });
    const ukjent = feilFelt(() =>
      beregn({
        inntektsaar: 2021,
        beregningsdato: '2024-06-01',
        personer: [person(SOEKER, 'SOEKER', 100000)],
        vedtak: { inntektsaarBegrunnelse: { aarsak: 'FORDI' } },
      }),
    );
    expect(ukjent[0]).toMatchObject({ felt: 'vedtak.inntektsaarBegrunnelse.aarsak' });
    // A new settlement is newer than the proposed year, never older.
    const eldre = feilFelt(() =>
      beregn({
        inntektsaar: 2021,
        beregningsdato: '2024-06-01',
        personer: [person(SOEKER, 'SOEKER', 100000)],
        vedtak: { inntektsaarBegrunnelse: { aarsak: 'NY_LIKNING' } },
      }),
    );
    expect(eldre).toEqual([
      {
        felt: 'vedtak.inntektsaarBegrunnelse.aarsak',
        melding: expect.stringMatching(/nyere likning enn 2022/),
      },
    ]);
  });
});

describe('§ 10 første ledd: hjelpestønad is added and omsorgslønn subtracted', () => {
  it('follows the text’s signs', () => {
    // 200 000 + 30 000 hjelpestønad − 12 000 omsorgslønn = 218 000.
    const r = beregn({
      inntektsaar: 2022,
      beregningsdato: '2024-06-01',
      personer: [
        person(SOEKER, 'SOEKER', 200000, [
          { tekniskNavn: 'nav.hjelpestoenadFraFolketrygden', beloep: 30000 },
          { tekniskNavn: 'nav.omsorgsloennEtterHelseOgOmsorgstjenesteloven', beloep: 12000 },
        ]),
      ],
    });
    expect(r.beregningsbeloep).toBe(218000);
  });
});

describe('§ 10 fjerde ledd: a member outside the household', () => {
  const personer = [person(SOEKER, 'SOEKER', 150000), person(PARTNER, 'EKTEFELLE', 300000)];

  it.each([
    ['LANGTIDSOPPHOLD', /betaler egenandel for langtidsopphold etter kapittel 1/],
    ['AVKORTEDE_TRYGDEYTELSER', /avkortede trygdeytelser på grunn av opphold utenfor hjemmet/],
  ])('%s: the spouse’s income is left out, and the explanation says so', (grunn, grunnTekst) => {
    // With the spouse: 450 000, above 2 G (237 240 in 2024). Without: 150 000, below: the utgiftstak.
    const med = beregn({ inntektsaar: 2022, beregningsdato: '2024-06-01', personer });
    expect(med.beregningsbeloep).toBe(450000);
    expect(egenandel(med).under2G).toBe(false);
    const r = beregn({
      inntektsaar: 2022,
      beregningsdato: '2024-06-01',
      personer,
      vedtak: { utenforHusstanden: [{ identifikator: PARTNER, grunn }] },
    });
    expect(r.beregningsbeloep).toBe(150000);
    expect(egenandel(r)).toMatchObject({
      under2G: true,
      maksPerMaaned: 230,
      utenforHusstanden: [{ identifikator: PARTNER, grunn }],
    });
    // The spouse's posts are not in the basis's groups; their figure is in the household line, left out.
    expect(r.inntekt.perPerson).toEqual([{ identifikator: SOEKER, beloep: 150000 }]);
    const tekst = JSON.stringify(r.tabell);
    expect(tekst).toMatch(
      /Ektefelle 098250\*+: regnes ikke som medlem av husstanden, inntekten holdes utenfor/,
    );
    expect(tekst).toMatch(grunnTekst);
    expect(tekst).toContain('egenandelsforskriften § 10 fjerde ledd');
  });

  it('refuses the applicant, a person not in the request, and the same person twice, naming the field', () => {
    const feil = feilFelt(() =>
      beregn({
        inntektsaar: 2022,
        beregningsdato: '2024-06-01',
        personer,
        vedtak: {
          utenforHusstanden: [
            { identifikator: SOEKER, grunn: 'LANGTIDSOPPHOLD' },
            { identifikator: '04817299771', grunn: 'LANGTIDSOPPHOLD' },
            { identifikator: PARTNER, grunn: 'LANGTIDSOPPHOLD' },
            { identifikator: PARTNER, grunn: 'AVKORTEDE_TRYGDEYTELSER' },
          ],
        },
      }),
    );
    expect(feil).toEqual([
      { felt: 'vedtak.utenforHusstanden.0.identifikator', melding: expect.stringMatching(/er søkeren/) },
      {
        felt: 'vedtak.utenforHusstanden.1.identifikator',
        melding: expect.stringMatching(/ikke en av personene/),
      },
      { felt: 'vedtak.utenforHusstanden.3.identifikator', melding: expect.stringMatching(/mer enn én gang/) },
    ]);
    const grunn = feilFelt(() =>
      beregn({
        inntektsaar: 2022,
        beregningsdato: '2024-06-01',
        personer,
        vedtak: { utenforHusstanden: [{ identifikator: PARTNER, grunn: 'SYKEHUS' }] },
      }),
    );
    expect(grunn[0]).toMatchObject({ felt: 'vedtak.utenforHusstanden.0.grunn' });
  });

  it('a member outside the household changes nothing: the same as the applicant alone (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50_000, max: 900_000 }),
        fc.integer({ min: -50_000, max: 2_000_000 }),
        fc.constantFrom('LANGTIDSOPPHOLD', 'AVKORTEDE_TRYGDEYTELSER'),
        fc.constantFrom('2024-01-15', '2024-06-01', '2024-12-31'),
        (soeker, partner, grunn, dato) => {
          const alene = beregn({
            inntektsaar: 2022,
            beregningsdato: dato,
            personer: [person(SOEKER, 'SOEKER', soeker)],
          });
          const utenfor = beregn({
            inntektsaar: 2022,
            beregningsdato: dato,
            personer: [person(SOEKER, 'SOEKER', soeker), person(PARTNER, 'SAMBOER', partner)],
            vedtak: { utenforHusstanden: [{ identifikator: PARTNER, grunn }] },
          });
          expect(utenfor.beregningsbeloep).toBe(alene.beregningsbeloep);
          expect(egenandel(utenfor).maksPerMaaned).toBe(egenandel(alene).maksPerMaaned);
          expect(egenandel(utenfor).under2G).toBe(egenandel(alene).under2G);
        },
      ),
      { numRuns: 60 },
    );
  });
});
