import {
  type Beregningsresultat,
  beregnMedPoster,
  type EnhverBeregner,
  type Foresporsel,
  foresporselSkjema,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import type { Kilder } from '@inntektsgrunnlag/kilder';
import type { Beregningstabell } from '@inntektsgrunnlag/regelverk';
import type { InlineKontekst } from './beregnInline.js';
import { type Henteinnstillinger, hentGrunnlag } from './hentGrunnlag.js';
import { beregnerFor } from './register.js';

export interface OppslagKontekst extends InlineKontekst {
  /** Where persons without inline posts are fetched from (the embedded population by default in the apps). */
  kilder: Kilder;
  hentevalg?: Henteinnstillinger;
}

/**
 * A beregning where persons without inline `poster` are fetched from the sources: validate, check the
 * year and the person types before any lookup (nothing is fetched for a request that will be refused),
 * fetch, calculate. The fetch step's warnings are added to the result's.
 */
export async function beregn(
  raa: unknown,
  k: OppslagKontekst,
): Promise<{ resultat: Beregningsresultat; tabell: Beregningstabell }> {
  const foresporsel = valider(foresporselSkjema, raa);
  const beregner = beregnerFor(foresporsel.beregningstype);
  // Before any lookup: nothing is fetched for a request that will be refused. (A request with every
  // post inline is checked by beregnMedPoster alone, as before.)
  if (foresporsel.personer.some((p) => p.poster === undefined)) forhaandskontroll(foresporsel, beregner);
  const hentet = await hentGrunnlag(foresporsel, beregner, k.kilder, k.hentevalg);
  const r = beregnMedPoster({
    beregner,
    foresporsel,
    personer: hentet.personer,
    regelverk: k.regelverk,
    innstillinger: k.innstillinger[foresporsel.beregningstype],
    idag: k.idag,
  });
  r.resultat.advarsler.push(...hentet.advarsler);
  return r;
}

/** The year and person-type checks of beregnMedPoster, made before fetching. */
function forhaandskontroll(foresporsel: Foresporsel, beregner: EnhverBeregner): void {
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
