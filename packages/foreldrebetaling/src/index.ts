import type { Beregner } from '@inntektsgrunnlag/beregning';
import pakke from '../package.json' with { type: 'json' };
import { avgiftSkjema, foreldrebetaling } from './avgift.js';
import { POSTDEFINISJON } from './postdefinisjon.js';
import { hjemmelHusholdningensInntekt, husholdningensInntekt } from './regler/husholdningsinntekt.js';
import { TABELLER } from './tabeller.js';
import { type Innstillinger, innstillingerSkjema, type Vedtak, vedtakSkjema } from './vedtak.js';

export {
  avgiftSkjema,
  type Barnepris,
  foreldrebetaling,
  REGLER,
  type Reduksjon,
  type Regel,
} from './avgift.js';
export {
  IKKE_MEDREGNET,
  KAPITALINNTEKT_POSTER,
  MULIG_DOBBELTTELLING,
  PERSONINNTEKT_POSTER,
  POSTDEFINISJON,
  postnavnForAar,
  UKATEGORISERTE_INNTEKTSPOSTER,
} from './postdefinisjon.js';
export { hjemmelHusholdningensInntekt, husholdningensInntekt } from './regler/husholdningsinntekt.js';
export {
  HJEMMEL_KJERNETID,
  HJEMMEL_SOEKNAD,
  harKjernetidAlder,
  hjemmelKjernetid,
  kjernetidFraDato,
  underKjernetidGrense,
  verdiAvGratistimer,
} from './regler/kjernetid.js';
export {
  BETALINGSMAANEDER_BARNEHAGE,
  HJEMMEL_MAKSPRIS,
  maksimalprisForSone,
} from './regler/maksimalpris.js';
export {
  HJEMMEL_SEKS_PROSENT_BARNEHAGE,
  hjemmelSeksProsentBarnehage,
  inntektsgrenseSeksProsent,
  NY_PARAGRAF_3_FRA,
  SEKS_PROSENT,
  seksProsentPerMaaned,
  visInntektsgrense,
} from './regler/seksProsent.js';
export {
  gjelderTrinn,
  hjemmelSfoGratistimer,
  hjemmelSfoPris,
  hjemmelSfoSaerlegeBehov,
  hjemmelSfoSeksProsent,
} from './regler/sfo.js';
export {
  FORSKRIFTENS_SOESKENREKKEFOELGE,
  HJEMMEL_SOESKEN,
  hjemmelSoesken,
  type Soeskenkandidat,
  soeskenmoderasjonSats,
  soeskennumre,
} from './regler/soeskenmoderasjon.js';
export { SONE_TEKST, soneFor } from './regler/sone.js';
export {
  GRATIS_KJERNETID,
  KJERNETID_INNTEKTSGRENSE,
  type Kjernetid,
  MAKSIMALPRIS,
  type Maksimalpris,
  SFO_GRATISTIMER,
  SFO_SAERLEGE_BEHOV_TRINN,
  SFO_SEKS_PROSENT_TRINN,
  type SfoGratistimer,
  SOESKENMODERASJON,
  type Soeskenmoderasjon,
  TABELLER,
} from './tabeller.js';
export {
  type Barn,
  barnSkjema,
  type Innstillinger,
  innstillingerSkjema,
  KJERNETID_PRISGRUNNLAG,
  SOESKENREKKEFOELGER,
  SONER,
  type Sone,
  TILBUD,
  type Tilbud,
  type Timer,
  type Vedtak,
  vedtakSkjema,
} from './vedtak.js';

const HUSHOLDNINGEN = ['SOEKER', 'EKTEFELLE', 'PARTNER', 'SAMBOER'] as const;

/**
 * BARNEHAGE_SFO: the household's income (personinntekt and gross taxable capital income of the applicant
 * and partner, forskrift om foreldrebetaling i barnehager § 3d), and the monthly price of each child in
 * barnehage or SFO after the national reductions.
 * Skatteetaten's settlement is used where it exists, else the draft (the result then warns).
 */
export const beregner: Beregner<Vedtak, Innstillinger> = {
  beregningstype: 'BARNEHAGE_SFO',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Redusert foreldrebetaling i barnehage og SFO',
  avgiftsnoekkel: 'foreldrebetaling',
  stadier: ['OPPGJOER', 'UTKAST'],
  rettighetspakke: 'kommuneforeldrebetaling',
  persontyper: HUSHOLDNINGEN,
  ekstraposter: [{ tekniskNavn: 'kommune.annenDokumentertInntekt', persontyper: HUSHOLDNINGEN }],
  postdefinisjon: POSTDEFINISJON,
  vedtakSkjema,
  innstillingerSkjema,
  avgiftSkjema,
  tabeller: TABELLER,
  // Without vedtak (the KS route) the basis is still formed; the hjemmel then is the barnehage one.
  grunnlag: (input) =>
    husholdningensInntekt(
      input.personer,
      input.inntektsaar,
      hjemmelHusholdningensInntekt(input.vedtak?.barn ?? [], input.beregningsdato),
    ),
  avgift: foreldrebetaling,
};
