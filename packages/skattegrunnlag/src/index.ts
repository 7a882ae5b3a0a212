export { blokkTilJson, type GrunnlagsblokkJson } from './grunnlagJson.js';
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
  lagVisningsposter,
  type Visningspost,
  type Visningspostgruppe,
  visningsposterTilJson,
} from './visningsposter.js';
