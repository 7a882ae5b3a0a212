import { avvikFraGullfil, beregnForesporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { beregner } from './beregner.js';
import { egenandelJsonSkjema } from './egenandel.js';
import { innstillingerSkjema } from './innstillinger.js';

const IDAG = '2026-11-27';
const SOEKER = '23914510023';
const PARTNER = '09825010081';
const BARN = '04817299771';

type Post = { tekniskNavn: string; beloep: number | string; visningstekst?: string };

function person(identifikator: string, type: string, inntekt: number, ekstraposter: Post[] = []) {
  return {
    identifikator,
    type,
    poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: inntekt }],
    ...(ekstraposter.length ? { ekstraposter } : {}),
  };
}

function foresporsel(
  personer: unknown[],
  valg: { beregningsdato?: string; vedtak?: unknown; inntektsaar?: number } = {},
) {
  return {
    beregningstype: 'PRAKTISK_BISTAND',
    // § 10 første ledd: the income year proposed for the date (the settlement available on 1 January).
    inntektsaar: valg.inntektsaar ?? Number((valg.beregningsdato ?? IDAG).slice(0, 4)) - 2,
    ...(valg.beregningsdato === undefined ? {} : { beregningsdato: valg.beregningsdato }),
    personer,
    ...(valg.vedtak === undefined ? {} : { vedtak: valg.vedtak }),
  };
}

function beregn(raa: unknown, innstillinger?: unknown) {
  return beregnForesporsel(beregner, raa, { idag: IDAG, innstillinger });
}

// biome-ignore lint/suspicious/noExplicitAny: reading the untyped JSON form of a result
const egenandel = (r: Record<string, unknown>): any => egenandelJsonSkjema.parse(r.egenandel);

function valideringsfeil(f: () => unknown): Valideringsfeil {
  try {
    f();
  } catch (e) {
    if (e instanceof Valideringsfeil) return e;
    throw e;
  }
  throw new Error('forventet Valideringsfeil');
}

describe('golden cases', () => {
  const gullfiler = lesGullfiler('praktisk-bistand');

  it('has at least the KS example', () => {
    expect(gullfiler.map((g) => g.id)).toContain('praktisk-bistand-ks-2021');
  });

  it.each(gullfiler.map((g) => [g.id, g] as const))('%s', (_id, gull) => {
    const r = beregn(gull.foresporsel);
    expect(avvikFraGullfil(r, gull.forventet)).toEqual([]);
    egenandelJsonSkjema.parse(r.egenandel);
  });

  it('KS example: each member’s basis is visible, and the household is above 2 G', () => {
    const gull = gullfiler.find((g) => g.id === 'praktisk-bistand-ks-2021');
    const r = beregn(gull?.foresporsel);
    expect(r.beregningsbeloep).toBe(6474431);
    expect(r.inntekt.perPerson).toEqual([
      { identifikator: SOEKER, beloep: 93431 },
      { identifikator: PARTNER, beloep: 6381000 },
    ]);
    const grupper = Object.fromEntries(r.inntekt.grupper.map((g) => [g.tekniskNavn, g.beloep]));
    expect(grupper).toMatchObject({
      alminneligInntekt: 6807700,
      gevinster: 200000,
      oppjusteringGevinster: 127199,
      tap: 88840,
      oppjusteringTap: 39090,
      oppjusteringUtbytte: 132000,
      hjelpestoenad: 2000,
      omsorgsloenn: 1000,
      skjoennsmessigeFradrag: 3000,
    });
    const e = egenandel(r);
    // 2022-09-01: G pr. 1. januar 2022 (§ 10 andre ledd) is 106 399, 2 G 212 798.
    expect(e).toMatchObject({ under2G: false, toG: 212798, maksPerMaaned: null, begrensetAv: null });
    expect(e.grunnbeloep).toMatchObject({ beloep: 106399, dato: '2022-01-01' });
    // 2021 is the settlement that came during 2022 (§ 10 femte ledd); 2020 was the one available 1 January.
    expect(e.inntektsaar).toMatchObject({
      brukt: 2021,
      foreslaatt: 2020,
      aarsak: 'NY_LIKNING',
      aarsakUtledet: true,
    });
    expect(e.trinn.kode).toBe('INGEN_KOMMUNALE_TRINN');
    expect(e.ingenMaksGrunn).toMatch(/selvkost/);
    expect(r.advarsler.map((a) => a.kode)).toContain('INGEN_KOMMUNALE_TRINN');
    const tekst = JSON.stringify(r.tabell);
    expect(tekst).toContain('Søker 239145*****');
    expect(tekst).not.toContain(SOEKER);
  });
});

