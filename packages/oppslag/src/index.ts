export { beregn, type OppslagKontekst } from './beregn.js';
export { beregnInline, type InlineKontekst } from './beregnInline.js';
export {
  GrunnlagIkkeHentet,
  type Henteinnstillinger,
  type Henteresultat,
  hentGrunnlag,
  IngenSkatteopplysninger,
} from './hentGrunnlag.js';
export {
  type Kommuneinnstillinger,
  kommuneinnstillingerSkjema,
  validerKommuneinnstillinger,
} from './kommuneinnstillinger.js';
export { BEREGNERE, beregnerFor, standardRegelverk, standardtabeller } from './register.js';
