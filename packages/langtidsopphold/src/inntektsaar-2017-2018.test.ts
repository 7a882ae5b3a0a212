import { describe, expect, it } from 'vitest';
import { BEREGNET_SKATT, beregn, gruppe } from './testhjelp.js';

/**
 * Income years 2017 and 2018 (issue 17 item 7): a case decided in 2018 or 2019 recomputed on the posts
 * Skatteetaten's lists name for those years (packages/skattegrunnlag/data/poster-2017.tsv, -2018.tsv).
 * Worked examples, the arithmetic written out.
 */

describe('income year 2017, decided 1 June 2018', () => {
  const { resultat } = beregn({
    inntektsaar: 2017,
    beregningsdato: '2018-06-01',
    soeker: {
      samletPensjonFraFolketrygden: 200_000,
      // 2017's names: renter i utenlandsk bank, utbytte på aksjer i VPS, skjermingsfradrag.
      samletOpptjenteRenterIUtlandskeBanker: 1_000,
      samledeOpptjenteRenterIInnenlandskeBanker: 2_000,
      skattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen: 3_000,
      samletSkjermingsfradrag: 500,
      samledePaaloepteRenter: 4_000,
      [BEREGNET_SKATT]: 40_000,
    },
  });

  it('counts the pension, the interest and the dividend by their 2017 names, not the skjermingsfradrag', () => {
    // 200 000 pension + (1 000 + 2 000) interest + 3 000 dividend = 206 000; the skjermingsfradrag (500)
    // only lowers the tax on the dividend.
    expect(gruppe(resultat.inntekt, 'pensjonOgTrygdeytelser')).toBe(200_000);
    expect(gruppe(resultat.inntekt, 'renteinntekt')).toBe(3_000);
    expect(gruppe(resultat.inntekt, 'avkastningFormue')).toBe(3_000);
    expect(resultat.inntekt.beloep).toBe(206_000);
    expect(resultat.advarsler.map((a) => a.kode)).not.toContain('UKJENT_POST');
  });

  it('deducts the tax and the interest on debt', () => {
    // 40 000 tax + 4 000 interest on debt = 44 000.
    expect(gruppe(resultat.fradrag, 'skatt')).toBe(40_000);
    expect(resultat.fradrag.beloep).toBe(44_000);
  });
});

describe('income year 2018, decided 1 June 2019', () => {
  it('counts 2018’s name for fishing income, and not 2017’s (unknown in 2018: warned, not counted)', () => {
    const { resultat } = beregn({
      inntektsaar: 2018,
      beregningsdato: '2019-06-01',
      soeker: { inntektFraLottEllerPartTilFiskerOgFangstmann: 50_000, samletLottinntekt: 7_000 },
    });
    // 50 000 under 2018's name; 2017's name is not in 2018's list.
    expect(gruppe(resultat.inntekt, 'arbeidsinntekt')).toBe(50_000);
    expect(resultat.inntekt.beloep).toBe(50_000);
    expect(resultat.advarsler.map((a) => a.kode)).toContain('UKJENT_POST');
  });
});
