import {
  beregnForesporsel,
  beregnMedPoster,
  foresporselSkjema,
  personerFraForesporsel,
  Valideringsfeil,
} from '@inntektsgrunnlag/beregning';
import { GRUNNBELOEP, Regelverk, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import { beregner, TABELLER } from './index.js';

const SOEKER = '17868510013';
const PARTNER = '03898810029';
const LOENN = 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt';

type Post = { tekniskNavn: string; beloep: number };

interface Sak {
  dato: string;
  inntektsaar?: number;
  soeker?: Post[];
  partner?: Post[] | null;
  partnertype?: string;
  barn: unknown[];
  sone?: string;
  soeknad?: { soektRedusertForeldrebetaling?: boolean; soektGratisKjernetid?: boolean };
  innstillinger?: unknown;
}

function foresporsel(s: Sak) {
  return {
    beregningstype: 'BARNEHAGE_SFO',
    inntektsaar: s.inntektsaar ?? 2023,
    beregningsdato: s.dato,
    personer: [
      { identifikator: SOEKER, type: 'SOEKER', poster: s.soeker ?? [] },
      ...(s.partner === null
        ? []
        : [{ identifikator: PARTNER, type: s.partnertype ?? 'SAMBOER', poster: s.partner ?? [] }]),
    ],
    vedtak: { barn: s.barn, ...(s.sone ? { sone: s.sone } : {}), ...s.soeknad },
  };
}

function beregn(s: Sak) {
  return beregnForesporsel(beregner, foresporsel(s), { idag: '2026-11-27', innstillinger: s.innstillinger });
}

type Fb = {
  husholdningensInntekt: number;
  sone: string;
  soneFra: string;
  soeskenrekkefoelge: string | null;
  maksimalprisPerMaaned: number | null;
  inntektsgrenser: { seksProsentBarnehage: number | null; gratisKjernetid: number | null };
  barn: Array<{
    prisPerMaaned: number;
    soeskennummer: number | null;
    inntektsgrenseSeksProsent: number | null;
    reduksjoner: Array<{ regel: string; beloep: number; hjemmel: string }>;
  }>;
  sumPerMaaned: number;
};
const fb = (r: ReturnType<typeof beregn>) => r.foreldrebetaling as Fb;
const priser = (r: ReturnType<typeof beregn>) => fb(r).barn.map((b) => b.prisPerMaaned);

function feltfeil(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof Valideringsfeil) return e.feil.map((x) => `${x.felt}: ${x.melding}`);
    throw e;
  }
  throw new Error('ingen Valideringsfeil');
}

const lonn = (kr: number): Post[] => [{ tekniskNavn: LOENN, beloep: kr }];
const barnehage = (foedselsdato: string, prisPerMaaned: number, oppholdstimerPerUke?: number) => ({
  tilbud: 'BARNEHAGE',
  foedselsdato,
  prisPerMaaned,
  ...(oppholdstimerPerUke ? { oppholdstimerPerUke } : {}),
});
const sfo = (trinn: number, prisPerMaaned: number, oppholdstimerPerUke?: number) => ({
  tilbud: 'SFO',
  foedselsdato: '2017-03-01',
  trinn,
  prisPerMaaned,
  ...(oppholdstimerPerUke ? { oppholdstimerPerUke } : {}),
});

