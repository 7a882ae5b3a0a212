export { beregner } from './beregner.js';
export {
  AVRUNDING,
  type Begrensning,
  beregnEgenandel,
  type EgenandelJson,
  egenandelJsonSkjema,
  type Grense,
  type Kostnadskilde,
  type Maksgrunnlag,
  type Maksresultat,
  maksEgenandel,
  type Selvkost,
  selvkostFra,
} from './egenandel.js';
export { beregnGrunnlag } from './grunnlag.js';
export { type Innstillinger, innstillingerSkjema, type Trinn } from './innstillinger.js';
export {
  FORSKRIFT_ID,
  FORSKRIFT_KILDE,
  KS_PRAKTISK_BISTAND,
  LOVDATA_HUSSTAND,
  LOVDATA_INNTEKT,
  LOVDATA_PARAGRAF_8,
  LOVDATA_SELVKOST,
} from './kilder.js';
export { EKSTRAPOSTER, HUSSTANDSTYPER, POSTDEFINISJON, UTELATTE_POSTER } from './postdefinisjon.js';
export {
  barnetsBehovLinje,
  HJEMMEL_PARAGRAF_8,
  HJEMMEL_PARAGRAF_8_BARN,
  hjelpenAnsesYttForeldrene,
} from './regler/paragraf8.js';
export {
  ADMINISTRASJON,
  begrensTilSelvkost,
  finnTrinn,
  HJEMMEL_BEHOLDE_TILSTREKKELIG,
  HJEMMEL_KOMMUNENS_SATSER,
  HJEMMEL_SELVKOST,
  HJEMMEL_SELVKOST_BEREGNING,
  rundTilHalvtime,
  selvkostPerMaaned,
  timekostnad,
  type ValgtTrinn,
} from './regler/paragraf9.js';
export {
  erUnder2G,
  foersteJanuar,
  foreslaattInntektsaar,
  grunnbeloepForsteJanuar,
  HJEMMEL_2G,
  HJEMMEL_AARLIG_OPPDATERING,
  HJEMMEL_HUSSTAND,
  HJEMMEL_INNTEKT,
  HJEMMEL_PARAGRAF_10,
  HJEMMEL_UTENFOR_HUSSTANDEN,
  husstandensInntekt,
  husstandLinjer,
  type Inntektsaarvurdering,
  kontrollerHusstand,
  nasjonaltTak,
  toG,
  vurderInntektsaar,
} from './regler/paragraf10.js';
export { MAKS_EGENANDEL_UNDER_2G } from './tabeller.js';
export {
  INNTEKTSAARSAARSAKER,
  type Inntektsaarsaarsak,
  UTENFOR_HUSSTANDEN_GRUNNER,
  type UtenforHusstanden,
  type Vedtak,
  vedtakSkjema,
} from './vedtak.js';
