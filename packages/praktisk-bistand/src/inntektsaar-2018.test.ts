import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { beregner } from './beregner.js';
import { egenandelJsonSkjema } from './egenandel.js';

/**
 * Income year 2018 (issue 17 item 7): a case decided in 2019 recomputed on the posts of Skatteetaten's
 * 2018 list, whose gain, loss and oppjustering posts have other names than from 2019. A worked example,
 * the arithmetic written out; and 2017, whose list has no alminnelig inntekt, refused by name.
 */

const SOEKER = '23914510023';
const post = (tekniskNavn: string, beloep: number) => ({ tekniskNavn, beloep });
const foresporsel = (inntektsaar: number, poster: unknown[]) => ({
  beregningstype: 'PRAKTISK_BISTAND',
  inntektsaar,
  beregningsdato: '2019-06-01',
  personer: [{ identifikator: SOEKER, type: 'SOEKER', poster }],
});

describe('income year 2018', () => {
  it('takes gains, losses and their oppjustering out of alminnelig inntekt by their 2018 names', () => {
    const r = beregnForesporsel(
      beregner,
      foresporsel(2018, [
        post('alminneligInntektFoerSaerfradrag', 210_000),
        post('skattepliktigAksjegevinst', 20_000),
        post('oppjustertTilleggTilSkattepliktigAksjegevinst', 8_800),
        post('tapVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel', 5_000),
      ]),
      { idag: '2026-11-27' },
    );
    // 210 000 − 20 000 gain − 8 800 its oppjustering + 5 000 loss = 186 200.
    const e = egenandelJsonSkjema.parse(r.egenandel);
    expect(e.husstandensInntekt).toBe(186_200);
    expect(r.advarsler.map((a) => a.kode)).not.toContain('UKJENT_POST');
  });

  it('refuses income year 2017, naming the field and the years covered', () => {
    expect(() =>
      beregnForesporsel(
        beregner,
        foresporsel(2017, [post('sumInntekterIAlminneligInntektFoerFordelingsfradrag', 1)]),
        {
          idag: '2026-11-27',
        },
      ),
    ).toThrow(/inntektsaar: PRAKTISK_BISTAND er definert for inntektsårene 2018–2025/);
  });
});