describe('household income', () => {
  it('adds personinntekt and gross capital income of the applicant and the partner', () => {
    const r = beregn({
      dato: '2023-09-01',
      soeker: [
        ...lonn(300_000),
        { tekniskNavn: 'utbytteFraAksje', beloep: 10_000 },
        { tekniskNavn: 'oppjustertTilleggTilUtbytteFraAksje', beloep: 7_200 },
        // Deductions are never netted (Udir 2018: gross capital income).
        { tekniskNavn: 'samledePaaloepteRenterPaaGjeldIInnenlandskeBanker', beloep: 40_000 },
      ],
      partner: [
        { tekniskNavn: 'arbeidsavklaringspenger', beloep: 150_000 },
        { tekniskNavn: 'samledeOpptjenteRenterIInnenlandskeBanker', beloep: 2_000 },
      ],
      barn: [barnehage('2022-10-01', 3000)],
    });
    expect(r.beregningsbeloep).toBe(462_000);
    expect(fb(r).husholdningensInntekt).toBe(462_000);
  });

  it('counts a business once, through its personinntekt, not also through its surplus', () => {
    const r = beregn({
      dato: '2024-03-01',
      soeker: [
        {
          tekniskNavn:
            'samletPersoninntektFraEnkeltpersonforetakInnenJordbrukReindriftSkiferproduksjonOgAnnenNaering',
          beloep: 51_432,
        },
        { tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenAnnenNaering', beloep: 51_432 },
        ...lonn(719_038),
      ],
      partner: null,
      barn: [barnehage('2023-01-01', 3000)],
    });
    expect(r.beregningsbeloep).toBe(770_470);
  });

  it('counts a spouse, a registered partner and a cohabitant alike', () => {
    for (const partnertype of ['EKTEFELLE', 'PARTNER', 'SAMBOER']) {
      const r = beregn({
        dato: '2023-09-01',
        soeker: lonn(100),
        partner: lonn(200),
        partnertype,
        barn: [barnehage('2023-01-01', 3000)],
      });
      expect(r.beregningsbeloep).toBe(300);
    }
  });

  it('accepts income documented by the case worker as an extra post', () => {
    const f = foresporsel({ dato: '2023-09-01', partner: null, barn: [barnehage('2023-01-01', 3000)] });
    const soeker = f.personer[0] as Record<string, unknown>;
    soeker.ekstraposter = [{ tekniskNavn: 'kommune.annenDokumentertInntekt', beloep: 220_000 }];
    const r = beregnForesporsel(beregner, f, { idag: '2026-11-27' });
    expect(r.beregningsbeloep).toBe(220_000);
    expect(priser(r)).toEqual([1200]);
  });

  it('refuses persons who are not in the household', () => {
    const f = foresporsel({ dato: '2023-09-01', partner: null, barn: [barnehage('2023-01-01', 3000)] });
    f.personer.push({ identifikator: PARTNER, type: 'BARN', poster: [] });
    expect(feltfeil(() => beregnForesporsel(beregner, f, { idag: '2026-11-27' }))).toEqual([
      'personer.1.type: BARN brukes ikke for BARNEHAGE_SFO; tillatt: SOEKER, EKTEFELLE, PARTNER, SAMBOER',
    ]);
  });

  it('counts a negative post as 0 and says so', () => {
    const r = beregn({
      dato: '2023-09-01',
      soeker: [...lonn(400_000), { tekniskNavn: 'inntektFraGevinstOgTapskonto', beloep: -50_000 }],
      partner: null,
      barn: [barnehage('2023-01-01', 3000)],
    });
    expect(r.beregningsbeloep).toBe(400_000);
    expect(r.advarsler.map((a) => a.kode)).toContain('NEGATIV_INNTEKTSPOST');
  });

  it('warns when two names of the same income both appear, and when there is no income at all', () => {
    const r = beregn({
      dato: '2023-09-01',
      inntektsaar: 2022,
      soeker: [
        { tekniskNavn: 'samletPensjonFraFolketrygden', beloep: 100_000 },
        { tekniskNavn: 'alderspensjonFraFolketrygden', beloep: 100_000 },
      ],
      partner: null,
      barn: [barnehage('2023-01-01', 3000)],
    });
    const advarsel = r.advarsler.find((a) => a.kode === 'MULIG_DOBBELTTELLING');
    expect(advarsel?.melding).toMatch(/samletPensjonFraFolketrygden.*alderspensjonFraFolketrygden/);
    expect(advarsel?.melding).not.toMatch(/100/);
    const tom = beregn({ dato: '2023-09-01', partner: null, barn: [barnehage('2023-01-01', 3000)] });
    expect(tom.advarsler.map((a) => a.kode)).toContain('INGEN_INNTEKT');
    expect(priser(tom)).toEqual([0]);
  });

  it('falls back to the draft (utkast) and says so in the result', () => {
    expect(beregner.stadier).toEqual(['OPPGJOER', 'UTKAST']);
    const f = foresporselSkjema.parse(
      foresporsel({
        dato: '2023-09-01',
        soeker: lonn(480_000),
        partner: null,
        barn: [barnehage('2022-03-01', 3000)],
      }),
    );
    const personer = personerFraForesporsel(f).map((p) => ({
      ...p,
      postkilde: 'SKATTEETATEN' as const,
      stadie: 'UTKAST' as const,
    }));
    const { resultat } = beregnMedPoster({
      beregner,
      foresporsel: f,
      personer,
      regelverk: Regelverk.av([GRUNNBELOEP, ...TABELLER]),
      idag: '2026-11-27',
    });
    expect(resultat.advarsler.map((a) => a.kode)).toContain('UTKAST_BRUKT');
    expect((resultat.foreldrebetaling as Fb).barn[0]?.prisPerMaaned).toBe(2618);
  });
});

describe('barnehage', () => {
  it('caps the place at the maksimalpris of the date', () => {
    const r = beregn({ dato: '2024-09-01', soeker: lonn(2_000_000), barn: [barnehage('2023-01-01', 2500)] });
    expect(priser(r)).toEqual([2000]);
    expect(fb(r).barn[0]?.reduksjoner).toEqual([
      {
        regel: 'MAKSIMALPRIS',
        beloep: 500,
        hjemmel: 'forskrift om foreldrebetaling i barnehager § 1 første ledd',
      },
    ]);
  });

  it.each([
    ['2018-03-01', 2019, 533_500],
    ['2021-03-01', 2020, 592_167],
    ['2024-09-01', 2023, 366_667],
    ['2025-09-01', 2024, 220_000],
  ])('on %s (income year %d) the 6 %% limit is the published one', (dato, inntektsaar, grense) => {
    // A child too young for gratis kjernetid on each date, so only the maksimalpris is looked up.
    const foedt = `${Number(dato.slice(0, 4)) - 1}-12-01`;
    const r = beregn({ dato, inntektsaar, soeker: lonn(1_000_000), barn: [barnehage(foedt, 5000)] });
    expect(fb(r).inntektsgrenser.seksProsentBarnehage).toBe(grense);
  });

  it('applies the 6 % rule per child, and the sibling discount to the reduced price (§§ 3a, 3b)', () => {
    // 6 % × 300 000 / 11 = 1 636.36 per child; child 2 pays 70 % of that; child 3 is free.
    const r = beregn({
      dato: '2024-09-01',
      soeker: lonn(300_000),
      barn: [
        barnehage('2022-01-01', 2000, 41),
        barnehage('2023-01-01', 2000, 41),
        barnehage('2024-01-01', 2000, 41),
      ],
      innstillinger: {},
    });
    // The eldest (born 2022) has gratis kjernetid from 1.8.2024: 1 636.36 × 21/41 = 838.14.
    expect(priser(r)).toEqual([838, 1145, 0]);
    expect(fb(r).barn.map((b) => b.soeskennummer)).toEqual([1, 2, 3]);
    expect(fb(r).barn[1]?.reduksjoner.map((x) => x.regel)).toEqual(['SEKS_PROSENT', 'SOESKENMODERASJON']);
    expect(fb(r).inntektsgrenser.gratisKjernetid).toBe(642_700);
  });

  it('gave child 3 only 50 % before 1 August 2023', () => {
    const r = beregn({
      dato: '2023-03-01',
      soeker: lonn(1_000_000),
      barn: [barnehage('2020-06-01', 3000), barnehage('2021-06-01', 3000), barnehage('2022-06-01', 3000)],
    });
    // The eldest is in the kjernetid age range, but the income is far above the limit.
    expect(priser(r)).toEqual([3000, 2100, 1500]);
    expect(fb(r).sumPerMaaned).toBe(6600);
  });

  it('lets the municipality choose which child is number 1, and give more than the minimum', () => {
    const barn = [barnehage('2024-01-01', 1500), barnehage('2024-12-01', 1200)];
    const standard = beregn({ dato: '2025-09-01', inntektsaar: 2024, soeker: lonn(1_000_000), barn });
    expect(priser(standard)).toEqual([1200, 840]);
    const yngste = beregn({
      dato: '2025-09-01',
      inntektsaar: 2024,
      soeker: lonn(1_000_000),
      barn,
      innstillinger: { soeskenrekkefoelge: 'YNGSTE_FOERST', soeskenmoderasjonBarn2Prosent: 50 },
    });
    expect(priser(yngste)).toEqual([600, 1200]);
  });

  it('counts siblings only among children in barnehage, not in SFO (§ 3a b)', () => {
    const r = beregn({
      dato: '2025-09-01',
      inntektsaar: 2024,
      soeker: lonn(1_000_000),
      barn: [sfo(4, 2500), barnehage('2024-01-01', 1200)],
    });
    expect(priser(r)).toEqual([2500, 1200]);
    expect(fb(r).barn.map((b) => b.soeskennummer)).toEqual([null, 1]);
  });

  describe('gratis kjernetid (§ 3c)', () => {
    const toAaring = (timer?: number) => barnehage('2022-05-01', 2000, timer);

    it('takes 20 hours off the price after the 6 % rule, below the income limit', () => {
      const over = beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [toAaring(41)] });
      // 2 000 × 21/41 = 1 024.39
      expect(priser(over)).toEqual([1024]);
      expect(fb(over).barn[0]?.reduksjoner).toEqual([
        {
          regel: 'GRATIS_KJERNETID',
          beloep: 975.61,
          hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c første ledd',
        },
      ]);
    });

    it('makes a place of 20 hours or less free', () => {
      expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [toAaring(20)] }))).toEqual([
        0,
      ]);
      expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [toAaring(17.5)] }))).toEqual([
        0,
      ]);
    });

    it('needs an income strictly below the limit', () => {
      expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(642_700), barn: [toAaring(41)] }))).toEqual([
        2000,
      ]);
      expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(642_699), barn: [toAaring(41)] }))).toEqual([
        1024,
      ]);
    });

    it('starts on 1 August of the year the child turns two', () => {
      // 6 % × 400 000 / 11 = 2 181.82 is above the price of 2 000, so only the free hours reduce it.
      expect(priser(beregn({ dato: '2024-07-31', soeker: lonn(400_000), barn: [toAaring(41)] }))).toEqual([
        2000,
      ]);
      expect(priser(beregn({ dato: '2024-08-01', soeker: lonn(400_000), barn: [toAaring(41)] }))).toEqual([
        1024,
      ]);
    });

    it('values the hours from the price the municipality chooses (kjernetidPrisgrunnlag)', () => {
      // 6 % × 300 000 / 11 = 1 636.36, below the place's price of 2 000.
      const med = (kjernetidPrisgrunnlag?: string) =>
        beregn({
          dato: '2024-09-01',
          soeker: lonn(300_000),
          barn: [toAaring(41)],
          ...(kjernetidPrisgrunnlag ? { innstillinger: { kjernetidPrisgrunnlag } } : {}),
        });
      // 1 636.36 × 21/41 = 838.14, from the reduced price (default, and with one child the same after the 6 % rule).
      expect(priser(med())).toEqual([838]);
      expect(priser(med('PRIS_ETTER_SEKS_PROSENT'))).toEqual([838]);
      // 20/41 of the place's price, 975.61, off the reduced price: 1 636.36 − 975.61 = 660.75.
      const plassen = med('PRIS_FOR_PLASSEN');
      expect(priser(plassen)).toEqual([660]);
      expect(fb(plassen).barn[0]?.reduksjoner.find((x) => x.regel === 'GRATIS_KJERNETID')?.beloep).toBe(
        975.61,
      );
    });

    it('never takes more off than the price left, whatever it is valued from', () => {
      // 6 % × 100 000 / 11 = 545.45; 20/21 of the place's price (1 904.76) is more than that.
      const r = beregn({
        dato: '2024-09-01',
        soeker: lonn(100_000),
        barn: [toAaring(21)],
        innstillinger: { kjernetidPrisgrunnlag: 'PRIS_FOR_PLASSEN' },
      });
      expect(priser(r)).toEqual([0]);
    });

    it('values the hours as the municipality chooses', () => {
      const r = beregn({
        dato: '2024-09-01',
        soeker: lonn(400_000),
        barn: [toAaring(30)],
        innstillinger: { kjernetidTimebasis: 40 },
      });
      expect(priser(r)).toEqual([1000]);
    });

    it('needs the agreed hours to value the free hours', () => {
      expect(
        feltfeil(() => beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [toAaring()] })),
      ).toEqual([
        'vedtak.barn.0.oppholdstimerPerUke: mangler: plassens oppholdstid per uke trengs for å verdsette 20 gratis timer (gratis kjernetid)',
      ]);
    });

    it('refuses a child in the age range after 31 July 2026, when the income limit is not known', () => {
      expect(() =>
        beregn({ dato: '2026-09-01', inntektsaar: 2025, soeker: lonn(400_000), barn: [toAaring(41)] }),
      ).toThrow(UtenforDekning);
    });

    it('does not need the limit when the price is already 0 (child 3, innsatssonen)', () => {
      const r = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(400_000),
        sone: 'INNSATSSONE',
        barn: [toAaring(41)],
      });
      expect(priser(r)).toEqual([0]);
      expect(fb(r).inntektsgrenser.gratisKjernetid).toBeNull();
    });
  });

  describe('zones', () => {
    it('uses the zone price of sentralitet 5–6 from 1 August 2024', () => {
      const r = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(1_000_000),
        sone: 'SENTRALITET_5_6',
        barn: [barnehage('2024-01-01', 1200)],
      });
      expect(priser(r)).toEqual([700]);
      expect(fb(r).maksimalprisPerMaaned).toBe(700);
    });

    it('uses the ordinary price, and says so, where the zone had no price of its own', () => {
      const r = beregn({
        dato: '2024-03-01',
        soeker: lonn(1_000_000),
        sone: 'SENTRALITET_5_6',
        barn: [barnehage('2023-01-01', 3000)],
      });
      expect(priser(r)).toEqual([3000]);
      expect(r.advarsler.map((a) => a.kode)).toContain('SONE_UTEN_EGEN_MAKSPRIS');
    });

    it('makes barnehage free in the innsatssone from 1 August 2023', () => {
      const r = beregn({
        dato: '2023-09-01',
        soeker: lonn(1_000_000),
        sone: 'INNSATSSONE',
        barn: [barnehage('2022-01-01', 3000)],
      });
      expect(priser(r)).toEqual([0]);
    });
  });
});

