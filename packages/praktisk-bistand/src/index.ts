export { beregner } from './beregner.js';
export {
  AVRUNDING,
  type Begrensning,
  beregnEgenandel,
  type EgenandelJson,
  egenandelJsonSkjema,
  type Grense,
  type Maksgrunnlag,
  type Maksresultat,
  maksEgenandel,
  type Selvkost,
  selvkostFra,
} from './egenandel.js';
export { beregnGrunnlag } from './grunnlag.js';
export { type Innstillinger, innstillingerSkjema, type Trinn } from './innstillinger.js';
export {
  FORSKRIFT_KILDE,
  HELSEDIREKTORATET_PARAGRAF_8,
  HOD_SELVKOST,
  KS_PRAKTISK_BISTAND,
  RUNDSKRIV_2013,
  STORTINGET_HUSSTAND,
} from './kilder.js';
export { EKSTRAPOSTER, HUSSTANDSTYPER, POSTDEFINISJON, UTELATTE_POSTER } from './postdefinisjon.js';
export {
  barnetsBehovLinje,
  HJEMMEL_PARAGRAF_8,
  HJEMMEL_PARAGRAF_8_BARN,
  hjelpenAnsesYttForeldrene,
} from './regler/paragraf8.js';
export {
  begrensTilSelvkost,
  finnTrinn,
  HJEMMEL_KOMMUNENS_SATSER,
  HJEMMEL_SELVKOST,
  selvkostPerMaaned,
  type ValgtTrinn,
} from './regler/paragraf9.js';
export {
  erUnder2G,
  HJEMMEL_2G,
  HJEMMEL_HUSSTAND,
  HJEMMEL_PARAGRAF_10,
  husstandensInntekt,
  husstandLinjer,
  kontrollerHusstand,
  nasjonaltTak,
  toG,
} from './regler/paragraf10.js';
export { MAKS_EGENANDEL_UNDER_2G } from './tabeller.js';
export { type Vedtak, vedtakSkjema } from './vedtak.js';