describe('below 2 G: the national maximum of the year', () => {
  it.each([
    ['2016-06-01', 190],
    ['2017-06-01', 200],
    ['2018-06-01', 205],
    ['2019-06-01', 210],
    ['2020-06-01', 210],
    ['2021-06-01', 210],
    ['2022-06-01', 215],
    ['2023-06-01', 220],
    ['2024-06-01', 230],
  ])('beregningsdato %s → %i kr per month', (dato, forventet) => {
    // The post catalogue starts with 2019, so a case before 2021 states why it uses a later year.
    const tidlig = Number(dato.slice(0, 4)) < 2021;
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 100000)], {
        beregningsdato: dato,
        ...(tidlig
          ? {
              inntektsaar: 2019,
              vedtak: { inntektsaarBegrunnelse: { aarsak: 'LIKNING_MANGLER', forklaring: 'testtilfelle' } },
            }
          : {}),
      }),
    );
    const e = egenandel(r);
    expect(e).toMatchObject({ under2G: true, maksPerMaaned: forventet, begrensetAv: 'NASJONALT_TAK' });
    expect(e.trinn).toMatchObject({ kode: 'NASJONALT_TAK_UNDER_2G', gyldigFra: `${dato.slice(0, 4)}-01-01` });
    expect(r.hovedtall[0]).toMatchObject({ tekst: 'Høyeste egenandel per måned', beloep: forventet });
    expect(r.regelverk.satser.map((s) => s.tabell)).toContain('praktiskBistand.maksEgenandelUnder2G');
  });

  it('a household of two whose combined income is below 2 G gets the national maximum', () => {
    // 2024-03-01: G 118 620, 2 G 237 240; 120 000 + 117 239 = 237 239.
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 120000), person(PARTNER, 'EKTEFELLE', 117239)], {
        beregningsdato: '2024-03-01',
        inntektsaar: 2023,
      }),
    );
    expect(r.beregningsbeloep).toBe(237239);
    expect(egenandel(r)).toMatchObject({ under2G: true, toG: 237240, maksPerMaaned: 230 });
  });

  it('a household at exactly 2 G is not below it', () => {
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 120000), person(PARTNER, 'SAMBOER', 117240)], {
        beregningsdato: '2024-03-01',
      }),
    );
    expect(egenandel(r)).toMatchObject({ under2G: false, trinn: { kode: 'INGEN_KOMMUNALE_TRINN' } });
  });

  it('the spouse’s income counts: the same applicant alone would be below 2 G', () => {
    const alene = beregn(foresporsel([person(SOEKER, 'SOEKER', 150000)], { beregningsdato: '2024-03-01' }));
    const med = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 150000), person(PARTNER, 'PARTNER', 150000)], {
        beregningsdato: '2024-03-01',
      }),
    );
    expect(egenandel(alene).under2G).toBe(true);
    expect(egenandel(med).under2G).toBe(false);
  });

  it('§ 10 andre ledd: G pr. 1. januar all year, also from 1 May when G has risen', () => {
    // G pr. 1. januar 2024 is 118 620 (from 1.5.2023): 2 G = 237 240. From 1.5.2024 G is 124 028, and 2 G
    // on the date would be 248 056: a household of 240 000 would wrongly fall below 2 G from May.
    for (const dato of ['2024-01-02', '2024-04-30', '2024-05-01', '2024-06-01', '2024-12-31']) {
      const e = egenandel(beregn(foresporsel([person(SOEKER, 'SOEKER', 240000)], { beregningsdato: dato })));
      expect(e, dato).toMatchObject({ under2G: false, toG: 237240, maksPerMaaned: null });
      expect(e.grunnbeloep, dato).toMatchObject({
        beloep: 118620,
        dato: '2024-01-01',
        hjemmel: 'egenandelsforskriften § 10 andre ledd',
      });
    }
    // Just below 2 G of 1 January: the national utgiftstak, in December as in January.
    const under = egenandel(
      beregn(foresporsel([person(SOEKER, 'SOEKER', 237239)], { beregningsdato: '2024-12-31' })),
    );
    expect(under).toMatchObject({ under2G: true, maksPerMaaned: 230 });
  });

  it('an old settings file that still sets grunnbeloep is read, not used, and every result says so', () => {
    const raa = foresporsel([person(SOEKER, 'SOEKER', 240000)], { beregningsdato: '2024-06-01' });
    for (const valg of ['PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET']) {
      const r = beregn(raa, { grunnbeloep: valg });
      expect(egenandel(r)).toMatchObject({ under2G: false, toG: 237240 });
      expect(r.advarsler.find((a) => a.kode === 'INNSTILLING_GRUNNBELOEP_FJERNET')?.melding).toMatch(
        /er fjernet.*§ 10 andre ledd.*G pr\. 1\. januar/,
      );
    }
    expect(beregn(raa).advarsler.map((a) => a.kode)).not.toContain('INNSTILLING_GRUNNBELOEP_FJERNET');
    const feil = valideringsfeil(() => beregn(raa, { grunnbeloep: 'G_PAA_DATO' }));
    expect(feil.feil[0]).toMatchObject({
      felt: 'kommuneinnstillinger.PRAKTISK_BISTAND.grunnbeloep',
      melding: expect.stringMatching(/fjernet.*1\. januar/),
    });
  });

  it('refuses a date after the last verified national rate, and never guesses it', () => {
    const raa = foresporsel([person(SOEKER, 'SOEKER', 100000)], {
      beregningsdato: '2027-03-01',
      inntektsaar: 2025,
    });
    expect(() => beregn(raa)).toThrow(UtenforDekning);
    expect(() => beregn(raa)).toThrow(/praktiskBistand\.maksEgenandelUnder2G.*gjetter aldri/);
  });

  it('still gives the basis without a date in the request, and says why the fee is missing', () => {
    // Today is a parameter: on 2027-02-01 the 2027 amount of § 10 andre ledd is not in the table.
    const r = beregnForesporsel(beregner, foresporsel([person(SOEKER, 'SOEKER', 100000)]), {
      idag: '2027-02-01',
    });
    expect(r.beregningsbeloep).toBe(100000);
    expect(r.egenandel).toBeNull();
    expect(r.advarsler.map((a) => a.kode)).toContain('AVGIFT_IKKE_BEREGNET');
  });

  it('the national rate of 2016 is the regulation’s (confidence A): no warning of a single source', () => {
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 100000)], {
        beregningsdato: '2016-06-01',
        inntektsaar: 2019,
        vedtak: { inntektsaarBegrunnelse: { aarsak: 'LIKNING_MANGLER', forklaring: 'testtilfelle' } },
      }),
    );
    expect(egenandel(r)).toMatchObject({ under2G: true, maksPerMaaned: 190 });
    expect(r.advarsler.map((a) => a.kode)).not.toContain('SATS_EN_KILDE');
  });
});

