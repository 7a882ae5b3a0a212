export { blokkTilJson, type GrunnlagsblokkJson, grupperTilJson } from './grunnlagJson.js';
export { EKSTRAPOSTER } from './katalog/ekstraposter.js';
export {
  endringerMellom,
  type Feltendring,
  type Katalogendringer,
  type Katalogpost,
} from './katalog/endringer.js';
export {
  KATALOGAAR,
  katalogFor,
  POSTKILDER,
  type Postart,
  type Postinfo,
  Postkatalog,
  type Postkilde,
  UkjentInntektsaarError,
  ukjentPostinfo,
  VISNINGSGRUPPER,
  type Visningsgruppe,
  visningsgruppeForSsg,
} from './katalog/katalog.js';
export { type Aarsavgrenset, SKATTEBEREGNINGSPOSTER } from './katalog/skatteberegningsposter.js';
export { VISNINGSREKKEFOELGE } from './katalog/visningsrekkefoelge.js';
export { type PersonMedPoster, type Post, postinfo } from './post.js';
export {
  blokkAv,
  blokkSomLinjer,
  definisjonForAar,
  evaluerBlokk,
  evaluerGruppe,
  type Fortegn,
  type Grunnlagsblokk,
  type Grunnlagsgruppe,
  type Grunnlagspost,
  type Gruppedefinisjon,
  type Postdefinisjon,
  PostdefinisjonError,
  type PostIGruppe,
  perPerson,
  posterUtenforKatalog,
  postnavnIDefinisjon,
  tillattPost,
} from './postdefinisjon.js';
export {
  BEREGNET_SKATT_V1_FELT,
  beloepVedPeker,
  posterFraAvregning,
  posterFraBeregnetSkatt,
  posterFraSummertSkattegrunnlag,
  posterUtenforFastlandsgrunnlaget,
  verdiVedJsonPeker,
} from './skatteetaten/poster.js';
export {
  type Avregning,
  avregningSkjema,
  type BeregnetSkatt,
  beregnetSkattSkjema,
  erBeregnetSkattV1,
  type Grunnlagspost as SkatteetatenGrunnlagspost,
  grunnlagspostSkjema,
  type SkatteetatenFeil,
  type SummertSkattegrunnlag,
  skatteetatenFeilSkjema,
  summertSkattegrunnlagSkjema,
} from './skatteetaten/skjema.js';
export {
  lagVisningsposter,
  type Visningspost,
  type Visningspostgruppe,
  type VisningspostgruppeJson,
  type VisningspostJson,
  visningsposterTilJson,
} from './visningsposter.js';
