import { Beloep } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import { BEREGNET_SKATT, beregn, gruppe, PARTNER_ID } from '../testhjelp.js';
import { boutgiftfradrag, forsoergerfradrag, pensjonsfradrag } from './fradrag.js';

const kr = (n: number | string) => Beloep.kroner(typeof n === 'number' ? n : n);

describe('forsørgerfradrag (§ 5 andre ledd)', () => {
  it('is the tenkt etterlattepensjon less the partner’s own income, never below zero', () => {
    expect(forsoergerfradrag(kr(250_000), kr(100_000)).beloep.toJSON()).toBe('150000');
    expect(forsoergerfradrag(kr(0), kr(146_222)).beloep.toJSON()).toBe('0');
  });

  it('is reduced krone for krone by the partner’s work income and pension from folketrygden only', () => {
    const partner = {
      poster: {
        samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt: 60_000,
        alderspensjonFraFolketrygden: 40_000,
        // Not «arbeidsinntekt» or «pensjon fra folketrygden»: they do not reduce the fradrag.
        samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg: 30_000,
        samledeOpptjenteRenterIInnenlandskeBanker: 10_000,
        [BEREGNET_SKATT]: 99_999,
      },
      ekstra: { 'kommune.tenktEtterlattePensjon': 250_000 },
    };
    const soeker = { alderspensjonFraFolketrygden: 400_000, [BEREGNET_SKATT]: 80_000 };
    const standard = beregn({ soeker, partner }).resultat;
    // 250 000 − (60 000 + 40 000) = 150 000.
    expect(gruppe(standard.fradrag, 'forsorgerfradrag')).toBe(150_000);
    // § 5 tredje ledd: 50 % × 400 000 = 200 000. Basis: 400 000 − 80 000 − 150 000 − 200 000 = −30 000.
    expect(gruppe(standard.fradrag, 'halvpartenAvPensjonene')).toBe(200_000);
    expect(standard.beregningsbeloep).toBe(400_000 - 80_000 - 150_000 - 200_000);
    expect(standard.mellomregninger.map((g) => [g.tekniskNavn, g.beloep])).toContainEqual([
      'mellomregningPaarorende',
      100_000,
    ]);
    // The partner's income and tax never enter the basis itself.
    expect(standard.inntekt.perPerson.map((p) => p.identifikator)).not.toContain(PARTNER_ID);
    expect(standard.fradrag.grupper.flatMap((g) => g.poster.map((p) => p.identifikator))).not.toContain(
      PARTNER_ID,
    );
  });

  it('refuses the removed setting that counted the partner’s capital, naming the rule', () => {
    expect(() =>
      beregn({ soeker: { alderspensjonFraFolketrygden: 1 } }, { partnerensKapitalinntekt: 'MEDREGNES' }),
    ).toThrow(/partnerensKapitalinntekt: .*§ 5 andre ledd/);
  });

  it('warns when the resident has a partner but no tenkt etterlattepensjon is given', () => {
    const { resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000 },
      partner: { type: 'SAMBOER', poster: {} },
    });
    expect(resultat.advarsler.map((a) => a.kode)).toContain('TENKT_ETTERLATTEPENSJON_MANGLER');
  });

  it('refuses a tenkt etterlattepensjon on the resident, naming the field', () => {
    expect(() =>
      beregn({
        soeker: { alderspensjonFraFolketrygden: 1 },
        soekerEkstra: { 'kommune.tenktEtterlattePensjon': 1 },
      }),
    ).toThrow(/personer\.0\.ekstraposter\.0\.tekniskNavn: .*ektefelle/);
  });
});

describe('boutgifter (local practice under § 5)', () => {
  it('deducts the monthly cost for at most the municipality’s months, at its share, rounded up to øre', () => {
    expect(boutgiftfradrag(kr(8_000), undefined, 3, 100).beloep.toJSON()).toBe('24000');
    expect(boutgiftfradrag(kr(8_000), 2, 3, 100).beloep.toJSON()).toBe('16000');
    expect(boutgiftfradrag(kr(8_000), 6, 3, 100).beloep.toJSON()).toBe('24000');
    expect(boutgiftfradrag(kr('1234.57'), 3, 3, 85).beloep.toJSON()).toBe('3148.16'); // 3 148.1535
    expect(boutgiftfradrag(kr(8_000), undefined, 0, 100).beloep.toJSON()).toBe('0');
  });

  it('applies the settings and the vedtak through the product', () => {
    const f = {
      soeker: { alderspensjonFraFolketrygden: 400_000 },
      soekerEkstra: { 'kommune.boutgifter': 10_000 },
      vedtak: { boutgifterAntallMaaneder: 5 },
    };
    expect(gruppe(beregn(f).resultat.fradrag, 'boutgifter')).toBe(30_000);
    const seks = beregn(f, { boutgifterMaksAntallMaaneder: 6, boutgifterAndelProsent: 85 }).resultat;
    expect(gruppe(seks.fradrag, 'boutgifter')).toBe(42_500);
    expect(seks.beregningsbeloep).toBe(357_500);
  });
});

describe('skjønnsmessige fradrag', () => {
  it('deducts the case worker’s amount under its own text', () => {
    const { resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 400_000 },
      soekerEkstra: { 'kommune.skjoennsmessigeFradrag': 12_000 },
    });
    expect(gruppe(resultat.fradrag, 'skjoennsmessigeFradrag')).toBe(12_000);
    expect(resultat.beregningsbeloep).toBe(388_000);
  });
});