describe('from 2 G: the municipality’s brackets', () => {
  const trinn = {
    trinnOver2G: [
      { fraOgMedG: 2, maksPerMaaned: 500 },
      { fraOgMedG: '3', maksPerMaaned: 1000 },
      { fraOgMedG: 4.5, maksPerMaaned: '1500.50' },
    ],
  };
  // 2023-06-01: G pr. 1. januar 2023 is 111 477 (2 G 222 954, 3 G 334 431, 4.5 G 501 646.5).
  const dato = '2023-06-01';

  it.each([
    [222954, 2, 3, 500],
    [334430, 2, 3, 500],
    [334431, 3, 4.5, 1000],
    [501647, 4.5, null, 1500.5],
    [5000000, 4.5, null, 1500.5],
  ])('income %i → bracket from %s G to %s G, %s kr', (inntekt, fra, til, maks) => {
    const e = egenandel(
      beregn(foresporsel([person(SOEKER, 'SOEKER', inntekt)], { beregningsdato: dato }), trinn),
    );
    expect(e).toMatchObject({
      under2G: false,
      maksPerMaaned: maks,
      begrensetAv: 'KOMMUNALT_TRINN',
      trinn: { kode: 'KOMMUNALT_TRINN', fraOgMedG: fra, tilG: til },
    });
    expect(e.trinn.begrunnelse).toMatch(/kommunens trinn gjelder/);
  });

  it('warns when a bracket is below the national rate under 2 G on the date, and not otherwise', () => {
    // 2023-06-01: national rate 220 kr; 2 G = 237 240.
    const lav = { trinnOver2G: [{ fraOgMedG: 2, maksPerMaaned: 200 }] };
    const r = beregn(foresporsel([person(SOEKER, 'SOEKER', 300000)], { beregningsdato: dato }), lav);
    expect(egenandel(r).maksPerMaaned).toBe(200);
    expect(r.advarsler.find((a) => a.kode === 'TRINN_UNDER_NASJONALT_TAK')?.melding).toMatch(
      /200 per måned.*lavere enn.*220/,
    );
    const hoey = beregn(foresporsel([person(SOEKER, 'SOEKER', 300000)], { beregningsdato: dato }), trinn);
    expect(hoey.advarsler.map((a) => a.kode)).not.toContain('TRINN_UNDER_NASJONALT_TAK');
  });

  it('without brackets and without selvkost there is no maximum, with the reason and a warning', () => {
    const r = beregn(foresporsel([person(SOEKER, 'SOEKER', 400000)], { beregningsdato: dato }));
    const e = egenandel(r);
    expect(e.maksPerMaaned).toBeNull();
    expect(e.ingenMaksGrunn).toMatch(/trinnOver2G/);
    expect(r.hovedtall.map((h) => h.tekst)).not.toContain('Høyeste egenandel per måned');
    expect(r.advarsler.find((a) => a.kode === 'INGEN_KOMMUNALE_TRINN')?.melding).toMatch(/ingen øvre grense/);
  });

  it('above 2 G in 2027 works: the national rate (not yet known) is not needed', () => {
    const r = beregn(
      // 2027-03-01: G 136 549, 2 G 273 098, 3 G 409 647.
      foresporsel([person(SOEKER, 'SOEKER', 300000)], { beregningsdato: '2027-03-01', inntektsaar: 2025 }),
      trinn,
    );
    expect(egenandel(r)).toMatchObject({ under2G: false, maksPerMaaned: 500 });
    expect(r.regelverk.satser.map((s) => s.tabell)).not.toContain('praktiskBistand.maksEgenandelUnder2G');
  });
});

