import {
  type Beregningsresultat,
  beregnMedPoster,
  foresporselSkjema,
  personerFraForesporsel,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import type { Beregningstabell, IsoDato, Regelverk } from '@inntektsgrunnlag/regelverk';
import type { Kommuneinnstillinger } from './kommuneinnstillinger.js';
import { beregnerFor } from './register.js';

export interface InlineKontekst {
  regelverk: Regelverk;
  innstillinger: Kommuneinnstillinger;
  idag: IsoDato;
}

/**
 * A beregning where every person's posts are given in the request: no lookup, no access control
 * beyond the caller's. (The full use case with lookup, access control and audit is `utfoerOppslag`.)
 */
export function beregnInline(
  raa: unknown,
  k: InlineKontekst,
): { resultat: Beregningsresultat; tabell: Beregningstabell } {
  const foresporsel = valider(foresporselSkjema, raa);
  const utenPoster = foresporsel.personer.findIndex((p) => p.poster === undefined);
  if (utenPoster >= 0) {
    throw new Valideringsfeil([
      {
        felt: `personer.${utenPoster}.poster`,
        melding: 'mangler: uten oppslag må hver person ha postene sine i forespørselen',
      },
    ]);
  }
  const beregner = beregnerFor(foresporsel.beregningstype);
  return beregnMedPoster({
    beregner,
    foresporsel,
    personer: personerFraForesporsel(foresporsel),
    regelverk: k.regelverk,
    innstillinger: k.innstillinger[foresporsel.beregningstype],
    idag: k.idag,
  });
}