describe('SFO', () => {
  it('applies the 6 % rule and then 12 free hours for 1.–3. trinn from 1 August 2024', () => {
    // 6 % × 400 000 / 11 = 2 181.82; 12 of 20 hours free: 2 181.82 × 8/20 = 872.73
    const r = beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [sfo(3, 3000, 20)] });
    expect(priser(r)).toEqual([872]);
    expect(fb(r).barn[0]?.reduksjoner.map((x) => [x.regel, x.hjemmel])).toEqual([
      ['SEKS_PROSENT', 'opplæringsforskrifta § 2-4 første ledd'],
      ['SFO_GRATISTIMER', 'opplæringsforskrifta § 2-2 første ledd'],
    ]);
    expect(fb(r).barn[0]?.inntektsgrenseSeksProsent).toBe(550_000);
  });

  it('gave 3. trinn no free hours before 1 August 2024, and 4. trinn none at all', () => {
    expect(priser(beregn({ dato: '2024-07-31', soeker: lonn(1_000_000), barn: [sfo(3, 3000, 20)] }))).toEqual(
      [3000],
    );
    expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(1_000_000), barn: [sfo(4, 3000, 20)] }))).toEqual(
      [3000],
    );
    expect(priser(beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [sfo(4, 3000)] }))).toEqual([
      2181,
    ]);
  });

  it('had no national reduction before 1 August 2020, and none for 3.–4. trinn before 1 August 2021', () => {
    expect(
      priser(beregn({ dato: '2020-03-01', inntektsaar: 2019, soeker: lonn(200_000), barn: [sfo(1, 3000)] })),
    ).toEqual([3000]);
    expect(
      priser(beregn({ dato: '2021-03-01', inntektsaar: 2020, soeker: lonn(200_000), barn: [sfo(2, 3000)] })),
    ).toEqual([1090]);
    expect(
      priser(beregn({ dato: '2021-03-01', inntektsaar: 2020, soeker: lonn(200_000), barn: [sfo(3, 3000)] })),
    ).toEqual([3000]);
  });

  it('spreads the 6 % over the municipality’s payment months', () => {
    const r = beregn({
      dato: '2024-09-01',
      soeker: lonn(400_000),
      barn: [sfo(4, 3000)],
      innstillinger: { sfoBetalingsmaaneder: 10 },
    });
    expect(priser(r)).toEqual([2400]);
  });

  it('warns about free SFO for pupils with special needs on 5.–7. trinn', () => {
    const r = beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [sfo(6, 3000)] });
    expect(priser(r)).toEqual([3000]);
    expect(r.advarsler.map((a) => a.kode)).toContain('SFO_SAERSKILTE_BEHOV');
  });
});