/**
 * § 5 tredje ledd, worked examples as data (income year 2024, beregningsdato 2024-06-01). The resident
 * has alderspensjon 250 000, tjenestepensjon («Andre pensjoner») 100 000, interest 5 000 and tax 70 000:
 * income 355 000, after tax 285 000; pensions 350 000, half of them 175 000.
 */
const PENSJONIST = {
  alderspensjonFraFolketrygden: 250_000,
  samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg: 100_000,
  samledeOpptjenteRenterIInnenlandskeBanker: 5_000,
  [BEREGNET_SKATT]: 70_000,
};
const EKTEFELLE = {
  poster: { alderspensjonFraFolketrygden: 180_000 },
  ekstra: { 'kommune.tenktEtterlattePensjon': 200_000 },
};
const EKSEMPLER: ReadonlyArray<{
  navn: string;
  partner?: typeof EKTEFELLE;
  vedtak?: { forsoergerHjemme: boolean };
  forsoergerfradrag: number;
  halvpartenAvPensjonene: number;
  beregningsbeloep: number;
}> = [
  {
    // 200 000 − 180 000 = 20 000; 355 000 − 70 000 − 20 000 − 175 000 = 90 000.
    navn: 'a spouse at home: forsørgerfradrag and half the pensions',
    partner: EKTEFELLE,
    forsoergerfradrag: 20_000,
    halvpartenAvPensjonene: 175_000,
    beregningsbeloep: 90_000,
  },
  {
    // § 5 første ledd does not apply: 355 000 − 70 000 = 285 000.
    navn: 'no one at home: neither deduction',
    forsoergerfradrag: 0,
    halvpartenAvPensjonene: 0,
    beregningsbeloep: 285_000,
  },
  {
    // A child the resident supports (the vedtak's fact): 285 000 − 175 000 = 110 000.
    navn: 'a child at home (vedtak): half the pensions',
    vedtak: { forsoergerHjemme: true },
    forsoergerfradrag: 0,
    halvpartenAvPensjonene: 175_000,
    beregningsbeloep: 110_000,
  },
  {
    // The spouse is not at home (e.g. in an institution too): 285 000.
    navn: 'a spouse not at home (vedtak): neither deduction',
    partner: EKTEFELLE,
    vedtak: { forsoergerHjemme: false },
    forsoergerfradrag: 0,
    halvpartenAvPensjonene: 0,
    beregningsbeloep: 285_000,
  },
];

describe('half the resident’s pensions (§ 5 tredje ledd)', () => {
  it.each(EKSEMPLER.map((e) => [e.navn, e] as const))('%s', (_, e) => {
    const { resultat } = beregn({
      soeker: PENSJONIST,
      ...(e.partner ? { partner: e.partner } : {}),
      ...(e.vedtak ? { vedtak: e.vedtak } : {}),
    });
    expect(resultat.inntekt.beloep).toBe(355_000);
    expect(gruppe(resultat.fradrag, 'forsorgerfradrag')).toBe(e.forsoergerfradrag);
    expect(gruppe(resultat.fradrag, 'halvpartenAvPensjonene')).toBe(e.halvpartenAvPensjonene);
    expect(resultat.beregningsbeloep).toBe(e.beregningsbeloep);
    expect(resultat.mellomregninger.find((g) => g.tekniskNavn === 'pensjonerBeboer')?.beloep).toBe(350_000);
  });

  it('has its own line in the explanation, with its ledd', () => {
    const { resultat } = beregn({ soeker: PENSJONIST, partner: EKTEFELLE });
    const json = JSON.stringify(resultat.tabell);
    expect(json).toContain('Halvparten av beboerens pensjoner');
    expect(json).toContain('egenandelsforskriften § 5 tredje ledd');
    expect(json).toContain('50 % av pensjonene');
    const uten = JSON.stringify(beregn({ soeker: PENSJONIST }).resultat.tabell);
    expect(uten).toContain('Ikke fradrag for halvparten av beboerens pensjoner');
    expect(uten).toContain('§ 5 første ledd gjelder ikke');
  });

  it('gives the vederlag of the first example: 51 493 a year, limited by what the resident keeps', () => {
    // N = 90 000, G 124 028, fribeløp 10 000: 75 % × 80 000 = 60 000; the resident keeps at least
    // 25 % × 124 028 + 75 % × 10 000 = 38 507, so at most 90 000 − 38 507 = 51 493; per month 4 291.
    const { vederlag } = beregn({ soeker: PENSJONIST, partner: EKTEFELLE });
    expect(vederlag).toMatchObject({ perAar: 51_493, perMaaned: 4_291, begrensetAvMinstebeloep: true });
  });

  it('rounds the half up to whole øre (a deduction is never rounded against the resident)', () => {
    expect(pensjonsfradrag(kr('100000.01'), true, '').beloep.toJSON()).toBe('50000.01');
    expect(pensjonsfradrag(kr('100001'), true, '').beloep.toJSON()).toBe('50000.5');
    expect(pensjonsfradrag(kr('100001'), false, 'grunn').beloep.isZero()).toBe(true);
  });

  it('refuses a forsoergerHjemme that is not true or false, naming the field', () => {
    expect(() => beregn({ soeker: PENSJONIST, vedtak: { forsoergerHjemme: 'ja' } })).toThrow(
      /vedtak\.forsoergerHjemme: må være true eller false/,
    );
  });
});
