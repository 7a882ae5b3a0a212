export {
  type Bruker,
  Brukerlager,
  type Gruppe,
  Gruppelager,
  nyBrukerSkjema,
  nyGruppeSkjema,
} from './brukere.js';
export { type Databasemodus, LagringFeil, type Sql } from './database.js';
export { DEMODATA, type Demooppsett, demooppsettFor } from './demodata.js';
export {
  beregnHash,
  type Kjedefeil,
  Kjedekontroll,
  type Kjederesultat,
  kanoniskForm,
  nestePost,
  type Revisjonsaktoertype,
  type Revisjonsinnhold,
  type Revisjonspost,
  START_HASH,
  UTFALL,
  type Utfall,
} from './kjede.js';
export {
  type Autentisering,
  hashNoekkel,
  type Klient,
  Klientlager,
  nyKlientSkjema,
  nyNoekkel,
} from './klienter.js';
export {
  aapneLagring,
  type Lagring,
  type Lagringsinnstillinger,
  type Lagringsvalg,
  lagringsinnstillingerSkjema,
} from './lagring.js';
export { lesMigreringer, type Migrering } from './migrering.js';
export { lagringsvalgFraMiljoe, STANDARD_DATAKATALOG } from './miljoe.js';
export {
  type Anker,
  type Beskjaeringsresultat,
  type Listevalg,
  type NyRevisjonspost,
  nyRevisjonspostSkjema,
  Revisjonslogg,
} from './revisjonslogg.js';
export { Rollelager } from './roller.js';
