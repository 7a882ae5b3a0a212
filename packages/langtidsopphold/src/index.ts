// SCAFFOLD: replaced by the area's implementation (issue in progress). Never released in this form.
import type { Beregner } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import pakke from '../package.json' with { type: 'json' };

export const beregner: Beregner = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  pakke: { navn: pakke.name, versjon: pakke.version },
  tittel: 'Vederlag for langtidsopphold i institusjon',
  avgiftsnoekkel: 'vederlag',
  stadier: ['OPPGJOER'],
  rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
  persontyper: ['SOEKER'],
  ekstraposter: [],
  postdefinisjon: {
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
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
    throw new Error('LANGTIDSOPPHOLD_INSTITUSJON er ikke implementert ennå');
  },
  avgift() {
    throw new Error('LANGTIDSOPPHOLD_INSTITUSJON er ikke implementert ennå');
  },
};
