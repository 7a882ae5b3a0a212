export {
  beskrivIdentifikator,
  erGyldigIdentifikator,
  type GyldigIdentifikator,
  type Identifikatorsjekk,
  type Identifikatortype,
  type Kontrollsifferregel,
  kontrollsifre,
  maskerIdentifikator,
  sjekkIdentifikator,
  type Ugyldighetsgrunn,
  type UgyldigIdentifikator,
} from './identifikator.js';
export {
  identifikatorSkjema,
  PARTNERTYPER,
  PERSONTYPE_TEKST,
  PERSONTYPER,
  type Persontype,
  persontypeSkjema,
} from './persontype.js';