describe('the result', () => {
  it('lists every reduction as a line with its paragraph, child by child, and the sum', () => {
    const r = beregn({
      dato: '2024-09-01',
      soeker: lonn(300_000),
      barn: [barnehage('2022-01-01', 2000, 41), barnehage('2023-01-01', 2000, 41)],
    });
    const linjer = r.tabell.linjer;
    const barn1 = linjer.find((l) => l.tekst.startsWith('Barn 1: barnehage'));
    expect(barn1?.beloep).toBe(838);
    const hjemler = (barn1?.linjer ?? []).map((l) => l.hjemmel).filter(Boolean);
    expect(hjemler).toEqual([
      'forskrift om foreldrebetaling i barnehager § 1 første ledd',
      'forskrift om foreldrebetaling i barnehager § 3b første ledd',
      'forskrift om foreldrebetaling i barnehager § 3a første ledd',
      'forskrift om foreldrebetaling i barnehager § 3c første ledd',
    ]);
    expect(linjer.at(-1)).toMatchObject({
      tekst: 'Foreldrebetaling per måned, alle barn',
      beloep: 838 + 1145,
    });
    expect(r.hovedtall[0]).toEqual({ tekst: 'Foreldrebetaling per måned, alle barn', beloep: 1983 });
    expect(r.regelverk.satser.map((s) => s.tabell)).toEqual([
      'foreldrebetaling.maksimalpris',
      'foreldrebetaling.soeskenmoderasjon',
      'foreldrebetaling.gratisKjernetid',
      'foreldrebetaling.kjernetidInntektsgrense',
    ]);
    expect(beregner.avgiftSkjema.safeParse(r.foreldrebetaling).success).toBe(true);
  });

  it('refuses a date before the tables begin or after they end', () => {
    expect(() =>
      beregn({ dato: '2017-12-31', inntektsaar: 2019, soeker: lonn(1), barn: [barnehage('2016-01-01', 1)] }),
    ).toThrow(UtenforDekning);
    expect(() =>
      beregn({ dato: '2027-01-01', inntektsaar: 2025, soeker: lonn(1), barn: [barnehage('2026-01-01', 1)] }),
    ).toThrow(UtenforDekning);
  });
});

