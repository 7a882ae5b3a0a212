import type { Beregner } from '@inntektsgrunnlag/beregning';
import { GRUNNBELOEP } from '@inntektsgrunnlag/regelverk';
import pakke from '../package.json' with { type: 'json' };
import { beregnEgenandel, egenandelJsonSkjema } from './egenandel.js';
import { beregnGrunnlag } from './grunnlag.js';
import { type Innstillinger, innstillingerSkjema } from './innstillinger.js';
import { EKSTRAPOSTER, HUSSTANDSTYPER, POSTDEFINISJON } from './postdefinisjon.js';
import { MAKS_EGENANDEL_UNDER_2G } from './tabeller.js';
import { type Vedtak, vedtakSkjema } from './vedtak.js';

/** PRAKTISK_BISTAND: egenandel for praktisk bistand og opplæring, egenandelsforskriften kapittel 2. */
export const beregner: Beregner<Vedtak, Innstillinger> = {
  beregningstype: 'PRAKTISK_BISTAND',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Egenandel for praktisk bistand og opplæring',
  avgiftsnoekkel: 'egenandel',
  stadier: ['OPPGJOER'],
  rettighetspakke: 'kommunepersonligassistanse',
  persontyper: HUSSTANDSTYPER,
  ekstraposter: EKSTRAPOSTER,
  postdefinisjon: POSTDEFINISJON,
  vedtakSkjema,
  innstillingerSkjema,
  avgiftSkjema: egenandelJsonSkjema,
  tabeller: [GRUNNBELOEP, MAKS_EGENANDEL_UNDER_2G],
  grunnlag: beregnGrunnlag,
  avgift: beregnEgenandel,
};
