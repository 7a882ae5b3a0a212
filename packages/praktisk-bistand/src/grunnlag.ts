import type { Advarsel, Beregningsinput, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { maskerIdentifikator, PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import { blokkAv, blokkSomLinjer, definisjonForAar, evaluerBlokk } from '@inntektsgrunnlag/skattegrunnlag';
import type { Innstillinger } from './innstillinger.js';
import { POSTDEFINISJON } from './postdefinisjon.js';
import { husstandensInntekt, husstandLinjer, kontrollerHusstand } from './regler/paragraf10.js';
import type { Vedtak } from './vedtak.js';

/**
 * The household's income basis (§ 10): each member's posts through the year's post definition, the
 * members' figures side by side, and their sum.
 */
export function beregnGrunnlag(input: Beregningsinput<Vedtak, Innstillinger>): Grunnlagsresultat {
  kontrollerHusstand(input.personer, input.vedtak);
  const def = definisjonForAar(POSTDEFINISJON, input.inntektsaar);
  const inntekt = evaluerBlokk(def.inntekt, input.personer, input.inntektsaar);
  const fradrag = blokkAv([]);
  const beregningsbeloep = inntekt.beloep.minus(fradrag.beloep);
  const { perPerson } = husstandensInntekt(inntekt, input.personer);

  // The explanation leaves out groups no member has posts in (they add nothing); the JSON keeps them all.
  const synligeGrupper = {
    ...inntekt,
    grupper: inntekt.grupper.filter((g) => g.poster.length > 0 || g.tekniskNavn === 'alminneligInntekt'),
  };

  const advarsler: Advarsel[] = [];
  for (const p of perPerson) {
    if (p.beloep.isNegative()) {
      advarsler.push({
        kode: 'NEGATIVT_GRUNNLAG',
        melding: `${PERSONTYPE_TEKST[p.type]} ${maskerIdentifikator(p.identifikator)} har negativ inntekt etter postene; den trekker husstandens samlede inntekt ned. Kontroller om underskuddet skal regnes med.`,
        identifikator: p.identifikator,
      });
    }
  }
  return {
    beregningsbeloep,
    inntekt,
    fradrag,
    mellomregninger: [],
    linjer: [...blokkSomLinjer(synligeGrupper), ...husstandLinjer(perPerson, beregningsbeloep)],
    advarsler,
  };
}
