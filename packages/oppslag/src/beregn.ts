import { type EnhverBeregner, type Foresporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';

/**
 * The year and person-type checks of beregnMedPoster, made before fetching: nothing is fetched for a
 * request that will be refused.
 */
export function forhaandskontroll(foresporsel: Foresporsel, beregner: EnhverBeregner): void {
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
}
