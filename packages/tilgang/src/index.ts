export { AKTOERTYPER, type Aktoer, type Aktoertype } from './aktoer.js';
export {
  erAvregningspost,
  lagPostfilter,
  minimerGrunnlag,
  minimerPoster,
  type Postfilterparametre,
  type UkjentPostHoldtTilbake,
} from './minimering.js';
export { ID_MOENSTER, type Rolle, rolleIdSkjema, rolleSkjema, validerRolle } from './rolle.js';
export {
  SATSFORVALTNING,
  SATSFORVALTNING_NAVN,
  type Satsforvaltervurdering,
  vurderSatsforvaltning,
} from './satsforvaltning.js';
export {
  type Lovhjemmel,
  type Rettighetspakker,
  TJENESTEOMRAADER,
  type Tjenesteomraade,
  tjenesteomraade,
  tjenesteomraadeFor,
  UkjentTjenesteomraadeError,
} from './tjenesteomraader.js';
export {
  AVVISNINGSKODER,
  type Avregningsvalg,
  type Avslag,
  type Avvisningskode,
  avvisningsmelding,
  type Innvilget,
  type Tilgangsadvarsel,
  Tilgangsfeil,
  type Tilgangsforespoersel,
  type Tilgangsvurdering,
  tillatteRoller,
  vurderTilgang,
} from './vurdering.js';
