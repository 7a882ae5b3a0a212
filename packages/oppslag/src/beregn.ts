import {
  type EnhverBeregner,
  type Foresporsel,
  KontrollertVedtak,
  Valideringsfeil,
} from '@inntektsgrunnlag/beregning';

/**
 * The year, person-type and vedtak checks of beregnMedPoster, made before fetching: nothing is fetched
 * for a request that will be refused. `vedtak: false` skips the vedtak check (a request that is to
 * give the basis without the fee). Returns the validated vedtak, for beregnMedPoster to use instead of
 * parsing it a second time.
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
  const typer = new Set(beregner.persontyper);
  const feil = foresporsel.personer.flatMap((p, i) =>
    typer.has(p.type)
      ? []
      : [
          {
            felt: `personer.${i}.type`,
            melding: `${p.type} brukes ikke for ${beregner.beregningstype}; tillatt: ${beregner.persontyper.join(', ')}`,
          },
        ],
  );
  if (feil.length > 0) throw new Valideringsfeil(feil);
  return valg.vedtak !== false ? KontrollertVedtak.kontroller(beregner, foresporsel) : undefined;
}
