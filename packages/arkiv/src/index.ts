export {
  ARKIVMELDING_FILNAVN,
  type Arkivdokument,
  type Arkivmelding,
  type Arkivmeldinginnhold,
  type ArkivmeldinginnholdInn,
  arkivmeldinginnholdSkjema,
  byggArkivmelding,
  type EksternNoekkel,
  eksternNoekkelSkjema,
  type Meldingsfil,
  NS,
  referanseDokumentfil,
  type Saksmappe,
  saksmappeSkjema,
  skjermingSkjema,
} from './arkivmelding.js';
export { lagArkivpakke } from './arkivpakke.js';
export { ASICE_MIMETYPE, AsiceFeil, type Asicefil, lagAsice, lesAsice } from './asice.js';
export { type Arkivkanal, type Arkivsvar, FiksArkiv, meldingsfiler, tolkSvar } from './fiksarkiv.js';
export {
  type Abonnement,
  FIKS_IO,
  FiksIoFeil,
  FiksIoKlient,
  type FiksIoOppsett,
  type Fiksiohendelse,
  type MottattMelding,
  PermanentFeil,
  type SendtMelding,
} from './fiksio/klient.js';
export * from './kodelister.js';
export { dekrypter, KryptoFeil, krypter } from './krypto/cms.js';
export {
  kontrollerNoekkelpar,
  lagSelvsignertNoekkelpar,
  NoekkelFeil,
  type Noekkelpar,
  privatNoekkelFraPem,
  privatNoekkelTilPem,
  sertifikatFraPem,
  sertifikatTilPem,
} from './krypto/noekler.js';
export {
  type Arkivfeil,
  byggFeilmelding,
  byggKvittering,
  type Feiltype,
  type Kvittering,
  lesFeilmelding,
  lesKvittering,
  MELDINGSTYPE,
  UgyldigSvar,
} from './kvittering.js';
export {
  type Skjemaresultat,
  skjemafil,
  skjemakatalog,
  validerMotSkjema,
  XmllintMangler,
} from './xmllint.js';
