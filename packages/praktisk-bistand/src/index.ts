// SCAFFOLD: replaced by the area's implementation (issue in progress). Never released in this form.
import type { Beregner } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import pakke from '../package.json' with { type: 'json' };

export const beregner: Beregner = {
  beregningstype: 'PRAKTISK_BISTAND',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Egenandel for praktisk bistand og opplæring',
  avgiftsnoekkel: 'egenandel',
  stadier: ['OPPGJOER'],
  rettighetspakke: 'kommunepersonligassistanse',
  persontyper: ['SOEKER'],
  ekstraposter: [],
  postdefinisjon: {
    beregningstype: 'PRAKTISK_BISTAND',
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
    throw new Error('PRAKTISK_BISTAND er ikke implementert ennå');
  },
  avgift() {
    throw new Error('PRAKTISK_BISTAND er ikke implementert ennå');
  },
};