describe('vedtak validation', () => {
  const paa = (vedtak: unknown) => () =>
    beregnForesporsel(
      beregner,
      { ...foresporsel({ dato: '2024-09-01', barn: [] }), vedtak },
      { idag: '2026-11-27' },
    );

  it('names every bad field in Norwegian', () => {
    expect(
      feltfeil(
        paa({
          barn: [
            { tilbud: 'SFO', foedselsdato: '2017-01-01', prisPerMaaned: 3000 },
            { tilbud: 'BARNEHAGE', foedselsdato: '2022-02-30', prisPerMaaned: -1, trinn: 1 },
            {
              tilbud: 'DAGMAMMA',
              foedselsdato: '2022-01-01',
              prisPerMaaned: '12.345',
              oppholdstimerPerUke: 0,
            },
            {
              tilbud: 'SFO',
              foedselsdato: '2017-01-01',
              prisPerMaaned: 3000,
              trinn: 8,
              oppholdstimerPerUke: 20.125,
            },
            { tilbud: 'BARNEHAGE', foedselsdato: '2022-01-01', prisPerMaaned: 3000, ukjent: true },
          ],
          sone: 'SONE_9',
        }),
      ),
    ).toEqual([
      'vedtak.barn.0.trinn: mangler: SFO-plass må ha årstrinn (1–7)',
      'vedtak.barn.1.foedselsdato: må være en gyldig dato på formen ÅÅÅÅ-MM-DD',
      'vedtak.barn.1.prisPerMaaned: kan ikke være negativt',
      'vedtak.barn.1.trinn: gjelder bare SFO, ikke barnehage',
      'vedtak.barn.2.tilbud: må være en av BARNEHAGE, SFO',
      'vedtak.barn.2.prisPerMaaned: må være kroner med høyst to desimaler, som 1234 eller 1234.50',
      'vedtak.barn.2.oppholdstimerPerUke: må være flere enn 0 timer',
      'vedtak.barn.3.oppholdstimerPerUke: kan ha høyst to desimaler',
      'vedtak.barn.3.trinn: må være et årstrinn fra 1 til 7',
      expect.stringMatching(/^vedtak\.barn\.4: .*ukjent/),
      'vedtak.sone: må være en av ORDINAER, SENTRALITET_5_6, INNSATSSONE',
    ]);
  });

  it('needs at least one child, and no child born after the date', () => {
    expect(feltfeil(paa({ barn: [] }))).toEqual([
      'vedtak.barn: minst ett barn med plass i barnehage eller SFO',
    ]);
    expect(feltfeil(paa({}))).toEqual(['vedtak.barn: må være en liste over barna med plass']);
    expect(feltfeil(paa({ barn: [barnehage('2024-09-02', 1200)] }))).toEqual([
      'vedtak.barn.0.foedselsdato: er etter beregningsdatoen (2024-09-01)',
    ]);
  });

  it('names a bad municipal setting', () => {
    expect(
      feltfeil(() =>
        beregn({
          dato: '2024-09-01',
          barn: [barnehage('2023-01-01', 1)],
          innstillinger: { sfoBetalingsmaaneder: 13 },
        }),
      ).map((f) => f.split(':')[0]),
    ).toEqual(['kommuneinnstillinger.BARNEHAGE_SFO.sfoBetalingsmaaneder']);
  });
});