describe('selvkost', () => {
  const dato = '2024-06-01';

  it('limits the national maximum when the service costs less', () => {
    const e = egenandel(
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 100000)], {
          beregningsdato: dato,
          vedtak: { timerPerMaaned: 2, kostnadPerTime: 100 },
        }),
      ),
    );
    expect(e).toMatchObject({ maksPerMaaned: 200, begrensetAv: 'SELVKOST' });
    expect(e.selvkost).toEqual({
      timerOppgitt: 2,
      timerPerMaaned: 2,
      kostnadPerTime: 100,
      kostnadFra: 'VEDTAK',
      perMaaned: 200,
    });
  });

  it('is the only limit from 2 G when the municipality has no brackets', () => {
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 900000)], {
        beregningsdato: dato,
        vedtak: { timerPerMaaned: '7.5', kostnadPerTime: '512.40' },
      }),
    );
    expect(egenandel(r)).toMatchObject({ maksPerMaaned: 3843, begrensetAv: 'SELVKOST' });
    expect(r.advarsler.find((a) => a.kode === 'INGEN_KOMMUNALE_TRINN')?.melding).toMatch(/selvkost \(kr/);
  });

  it('takes the cost per hour from the settings when the vedtak gives only hours', () => {
    const e = egenandel(
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 900000)], {
          beregningsdato: dato,
          vedtak: { timerPerMaaned: 3 },
        }),
        { selvkostPerTime: 330 },
      ),
    );
    expect(e).toMatchObject({ maksPerMaaned: 990, selvkost: { kostnadFra: 'KOMMUNEINNSTILLING' } });
  });

  it('rounds a fraction of an øre down, never above selvkost', () => {
    // 3.5 × 33.33 = 116.655
    const e = egenandel(
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 100000)], {
          beregningsdato: dato,
          vedtak: { timerPerMaaned: '3.5', kostnadPerTime: '33.33' },
        }),
      ),
    );
    expect(e.maksPerMaaned).toBe(116.65);
    expect(e.selvkost.perMaaned).toBe(116.65);
  });

  it('does not bind when it is above the limit', () => {
    const e = egenandel(
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 100000)], {
          beregningsdato: dato,
          vedtak: { timerPerMaaned: 4, kostnadPerTime: 400 },
        }),
      ),
    );
    expect(e).toMatchObject({ maksPerMaaned: 230, begrensetAv: 'NASJONALT_TAK' });
  });

  it('names the missing field when hours or cost per hour is missing', () => {
    const utenKostnad = valideringsfeil(() =>
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 1)], { beregningsdato: dato, vedtak: { timerPerMaaned: 3 } }),
      ),
    );
    expect(utenKostnad.feil).toEqual([
      { felt: 'vedtak.kostnadPerTime', melding: expect.stringMatching(/mangler/) },
    ]);
    const utenTimer = valideringsfeil(() =>
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 1)], { beregningsdato: dato, vedtak: { kostnadPerTime: 300 } }),
      ),
    );
    expect(utenTimer.feil.map((f) => f.felt)).toEqual(['vedtak.timerPerMaaned']);
    const negativ = valideringsfeil(() =>
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 1)], {
          beregningsdato: dato,
          vedtak: { timerPerMaaned: -1, kostnadPerTime: 300 },
        }),
      ),
    );
    expect(negativ.feil.map((f) => f.felt)).toContain('vedtak.timerPerMaaned');
  });
});

