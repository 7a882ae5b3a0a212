export {
  type Arkivforsendelse,
  Arkivforsendelselager,
  type Arkivforsendelsesfeil,
  type Arkivforsendelsesstatus,
  type NyArkivforsendelse,
} from './arkivforsendelser.js';
export {
  type Bruker,
  Brukerlager,
  type Gruppe,
  Gruppelager,
  nyBrukerSkjema,
  nyGruppeSkjema,
} from './brukere.js';
export {
  type Databasemodus,
  DatabaseUtilgjengelig,
  erTilkoblingsfeil,
  LaasTidsavbrudd,
  LagringFeil,
  type Sql,
  UkjentUtfall,
} from './database.js';
export { DEMODATA, type Demooppsett, demooppsettFor } from './demodata.js';
export { DeltHastighetsteller } from './hastighet.js';
export { type DeltPlassbegrenser, Kildeplasser, type Kildeplassvalg } from './kildeplasser.js';
export {
  hashScimToken,
  type Kildesystem,
  type Kildesystemautentisering,
  type Kildesystemavvisning,
  Kildesystemlager,
  MAKS_TOKENLEVETID_DAGER,
  nyttKildesystemSkjema,
  nyttScimToken,
} from './kildesystemer.js';
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
  KommunesatsAvvist,
  type Kommunesatslager,
  type Kommunesatsrad,
  type NyKommunesatsrad,
  type Satsaktoer,
} from './kommunesatser.js';
export {
  KS_DEMO_ORGANISASJONSNUMMER,
  KS_DEMOINTEGRASJONER,
  KS_DEMOUTSTEDER,
  type KsDemointegrasjon,
  ksDemointegrasjon,
  ksDemoutstederensOffentligeNoekkel,
} from './ksdemo.js';
export {
  endreKsIntegrasjonSkjema,
  erOrganisasjonsnummer,
  hashKsPassord,
  KS_PASSORDPARAMETRE,
  type KsIntegrasjon,
  type KsIntegrasjonsautentisering,
  type KsIntegrasjonsavvisning,
  KsIntegrasjonslager,
  krevUuid,
  normaliserUuid,
  nyKsIntegrasjonSkjema,
  nyttKsPassord,
  sjekkKsPassord,
} from './ksintegrasjoner.js';
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
  LAASFRIST_MS,
  type Listevalg,
  MAKS_GRUPPE,
  type NyRevisjonspost,
  nyRevisjonspostSkjema,
  Revisjonslogg,
  SAMLEVINDU_MS,
  type Skrivevalg,
} from './revisjonslogg.js';
export { Rollelager } from './roller.js';
export {
  type Brukerfilter,
  type Epost,
  type Gruppefilter,
  type Personnavn,
  type ScimBruker,
  type ScimBrukerdata,
  type ScimGruppe,
  type ScimGruppedata,
  Scimkatalog,
  type Side,
  UkjenteMedlemmer,
  Unikhetsfeil,
  Versjonskonflikt,
} from './scim.js';
export {
  type Innloggingsforsoek,
  Innloggingsforsoeklager,
  type Innloggingsmaate,
  type Sesjon,
  Sesjonslager,
  type Sesjonslevetid,
  tilfeldigHemmelighet,
} from './sesjoner.js';
export {
  medEndringsteller,
  STANDARD_TILGANGSBUFFER_MS,
  Tilgangsbuffer,
  type Tilgangsbuffervalg,
} from './tilgangsbuffer.js';
