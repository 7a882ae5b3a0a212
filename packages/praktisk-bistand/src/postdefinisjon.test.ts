import {
  KATALOGAAR,
  katalogFor,
  posterUtenforKatalog,
  postnavnIDefinisjon,
} from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import { beregner } from './beregner.js';
import { POSTDEFINISJON, UTELATTE_POSTER } from './postdefinisjon.js';

/** Gains, losses and oppjusteringer: the posts the KS definition takes out of (or back into) the basis. */
const GEVINST_TAP_OPPJUSTERING = /gevinst|Gevinst|^tap|Tap[A-Z]|oppjustert/;

describe('the post definition', () => {
  it('names only posts that exist in each year’s catalogue', () => {
    expect(posterUtenforKatalog(POSTDEFINISJON)).toEqual([]);
  });

  it('covers every income year the catalogue has from 2018, 2018–2025', () => {
    expect(POSTDEFINISJON.fraOgMedAar).toBe(2018);
    expect(POSTDEFINISJON.tilOgMedAar).toBe(2025);
    expect(KATALOGAAR).toEqual(expect.arrayContaining([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]));
  });

  it('leaves 2017 out: its list has no «alminnelig inntekt før særfradrag», the basis of the definition', () => {
    expect(katalogFor(2017).har('alminneligInntektFoerSaerfradrag')).toBe(false);
    expect(katalogFor(2018).har('alminneligInntektFoerSaerfradrag')).toBe(true);
  });

  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])(
    '%i: every gain, loss and oppjustering post of the catalogue is counted or excluded with a reason',
    (aar) => {
      const navn = postnavnIDefinisjon(POSTDEFINISJON, aar);
      const uavklart = katalogFor(aar)
        .ssgPoster()
        .map((p) => p.tekniskNavn)
        .filter((n) => GEVINST_TAP_OPPJUSTERING.test(n))
        .filter((n) => !navn.has(n) && !(n in UTELATTE_POSTER));
      expect(uavklart).toEqual([]);
    },
  );

  it('excludes only posts that exist in some year, and never also counts them', () => {
    for (const [navn, grunn] of Object.entries(UTELATTE_POSTER)) {
      expect(grunn.length).toBeGreaterThan(20);
      expect(KATALOGAAR.some((aar) => katalogFor(aar).har(navn))).toBe(true);
      for (let aar = 2018; aar <= 2025; aar++)
        expect(postnavnIDefinisjon(POSTDEFINISJON, aar).has(navn)).toBe(false);
    }
  });

  it('follows Skatteetaten’s renamed posts: the fondskonto loss post changed its spelling in 2022', () => {
    expect(
      postnavnIDefinisjon(POSTDEFINISJON, 2021).has('tapVedRealisajonAvOgUttakFraAksjedelIFondskonto'),
    ).toBe(true);
    expect(
      postnavnIDefinisjon(POSTDEFINISJON, 2022).has('tapVedRealisasjonAvOgUttakFraAksjedelIFondskonto'),
    ).toBe(true);
    expect(
      postnavnIDefinisjon(POSTDEFINISJON, 2023).has(
        'oppjustertTilleggTilAndelIFellesTilleggIAlminneligInntektFraSDF',
      ),
    ).toBe(true);
  });

  it('accepts as extra posts exactly the NAV and municipal posts it counts', () => {
    const ekstra = beregner.ekstraposter.map((e) => e.tekniskNavn).sort();
    const iDefinisjon = [...postnavnIDefinisjon(POSTDEFINISJON, 2024)]
      .filter((n) => /^(nav|kommune)\./.test(n))
      .sort();
    expect(ekstra).toEqual(iDefinisjon);
  });
});
