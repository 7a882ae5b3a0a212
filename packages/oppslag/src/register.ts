import type { Beregningstype, EnhverBeregner } from '@inntektsgrunnlag/beregning';
import { beregner as foreldrebetaling } from '@inntektsgrunnlag/foreldrebetaling';
import { beregner as langtidsopphold } from '@inntektsgrunnlag/langtidsopphold';
import { beregner as praktiskBistand } from '@inntektsgrunnlag/praktisk-bistand';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, Regelverk } from '@inntektsgrunnlag/regelverk';

/** Every area the product serves, by beregningstype. */
export const BEREGNERE: Readonly<Record<Beregningstype, EnhverBeregner>> = {
  BARNEHAGE_SFO: foreldrebetaling,
  PRAKTISK_BISTAND: praktiskBistand,
  LANGTIDSOPPHOLD_INSTITUSJON: langtidsopphold,
};

export function beregnerFor(type: Beregningstype): EnhverBeregner {
  return BEREGNERE[type];
}

/** Every built-in parameter table: folketrygdens G and each area's tariffs. */
export function standardtabeller() {
  const tabeller = [
    GRUNNBELOEP,
    GRUNNBELOEP_GJENNOMSNITT,
    ...Object.values(BEREGNERE).flatMap((b) => b.tabeller),
  ];
  // An area may share a table with another (e.g. G); register each once.
  return [...new Map(tabeller.map((t) => [t.navn, t])).values()];
}

/** The built-in rule set. Operator files are applied on top with `Regelverk.medOperatoerfil`. */
export function standardRegelverk(): Regelverk {
  return Regelverk.av(standardtabeller());
}
