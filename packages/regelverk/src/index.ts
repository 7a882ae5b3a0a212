export {
  type Beregningslinje,
  type BeregningslinjeJson,
  Beregningstabell,
  linjeTilJson,
  OPERASJONER,
  OPERASJONSSYMBOL,
  type Operasjon,
  summerLinjer,
} from './beregningstabell.js';
export {
  aarFor,
  dagerMellom,
  erIsoDato,
  formaterDato,
  formaterDatoKort,
  type IsoDato,
  isoDato,
  isoDatoSkjema,
  leggTilDager,
  UgyldigDatoError,
} from './dato.js';
export { dekningsfeil } from './dekning.js';
export {
  GRUNNBELOEP,
  GRUNNBELOEP_GJENNOMSNITT,
  type GrunnbeloepValg,
  gjennomsnittligGrunnbeloep,
  grunnbeloepFor,
  grunnbeloepPaa,
  kronebeloepSkjema,
} from './grunnbeloep.js';
export { KILDETYPER, type Kilde, type Kildetype, kildeSkjema } from './kilde.js';
export {
  type GodkjentKommunesats,
  type Kommunesatsgodkjenning,
  kontrollerKommunesats,
  type NyKommunesats,
  nyKommunesatsSkjema,
  type Satsfeil,
  type Satsperson,
  UgyldigKommunesatsError,
  verdiform,
} from './kommunesats.js';
export {
  type BruktVerdi,
  type Operatoerfil,
  operatoerfilSkjema,
  Regelverk,
  Satsoppslag,
  UgyldigOperatoerfilError,
} from './regelverk.js';
export {
  type EnhverTabell,
  Parametertabell,
  type TabellDefinisjon,
  type Tabellverdi,
  tabell,
  UgyldigTabellError,
  UtenforDekning,
} from './tabell.js';
