// SCAFFOLD: replaced by the area's implementation (issue in progress). Never released in this form.
import type { Beregner } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import pakke from '../package.json' with { type: 'json' };

export const beregner: Beregner = {
  beregningstype: 'BARNEHAGE_SFO',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Redusert foreldrebetaling i barnehage og SFO',
  avgiftsnoekkel: 'foreldrebetaling',
  stadier: ['OPPGJOER', 'UTKAST'],
  rettighetspakke: 'kommuneforeldrebetaling',
  persontyper: ['SOEKER'],
  ekstraposter: [],
  postdefinisjon: {
    beregningstype: 'BARNEHAGE_SFO',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    kilde: { tittel: 'ikke implementert' },
    inntekt: [],
    fradrag: [],
    visning: { grupper: [] },
  },
  vedtakSkjema: z.unknown(),
  innstillingerSkjema: z.object({}),
  avgiftSkjema: z.unknown(),
  tabeller: [],
  grunnlag() {
    throw new Error('BARNEHAGE_SFO er ikke implementert ennå');
  },
  avgift() {
    throw new Error('BARNEHAGE_SFO er ikke implementert ennå');
  },
};
