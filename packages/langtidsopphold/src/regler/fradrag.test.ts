import { Beloep } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import { BEREGNET_SKATT, beregn, gruppe, PARTNER_ID } from '../testhjelp.js';
import { boutgiftfradrag, forsoergerfradrag } from './fradrag.js';

const kr = (n: number | string) => Beloep.kroner(typeof n === 'number' ? n : n);

describe('forsørgerfradrag (§ 5, number unverified)', () => {
  it('is the tenkt etterlattepensjon less the partner’s own income, never below zero', () => {
    expect(forsoergerfradrag(kr(250_000), kr(100_000)).beloep.toJSON()).toBe('150000');
    expect(forsoergerfradrag(kr(0), kr(146_222)).beloep.toJSON()).toBe('0');
  });

  it('counts the partner’s work, pension and business income, not the partner’s capital by default', () => {
    const partner = {
      poster: {
        samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt: 60_000,
        alderspensjonFraFolketrygden: 40_000,
        samledeOpptjenteRenterIInnenlandskeBanker: 10_000,
        [BEREGNET_SKATT]: 99_999,
      },
      ekstra: { 'kommune.tenktEtterlattePensjon': 250_000 },
    };
    const soeker = { alderspensjonFraFolketrygden: 400_000, [BEREGNET_SKATT]: 80_000 };
    const standard = beregn({ soeker, partner }).resultat;
    expect(gruppe(standard.fradrag, 'forsorgerfradrag')).toBe(150_000);
    expect(standard.beregningsbeloep).toBe(400_000 - 80_000 - 150_000);
    expect(standard.mellomregninger.map((g) => [g.tekniskNavn, g.beloep])).toContainEqual([
      'mellomregningPaarorende',
      100_000,
    ]);
    // The partner's income and tax never enter the basis itself.
    expect(standard.inntekt.perPerson.map((p) => p.identifikator)).not.toContain(PARTNER_ID);
    expect(standard.fradrag.grupper.flatMap((g) => g.poster.map((p) => p.identifikator))).not.toContain(
      PARTNER_ID,
    );

    const medKapital = beregn({ soeker, partner }, { partnerensKapitalinntekt: 'MEDREGNES' }).resultat;
    expect(gruppe(medKapital.fradrag, 'forsorgerfradrag')).toBe(140_000);
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
