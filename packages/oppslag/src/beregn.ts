import {
  type EnhverBeregner,
  type Foresporsel,
  KontrollertVedtak,
  kontrollerPersoner,
  Valideringsfeil,
} from '@inntektsgrunnlag/beregning';

/**
 * The year, person (types, extra posts and who may have them, one partner) and vedtak checks of
 * beregnMedPoster, made before fetching: nothing is fetched for a request that will be refused.
 * `vedtak: false` skips the vedtak check (a request that is to give the basis without the fee).
 * Returns the validated vedtak, for beregnMedPoster to use instead of parsing it a second time.
 */
export function forhaandskontroll(
  foresporsel: Foresporsel,
  beregner: EnhverBeregner,
  valg: { vedtak?: boolean } = {},
): KontrollertVedtak | undefined {
  const { fraOgMedAar, tilOgMedAar } = beregner.postdefinisjon;
  if (foresporsel.inntektsaar < fraOgMedAar || foresporsel.inntektsaar > tilOgMedAar) {
    throw new Valideringsfeil([
      {
        felt: 'inntektsaar',
        melding: `${beregner.beregningstype} er definert for inntektsårene ${fraOgMedAar}–${tilOgMedAar}`,
      },
    ]);
  }
  kontrollerPersoner(beregner, foresporsel);
  return valg.vedtak !== false ? KontrollertVedtak.kontroller(beregner, foresporsel) : undefined;
}
