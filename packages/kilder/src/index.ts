export {
  API_NAVN,
  type Api,
  DataFinnesIkkeLenger,
  type Feilsvar,
  feilFraSvar,
  IkkeTilgang,
  IngenDataForAar,
  KildeFeil,
  KildeNede,
  KildeUtilgjengelig,
  type Oppslagsbeskrivelse,
  PersonIkkeFunnet,
  Tidsavbrudd,
  UgyldigOppslag,
  UgyldigSvar,
} from './feil.js';
export { type FregPersonJson, folkeregisterpersonFraFreg, fregPersonSkjema } from './folkeregisteret.js';
export {
  type HttpKildeInnstillinger,
  httpKilder,
  PRODUKSJON,
  SCOPES,
  standinAdresser,
  TESTMILJOE,
  type Tjenesteadresser,
} from './http/adaptere.js';
export { Begrenser, iParallell } from './http/begrenser.js';
export {
  type Forsoeksregler,
  type HttpMiljoe,
  type Plassbegrenser,
  STANDARD_FORSOEKSREGLER,
  STANDARD_HTTP_MILJOE,
} from './http/forsoek.js';
export { Kildevern, STANDARD_VERNREGLER, type Vernregler } from './http/kildevern.js';
export {
  MAKS_GRANT_LEVETID_SEK,
  type MaskinportenInnstillinger,
  MaskinportenKlient,
} from './http/maskinporten.js';
export { innebygdeKilder } from './innebygd.js';
export {
  KILDEVARIABLER,
  type Kildeoppsett,
  KildeoppsettFeil,
  type Kildevariabel,
  lagKilder,
  lesKildeoppsett,
} from './oppsett.js';
export { type Demoperson, demopersoner, personerIKategori } from './populasjon/demo.js';
export {
  beskrivMaskert,
  genererPopulasjon,
  gjennomsnittligGFor,
  innebygdPopulasjon,
  POPULASJONSAAR,
  STANDARD_FROE,
} from './populasjon/generator.js';
export { KS_PARTNER, KS_SOEKER } from './populasjon/ksEksempel.js';
export {
  KATEGORIER,
  type Kategori,
  type Populasjon,
  type SyntetiskAar,
  type SyntetiskPerson,
} from './populasjon/typer.js';
export {
  type Adressegradering,
  type AvregningPort,
  type BeregnetSkattPort,
  type Familierelasjon,
  type FolkeregisterPort,
  type Folkeregisterperson,
  FREG_DELER,
  type FregDel,
  type Kilder,
  type Skatteoppslag,
  type SummertSkattegrunnlagPort,
  stadieSti,
} from './porter.js';
export {
  lesRettighetspakker,
  RETTIGHETSPAKKE_APIER,
  type RettighetspakkeApi,
  type Rettighetspakkevalg,
  rettighetspakkeFor,
  SKATTETILGANGER,
  type Skattetilgang,
} from './tilganger.js';