describe('the household (§ 10 tredje ledd)', () => {
  const dato = '2024-06-01';

  it('refuses a child unless the help is given because of the child’s needs', () => {
    const feil = valideringsfeil(() =>
      beregn(
        foresporsel([person(SOEKER, 'SOEKER', 100000), person(BARN, 'BARN', 0)], { beregningsdato: dato }),
      ),
    );
    expect(feil.feil).toEqual([
      { felt: 'personer.1.type', melding: expect.stringMatching(/§ 10 tredje ledd.*hjelpGrunnetBarnsBehov/) },
    ]);
  });

  it('counts the child, and the child’s hjelpestønad, when the help is given because of the child’s needs', () => {
    const r = beregn(
      foresporsel(
        [
          person(SOEKER, 'SOEKER', 150000),
          person(PARTNER, 'EKTEFELLE', 100000),
          person(BARN, 'BARN', 0, [{ tekniskNavn: 'nav.hjelpestoenadFraFolketrygden', beloep: 30000 }]),
        ],
        { beregningsdato: dato, vedtak: { hjelpGrunnetBarnsBehov: true } },
      ),
    );
    expect(r.beregningsbeloep).toBe(280000);
    expect(r.inntekt.perPerson).toContainEqual({ identifikator: BARN, beloep: 30000 });
    expect(JSON.stringify(r.tabell)).toContain('anses ytt til foreldrene');
  });

  it('refuses other relatives, and a second partner, naming the field', () => {
    const mor = valideringsfeil(() =>
      beregn(foresporsel([person(SOEKER, 'SOEKER', 1), person(PARTNER, 'MOR', 1)], { beregningsdato: dato })),
    );
    expect(mor.feil.map((f) => f.felt)).toEqual(['personer.1.type']);
    const to = valideringsfeil(() =>
      beregn(
        foresporsel(
          [person(SOEKER, 'SOEKER', 1), person(PARTNER, 'EKTEFELLE', 1), person(BARN, 'SAMBOER', 1)],
          {
            beregningsdato: dato,
          },
        ),
      ),
    );
    expect(to.feil.map((f) => f.felt)).toEqual(['personer']);
  });

  it('warns about a member with a negative basis, which lowers the household’s', () => {
    const r = beregn(
      foresporsel([person(SOEKER, 'SOEKER', 300000), person(PARTNER, 'EKTEFELLE', -80000)], {
        beregningsdato: dato,
      }),
    );
    expect(r.beregningsbeloep).toBe(220000);
    expect(r.advarsler.find((a) => a.kode === 'NEGATIVT_GRUNNLAG')?.identifikator).toBe(PARTNER);
  });

  it('shows income and deduction posts but never wealth or debt', () => {
    const r = beregn(
      foresporsel(
        [
          {
            identifikator: SOEKER,
            type: 'SOEKER',
            poster: [
              { tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 100000 },
              { tekniskNavn: 'alderspensjonFraFolketrygden', beloep: 120000 },
              { tekniskNavn: 'bruttoformue', beloep: 2000000 },
              { tekniskNavn: 'innskudd', beloep: 500000 },
            ],
          },
        ],
        { beregningsdato: dato },
      ),
    );
    const vist = r.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(vist).toContain('alderspensjonFraFolketrygden');
    expect(vist).not.toContain('bruttoformue');
    expect(vist).not.toContain('innskudd');
    expect(r.beregningsbeloep).toBe(100000);
  });
});

