export {
  type Beregningsresultat,
  type BeregnParametre,
  beregnMedPoster,
  KontrollertVedtak,
  kontrollerPersoner,
  type PersonMedGrunnlag,
  type Personopplysninger,
  personerFraForesporsel,
} from './beregn.js';
export type {
  Advarsel,
  Avgiftsresultat,
  Beregner,
  Beregningsinput,
  EnhverBeregner,
  Grunnlagsresultat,
  Hovedtall,
  Stadie,
} from './beregner.js';
export {
  BEREGNINGSTYPER,
  type Beregningstype,
  beloepHurtigsti,
  beloepSkjema,
  beregningstypeSkjema,
  type Foresporsel,
  foresporselSkjema,
  ikkeNegativtBeloepHurtigsti,
  ikkeNegativtBeloepSkjema,
  type PersonInn,
  personInnSkjema,
  postInnSkjema,
} from './foresporsel.js';
export { avvikFraGullfil, beregnForesporsel, type Gullfil, hentSti } from './gull.js';
export {
  bareKjenteNoekler,
  erRentObjekt,
  type Hurtigsti,
  hurtigstiFor,
  IKKE_SIKKER,
  type IkkeSikker,
  medHurtigsti,
} from './hurtigsti.js';
export {
  forskjell,
  KANTVERDIER,
  MUTASJONER,
  type Mutasjon,
  muter,
  sammenlignMedSkjema,
} from './hurtigstiprove.js';
export {
  brukNorskeFeilmeldinger,
  type Feltfeil,
  Valideringsfeil,
  valider,
} from './valideringsfeil.js';
