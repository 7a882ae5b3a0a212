import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { beregner } from './index.js';

/**
 * Income years 2017 and 2018 (issue 17 item 7): a barnehage decision of 2018 or 2019 recomputed on the
 * posts of Skatteetaten's lists of those years, which name several posts otherwise than from 2019. A
 * worked example, the arithmetic written out.
 */

const post = (tekniskNavn: string, beloep: number) => ({ tekniskNavn, beloep });
const sak = (inntektsaar: number, beregningsdato: string, poster: unknown[]) =>
  beregnForesporsel(
    beregner,
    {
      beregningstype: 'BARNEHAGE_SFO',
      inntektsaar,
      beregningsdato,
      personer: [{ identifikator: '17868510013', type: 'SOEKER', poster }],
      vedtak: {
        barn: [
          { tilbud: 'BARNEHAGE', foedselsdato: '2016-12-01', prisPerMaaned: 2910, oppholdstimerPerUke: 41 },
        ],
      },
    },
    { idag: '2026-11-27' },
  );
const inntekt = (r: ReturnType<typeof sak>) =>
  (r.foreldrebetaling as { husholdningensInntekt: number }).husholdningensInntekt;

describe('income year 2017, decided 1 August 2018', () => {
  it('counts wages, 2017’s names for fishing income and foreign bank interest, and a 2017 dividend; not the oppjustering', () => {
    const r = sak(2017, '2018-08-01', [
      post('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', 300_000),
      post('samletLottinntekt', 40_000),
      post('samletOpptjenteRenterIUtlandskeBanker', 1_000),
      post('skattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen', 5_000),
      post('oppjustertTilleggTilSkattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen', 1_200),
      // Not income under § 3d: the skjermingsfradrag (2017's name) and the surplus of a business (its
      // personinntekt counts instead).
      post('samletSkjermingsfradrag', 800),
      post('samletOverskuddAvEnkeltpersonforetakInnenReindrift', 9_000),
    ]);
    // 300 000 wages + 40 000 fishing + 1 000 interest + 5 000 dividend = 346 000.
    expect(inntekt(r)).toBe(346_000);
    expect(r.advarsler.map((a) => a.kode)).not.toContain('UKJENT_POST');
  });
});

describe('income year 2018, decided 1 August 2019', () => {
  it('counts 2018’s gain on shares, and warns when the 2018 sum post stands beside it', () => {
    const r = sak(2018, '2019-08-01', [
      post('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', 300_000),
      post('skattepliktigAksjegevinst', 10_000),
    ]);
    // 300 000 wages + 10 000 gain (gross capital income) = 310 000.
    expect(inntekt(r)).toBe(310_000);
    const begge = sak(2018, '2019-08-01', [
      post('skattepliktigAksjegevinst', 10_000),
      post('gevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel', 10_000),
    ]);
    expect(begge.advarsler.map((a) => a.kode)).toContain('MULIG_DOBBELTTELLING');
  });
});