describe('issue 17: what the law text corrects', () => {
  const linjetekster = (r: ReturnType<typeof beregn>): string[] => {
    const ut: string[] = [];
    const gaa = (ls: Array<{ tekst: string; hjemmel?: string; linjer?: unknown[] }>) => {
      for (const l of ls) {
        ut.push(l.hjemmel ? `${l.tekst} [${l.hjemmel}]` : l.tekst);
        gaa((l.linjer ?? []) as typeof ls);
      }
    };
    gaa(r.tabell.linjer);
    return ut;
  };

  describe('the zone is the municipality’s setting, and a vedtak may name another', () => {
    const ettaaring = barnehage('2024-12-01', 1200);
    it('takes the zone from kommuneinnstillingen sone (default ORDINAER)', () => {
      const standard = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(1_000_000),
        barn: [ettaaring],
      });
      expect(priser(standard)).toEqual([1200]);
      expect(fb(standard)).toMatchObject({ sone: 'ORDINAER', soneFra: 'KOMMUNEINNSTILLING' });
      const sone56 = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(1_000_000),
        barn: [ettaaring],
        innstillinger: { sone: 'SENTRALITET_5_6' },
      });
      expect(priser(sone56)).toEqual([700]);
      expect(fb(sone56)).toMatchObject({ sone: 'SENTRALITET_5_6', soneFra: 'KOMMUNEINNSTILLING' });
      const innsats = beregn({
        dato: '2026-09-01',
        inntektsaar: 2025,
        soeker: lonn(1_000_000),
        barn: [ettaaring],
        innstillinger: { sone: 'INNSATSSONE' },
      });
      expect(priser(innsats)).toEqual([0]);
    });

    it('lets a vedtak name the zone of a place in another municipality', () => {
      const r = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(1_000_000),
        barn: [ettaaring],
        sone: 'ORDINAER',
        innstillinger: { sone: 'SENTRALITET_5_6' },
      });
      expect(priser(r)).toEqual([1200]);
      expect(fb(r)).toMatchObject({ sone: 'ORDINAER', soneFra: 'VEDTAK' });
      expect(linjetekster(r).find((l) => l.startsWith('Prissone'))).toMatch(
        /^Prissone for barnehage: ordinær sone \(oppgitt i vedtaket\)/,
      );
    });
  });

  describe('the kjernetid limit is looked up only where § 3c needs it', () => {
    const treaaring = barnehage('2022-05-01', 1200, 41);

    it('uses the limit from 1 August 2025 (669 050, one municipal source) strictly below it', () => {
      // 1 200 is below 6 % of either income / 11; 20 of 41 hours free: 1 200 × 21/41 = 614.63, down to 614.
      const med = (inntekt: number) =>
        beregn({ dato: '2025-09-01', inntektsaar: 2024, soeker: lonn(inntekt), barn: [treaaring] });
      expect(priser(med(669_050))).toEqual([1200]);
      expect(priser(med(669_049))).toEqual([614]);
      expect(fb(med(669_049)).inntektsgrenser.gratisKjernetid).toBe(669_050);
    });

    it('refuses a case that needs the missing limit, naming the table and how to add the value', () => {
      for (const dato of ['2026-08-01', '2026-09-01']) {
        let feil: unknown;
        try {
          beregn({ dato, inntektsaar: 2024, soeker: lonn(1_000_000), barn: [treaaring] });
        } catch (e) {
          feil = e;
        }
        expect(feil).toBeInstanceOf(UtenforDekning);
        expect((feil as UtenforDekning).tabell).toBe('foreldrebetaling.kjernetidInntektsgrense');
        expect((feil as Error).message).toMatch(/31\. juli 2026/);
        expect((feil as Error).message).toContain('docs/drift.md, «Nye satser»');
      }
    });

    it('computes the fee when the household has not applied for gratis kjernetid (§ 3d første ledd)', () => {
      const r = beregn({
        dato: '2026-09-01',
        inntektsaar: 2025,
        soeker: lonn(1_000_000),
        barn: [treaaring],
        soeknad: { soektGratisKjernetid: false },
      });
      expect(priser(r)).toEqual([1200]);
      expect(fb(r).inntektsgrenser.gratisKjernetid).toBeNull();
      expect(linjetekster(r)).toContain(
        'Gratis kjernetid: husholdningen har ikke søkt [forskrift om foreldrebetaling i barnehager § 3d første ledd]',
      );
      expect(r.regelverk.satser.map((x) => x.tabell)).not.toContain(
        'foreldrebetaling.kjernetidInntektsgrense',
      );
    });

    it('computes the fee of a child not yet in the age range, and of a child whose price is 0, in 2026', () => {
      const ettaaring = beregn({
        dato: '2026-09-01',
        inntektsaar: 2025,
        soeker: lonn(300_000),
        barn: [barnehage('2025-01-15', 1200, 41)],
      });
      // 6 % × 300 000 / 11 = 1 636.36 is above 1 200: the maksimalpris is the price.
      expect(priser(ettaaring)).toEqual([1200]);
      const tredjeBarn = beregn({
        dato: '2026-09-01',
        inntektsaar: 2025,
        soeker: lonn(1_000_000),
        soeknad: { soektGratisKjernetid: false },
        barn: [
          barnehage('2021-03-01', 1200, 41),
          barnehage('2022-03-01', 1200, 41),
          barnehage('2023-03-01', 1200, 41),
        ],
      });
      expect(priser(tredjeBarn)).toEqual([1200, 840, 0]);
    });
  });

  it('skips the 6 % rule when the household has not applied for it (barnehage and SFO)', () => {
    const ettaaring = barnehage('2024-01-01', 2000);
    const soekt = beregn({ dato: '2024-09-01', soeker: lonn(300_000), barn: [ettaaring, sfo(4, 3000)] });
    // 6 % × 300 000 / 11 = 1 636.36
    expect(priser(soekt)).toEqual([1636, 1636]);
    const ikke = beregn({
      dato: '2024-09-01',
      soeker: lonn(300_000),
      barn: [ettaaring, sfo(4, 3000)],
      soeknad: { soektRedusertForeldrebetaling: false },
    });
    expect(priser(ikke)).toEqual([2000, 3000]);
    expect(fb(ikke).barn.map((b) => b.inntektsgrenseSeksProsent)).toEqual([null, null]);
    expect(linjetekster(ikke)).toContain(
      '6 %-regelen: husholdningen har ikke søkt om redusert foreldrebetaling [forskrift om foreldrebetaling i barnehager § 3d første ledd]',
    );
  });

  describe('§ 3a: the regulation’s sibling order is the floor', () => {
    // Two children under the kjernetid age; income far above the 6 % limit.
    const eldsteBillig = [barnehage('2024-01-01', 600), barnehage('2024-06-01', 1200)];

    it('uses the regulation’s order, and says so, where the municipality’s would give the family less', () => {
      // Oldest first: 600 + 1 200 × 0.7 = 1 440. Youngest first: 1 200 + 600 × 0.7 = 1 620.
      for (const soeskenrekkefoelge of ['YNGSTE_FOERST', 'HOEYESTE_PRIS_FOERST']) {
        const r = beregn({
          dato: '2025-09-01',
          inntektsaar: 2024,
          soeker: lonn(1_000_000),
          barn: eldsteBillig,
          innstillinger: { soeskenrekkefoelge },
        });
        expect(priser(r)).toEqual([600, 840]);
        expect(fb(r).soeskenrekkefoelge).toBe('ELDSTE_FOERST');
        expect(fb(r).barn.map((b) => b.soeskennummer)).toEqual([1, 2]);
        const advarsel = r.advarsler.find((a) => a.kode === 'SOESKENREKKEFOELGE_FORSKRIFTEN');
        expect(advarsel?.melding).toMatch(/1\s620,00 mot 1\s440,00/);
        expect(linjetekster(r)).toContain(
          'Søskenrekkefølge: eldste barn først (forskriftens) [forskrift om foreldrebetaling i barnehager § 3a første ledd]',
        );
      }
    });

    it('uses the municipality’s order where it gives the family more', () => {
      // Youngest first: 600 + 1 200 × 0.7 = 1 440; oldest first: 1 200 + 600 × 0.7 = 1 620.
      const r = beregn({
        dato: '2025-09-01',
        inntektsaar: 2024,
        soeker: lonn(1_000_000),
        barn: [barnehage('2024-01-01', 1200), barnehage('2024-06-01', 600)],
        innstillinger: { soeskenrekkefoelge: 'YNGSTE_FOERST' },
      });
      expect(priser(r)).toEqual([840, 600]);
      expect(fb(r).soeskenrekkefoelge).toBe('YNGSTE_FOERST');
      expect(r.advarsler.map((a) => a.kode)).not.toContain('SOESKENREKKEFOELGE_FORSKRIFTEN');
    });

    it('keeps the family sum never above the regulation’s, whatever the order', () => {
      for (const soeskenrekkefoelge of ['ELDSTE_FOERST', 'YNGSTE_FOERST', 'HOEYESTE_PRIS_FOERST']) {
        const r = beregn({
          dato: '2024-09-01',
          soeker: lonn(250_000),
          barn: [barnehage('2023-05-01', 900), barnehage('2023-09-01', 2000), barnehage('2024-02-01', 1500)],
          innstillinger: { soeskenrekkefoelge },
        });
        const forskriften = beregn({
          dato: '2024-09-01',
          soeker: lonn(250_000),
          barn: [barnehage('2023-05-01', 900), barnehage('2023-09-01', 2000), barnehage('2024-02-01', 1500)],
        });
        expect(fb(r).sumPerMaaned).toBeLessThanOrEqual(fb(forskriften).sumPerMaaned);
      }
    });
  });

  describe('SFO: free for pupils with særlege behov on 5.–7. trinn (§ 2-3)', () => {
    const sjette = (saerlegeBehov?: boolean) => ({
      ...sfo(6, 3000),
      ...(saerlegeBehov === undefined ? {} : { saerlegeBehov }),
    });

    it('makes the place free when the vedtak says so, and charges it in full when it says not', () => {
      const fri = beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [sjette(true)] });
      expect(priser(fri)).toEqual([0]);
      expect(fb(fri).barn[0]?.reduksjoner).toEqual([
        { regel: 'SFO_SAERLEGE_BEHOV', beloep: 3000, hjemmel: 'opplæringsforskrifta § 2-3 første ledd' },
      ]);
      expect(fri.advarsler.map((a) => a.kode)).not.toContain('SFO_SAERSKILTE_BEHOV');
      const full = beregn({ dato: '2024-09-01', soeker: lonn(400_000), barn: [sjette(false)] });
      expect(priser(full)).toEqual([3000]);
      expect(full.advarsler.map((a) => a.kode)).not.toContain('SFO_SAERSKILTE_BEHOV');
    });

    it('cites § 1B-3 from 1 August 2020, and had no such rule before', () => {
      const r2021 = beregn({
        dato: '2021-09-01',
        inntektsaar: 2020,
        soeker: lonn(400_000),
        barn: [sjette(true)],
      });
      expect(fb(r2021).barn[0]?.reduksjoner[0]?.hjemmel).toBe(
        'forskrift til opplæringslova § 1B-3 første ledd',
      );
      const r2020 = beregn({
        dato: '2020-03-01',
        inntektsaar: 2019,
        soeker: lonn(400_000),
        barn: [sjette(true)],
      });
      expect(priser(r2020)).toEqual([3000]);
    });

    it('refuses the fact for a barnehage place', () => {
      expect(
        feltfeil(() =>
          beregn({
            dato: '2024-09-01',
            soeker: lonn(400_000),
            barn: [{ ...barnehage('2022-01-01', 1000, 41), saerlegeBehov: true }],
          }),
        ),
      ).toEqual(['vedtak.barn.0.saerlegeBehov: gjelder bare SFO, ikke barnehage']);
    });
  });

  it('SFO from 1 August 2026: 12 free hours as a right in opplæringslova § 4-5 andre ledd', () => {
    // 6 % × 1 000 000 / 11 is far above the price; 12 of 20 hours free: 3 000 × 8/20 = 1 200.
    const r = beregn({
      dato: '2026-09-01',
      inntektsaar: 2025,
      soeker: lonn(1_000_000),
      barn: [sfo(2, 3000, 20)],
    });
    expect(priser(r)).toEqual([1200]);
    expect(fb(r).barn[0]?.reduksjoner).toEqual([
      { regel: 'SFO_GRATISTIMER', beloep: 1800, hjemmel: 'opplæringslova § 4-5 andre ledd' },
    ]);
  });

  it('cites the old § 3 for dates before 28 February 2020', () => {
    const r = beregn({
      dato: '2019-09-01',
      inntektsaar: 2019,
      soeker: lonn(200_000),
      barn: [barnehage('2018-10-01', 3040), barnehage('2019-03-01', 3040)],
    });
    expect(fb(r).barn[0]?.reduksjoner.map((x) => x.hjemmel)).toEqual([
      'forskrift om foreldrebetaling i barnehager § 3',
    ]);
    expect(linjetekster(r)).toContain(
      'Husholdningens samlede inntekt [forskrift om foreldrebetaling i barnehager § 3]',
    );
    const etter = beregn({
      dato: '2020-03-01',
      inntektsaar: 2019,
      soeker: lonn(200_000),
      barn: [sfo(1, 3000)],
    });
    expect(linjetekster(etter)).toContain('Husholdningens samlede inntekt');
  });
});