describe('settings', () => {
  it('defaults to no brackets and no selvkost per hour (G is the law’s, not a setting)', () => {
    expect(innstillingerSkjema.parse({})).toEqual({
      trinnOver2G: [],
      selvkostPerTime: null,
      selvkostgrunnlag: null,
    });
  });

  it('parses its own output again to the same value (settings are validated twice)', () => {
    const en = innstillingerSkjema.parse({
      trinnOver2G: [
        { fraOgMedG: 2, maksPerMaaned: 300 },
        { fraOgMedG: '3.5', maksPerMaaned: '900.50' },
      ],
      selvkostPerTime: 330,
    });
    const to = innstillingerSkjema.parse(en);
    expect(JSON.stringify(to)).toBe(JSON.stringify(en));
  });

  it.each([
    [[{ fraOgMedG: 2.5, maksPerMaaned: 300 }], 'trinnOver2G.0.fraOgMedG', /starte på 2 G/],
    [
      [
        { fraOgMedG: 2, maksPerMaaned: 300 },
        { fraOgMedG: 2, maksPerMaaned: 400 },
      ],
      'trinnOver2G.1.fraOgMedG',
      /stigende/,
    ],
    [
      [
        { fraOgMedG: 2, maksPerMaaned: 300 },
        { fraOgMedG: 3, maksPerMaaned: 299 },
      ],
      'trinnOver2G.1.maksPerMaaned',
      /aldri gi lavere/,
    ],
    [[{ fraOgMedG: 2, maksPerMaaned: -1 }], 'trinnOver2G.0.maksPerMaaned', /negativt/],
    [[{ fraOgMedG: 'to', maksPerMaaned: 1 }], 'trinnOver2G.0.fraOgMedG', /antall G/],
  ])('refuses bad brackets %j at %s', (trinnOver2G, felt, melding) => {
    const feil = valideringsfeil(() =>
      beregn(foresporsel([person(SOEKER, 'SOEKER', 1)], { beregningsdato: '2024-06-01' }), { trinnOver2G }),
    );
    expect(feil.feil).toContainEqual({
      felt: `kommuneinnstillinger.PRAKTISK_BISTAND.${felt}`,
      melding: expect.stringMatching(melding),
    });
  });
});
