import type { Advarsel, Beregningsinput, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { maskerIdentifikator, PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import { blokkAv, blokkSomLinjer, definisjonForAar, evaluerBlokk } from '@inntektsgrunnlag/skattegrunnlag';
import type { Innstillinger } from './innstillinger.js';
import { POSTDEFINISJON } from './postdefinisjon.js';
import {
  husstandensInntekt,
  husstandLinjer,
  kontrollerHusstand,
  vurderInntektsaar,
} from './regler/paragraf10.js';
import type { Vedtak } from './vedtak.js';

/**
 * The household's income basis (§ 10): each member's posts through the year's post definition, the
 * members' figures side by side, and their sum.
 */
export function beregnGrunnlag(input: Beregningsinput<Vedtak, Innstillinger>): Grunnlagsresultat {
  kontrollerHusstand(input.personer, input.vedtak);
  // § 10 første ledd: refused here, before any figure, when the year is not the proposed one and no reason is given.
  vurderInntektsaar(input.inntektsaar, input.beregningsdato, input.beregningsdatoOppgitt, input.vedtak);
  const def = definisjonForAar(POSTDEFINISJON, input.inntektsaar);
  // § 10 fjerde ledd: a person the vedtak places outside the household is not in the basis; their own
  // figure is still computed, for the explanation that says it is left out.
  const utenfor = new Set(input.vedtak.utenforHusstanden.map((u) => u.identifikator));
  const medlemmer = input.personer.filter((p) => !utenfor.has(p.identifikator));
  const inntekt = evaluerBlokk(def.inntekt, medlemmer, input.inntektsaar);
  const alle = utenfor.size === 0 ? inntekt : evaluerBlokk(def.inntekt, input.personer, input.inntektsaar);
  const fradrag = blokkAv([]);
  const { perPerson } = husstandensInntekt(alle, input.personer, input.vedtak.utenforHusstanden);

  // The explanation leaves out groups no member has posts in (they add nothing); the JSON keeps them all.
  const synligeGrupper = {
    ...inntekt,
    grupper: inntekt.grupper.filter((g) => g.poster.length > 0 || g.tekniskNavn === 'alminneligInntekt'),
  };

  const advarsler: Advarsel[] = [];
  const beregningsbeloep = inntekt.beloep.minus(fradrag.beloep);
  for (const p of perPerson) {
    if (p.beloep.isNegative() && !p.utenfor) {
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
