import type { Beregner } from '@inntektsgrunnlag/beregning';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT } from '@inntektsgrunnlag/regelverk';
import pakke from '../package.json' with { type: 'json' };
import { avgift, avgiftSkjema } from './avgift.js';
import { grunnlag } from './grunnlag.js';
import { type Innstillinger, innstillingerSkjema } from './innstillinger.js';
import {
  ANNEN_DOKUMENTERT_INNTEKT,
  BOUTGIFTER,
  PARTNERPERSONTYPER,
  POSTDEFINISJON,
  SKATT_PAA_GEVINST,
  SKATTEFORDEL_AV_TAP,
  SKJOENNSMESSIGE_FRADRAG,
  TENKT_ETTERLATTEPENSJON,
} from './postdefinisjon.js';
import { TABELLER } from './tabeller.js';
import { type Vedtak, vedtakSkjema } from './vedtak.js';

/**
 * LANGTIDSOPPHOLD_INSTITUSJON: what a municipality may charge a resident of an institution per year and
 * per month under egenandelsforskriften (FOR-2011-12-16-1349) kap. 1, and for a korttidsopphold (§ 4).
 * See docs/regelverk/langtidsopphold.md for every rule, its paragraph and source.
 */
export const beregner: Beregner<Vedtak, Innstillinger> = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Vederlag for langtidsopphold i institusjon',
  avgiftsnoekkel: 'vederlag',
  stadier: ['OPPGJOER'],
  rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
  persontyper: ['SOEKER', ...PARTNERPERSONTYPER],
  ekstraposter: [
    { tekniskNavn: TENKT_ETTERLATTEPENSJON, persontyper: PARTNERPERSONTYPER },
    { tekniskNavn: SKJOENNSMESSIGE_FRADRAG, persontyper: ['SOEKER'] },
    { tekniskNavn: BOUTGIFTER, persontyper: ['SOEKER'] },
    { tekniskNavn: SKATT_PAA_GEVINST, persontyper: ['SOEKER'] },
    { tekniskNavn: SKATTEFORDEL_AV_TAP, persontyper: ['SOEKER'] },
    { tekniskNavn: ANNEN_DOKUMENTERT_INNTEKT, persontyper: ['SOEKER'] },
  ],
  postdefinisjon: POSTDEFINISJON,
  vedtakSkjema,
  innstillingerSkjema,
  avgiftSkjema,
  // G is shared with the other areas; listed so a package test can build its rule set from this list.
  tabeller: [GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, ...TABELLER],
  grunnlag,
  avgift,
};

export { beregnVederlag, type VederlagJson, type Vederlagsberegning, vederlagTilJson } from './avgift.js';
export { grunnlag } from './grunnlag.js';
export { type Innstillinger, innstillingerSkjema } from './innstillinger.js';
export {
  IKKE_MEDREGNET,
  type IkkeMedregnetGrunn,
  MEDREGNEDE_INNTEKTSPOSTER,
  MULIG_OVERLAPP,
  POSTDEFINISJON,
  REALISASJON,
} from './postdefinisjon.js';
export { boutgiftfradrag, forsoergerfradrag, HJEMMEL_FRADRAG } from './regler/fradrag.js';
export { enMaanedEtter, type Friperiode, friperiode, HJEMMEL_FRIPERIODE } from './regler/friperiode.js';
export { definisjonMedInnstillinger, HJEMMEL_INNTEKT, skattepostene } from './regler/inntekt.js';
export {
  delDoegn,
  HJEMMEL_KORTTID,
  KORTTIDSDOEGN_FOER_LANGTIDSREGLER,
  type KorttidInn,
  type KorttidResultat,
  korttidsopphold,
} from './regler/korttidsopphold.js';
export { begrensTilOppholdskostnad, HJEMMEL_OPPHOLDSKOSTNAD } from './regler/oppholdskostnad.js';
export {
  ANDEL_AV_G_I_BEHOLD,
  delInntilG,
  delOverG,
  type FordelAvFribeloepet,
  minstebeloepIBehold,
  type Paragraf3Resultat,
  SATS_INNTIL_G,
  SATS_OVER_G,
  vederlagEtterParagraf3,
} from './regler/vederlag.js';
export {
  DAG_ELLER_NATTOPPHOLD,
  FRIBELOEP,
  FRIBELOEP_DOBBELTROM,
  KORTTIDSOPPHOLD_PER_DOEGN,
  TABELLER,
} from './tabeller.js';
export { type Vedtak, vedtakSkjema } from './vedtak.js';
