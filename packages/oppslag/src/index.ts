export { forhaandskontroll } from './beregn.js';
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
export {
  type Autentisering,
  norskDato,
  type OppslagKonfig,
  type Oppslagsforespoersel,
  Oppslagstjeneste,
  RevisjonFeilet,
  type Utfoerelse,
} from './oppslagstjeneste.js';
export { BEREGNERE, beregnerFor, standardRegelverk, standardtabeller } from './register.js';
