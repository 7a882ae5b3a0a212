/**
 * The etteroppgjør for langtidsopphold (egenandelsforskriften § 3 sjette ledd): when the tax settlement
 * for the year of the stay arrives, the vederlag is computed again month by month on that year's income
 * and the difference from what was charged is settled. See docs/regelverk/langtidsopphold.md,
 * «Etteroppgjøret».
 */
export {
  beregnEtteroppgjoer,
  type Etteroppgjoer,
  type Etteroppgjoersinput,
  type Etteroppgjoersmaaned,
  HJEMMEL_ETTEROPPGJOER,
  HJEMMEL_FRI_MAANED,
  HJEMMEL_OPPHOER,
  HJEMMEL_OPPHOLDSUTGIFTER,
  HJEMMEL_VEDERLAG,
  kontrollerEtteroppgjoer,
  kontrollerFakturert,
  type Maanedssats,
  type Oppholdsperiode,
  oppholdsperiode,
} from './etteroppgjoer.js';
export {
  type Etteroppgjoersforespoersel,
  etteroppgjoersforespoerselSkjema,
  type Fakturering,
  type ForeloepigGrunnlag,
  fakturertMaanedSkjema,
  fakturertSkjema,
  foreloepigGrunnlagSkjema,
  type Maaned,
  maanedensDager,
  maanedSkjema,
  type Opphold,
  oppholdSkjema,
} from './inndata.js';
export {
  type Delmaaned,
  type Etteroppgjoersinnstillinger,
  etteroppgjoersinnstillingerSkjema,
} from './innstillinger.js';
export { type EtteroppgjoerJson, etteroppgjoerJsonSkjema, etteroppgjoerTilJson } from './json.js';
