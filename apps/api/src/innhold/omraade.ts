import { BEREGNINGSTYPER, type Beregningstype, type EnhverBeregner } from '@inntektsgrunnlag/beregning';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import { katalogFor, UkjentInntektsaarError } from '@inntektsgrunnlag/skattegrunnlag';
import { ugyldig } from '../problem.js';

/** A beregningstype from a path or query, or a 400 naming the field. */
export function beregningstypeFra(verdi: unknown, felt = 'beregningstype'): Beregningstype {
  if (typeof verdi === 'string' && (BEREGNINGSTYPER as readonly string[]).includes(verdi)) {
    return verdi as Beregningstype;
  }
  throw ugyldig(felt, `må være en av ${BEREGNINGSTYPER.join(', ')}`);
}

/** An income year the area's post definition and the post catalogue both cover, or a 400. */
export function inntektsaarFor(beregner: EnhverBeregner, verdi: unknown, felt = 'inntektsaar'): number {
  const tekst = typeof verdi === 'number' ? String(verdi) : verdi;
  if (typeof tekst !== 'string' || !/^\d{4}$/.test(tekst)) throw ugyldig(felt, 'må være et årstall (ÅÅÅÅ)');
  const aar = Number(tekst);
  const { fraOgMedAar, tilOgMedAar } = beregner.postdefinisjon;
  if (aar < fraOgMedAar || aar > tilOgMedAar) {
    throw ugyldig(
      felt,
      `${beregner.beregningstype} er definert for inntektsårene ${fraOgMedAar}–${tilOgMedAar}`,
    );
  }
  try {
    katalogFor(aar);
  } catch (e) {
    if (e instanceof UkjentInntektsaarError) throw ugyldig(felt, e.message);
    throw e;
  }
  return aar;
}

export function beregnerFor(type: Beregningstype): EnhverBeregner {
  return BEREGNERE[type];
}
