import { z } from 'zod';
import type { Etteroppgjoer, Etteroppgjoersmaaned } from './etteroppgjoer.js';

const maanedssatsJsonSkjema = z.object({
  dobbeltrom: z.boolean().describe('Fribeløpet ved dobbeltrom mot eget ønske'),
  dager: z.number().int().describe('Dager i måneden med denne satsen'),
  grunnbeloep: z.number(),
  grunnbeloepForklaring: z.string(),
  fribeloep: z.number(),
  vederlagPerAar: z.number().describe('Vederlag per år med månedens satser, hele kroner rundet ned'),
  vederlagPerMaaned: z.number().describe('Per år ÷ 12, hele kroner rundet ned'),
  oppholdskostnadPerMaaned: z.number().nullable(),
  begrensetAvOppholdskostnad: z.boolean(),
});

export const etteroppgjoersmaanedJsonSkjema = z.object({
  maaned: z.string().describe('ÅÅÅÅ-MM'),
  dagerIMaaneden: z.number().int(),
  oppholdsdager: z.number().int(),
  vederlagsdager: z.number().int(),
  frieDager: z.number().int().describe('Dager i den betalingsfrie første måneden (§ 6 første ledd)'),
  satser: z
    .array(maanedssatsJsonSkjema)
    .describe('Satsene som er brukt (to når dobbeltrom gjaldt en del av måneden)'),
  endelig: z.number().describe('Høyeste lovlige vederlag for måneden, hele kroner rundet ned'),
  fakturert: z.number(),
  differanse: z.number().describe('endelig − fakturert'),
  overMaksimum: z.boolean().describe('Fakturert mer enn det høyeste lovlige'),
  hjemler: z.array(z.string()),
  forklaring: z.string(),
});

export const etteroppgjoerJsonSkjema = z.object({
  inntektsaar: z.number().int(),
  beregningsgrunnlag: z.number(),
  oppholdFraOgMed: z.string(),
  oppholdTilOgMed: z.string(),
  foersteDagMedVederlag: z.string().nullable(),
  sumEndelig: z.number().describe('Summen av det endelige vederlaget for månedene'),
  sumFakturert: z.number(),
  differanse: z
    .number()
    .describe(
      'sumEndelig − sumFakturert: positivt, beboeren skylder det; negativt, beboeren skal ha det tilbake',
    ),
  resultat: z.enum(['BEBOEREN_SKYLDER', 'TILBAKEBETALING', 'INGEN_DIFFERANSE']),
  maanederOverMaksimum: z.array(z.string()),
  maaneder: z.array(etteroppgjoersmaanedJsonSkjema),
  grunnlag: z.object({
    forklaring: z.string(),
    skatteoppgjoersdato: z.string().nullable(),
    postkilde: z.enum(['HENTET', 'OPPGITT']),
  }),
  erstatter: z.object({ forklaring: z.string(), inntektsaar: z.number().int().nullable() }),
  forklaring: z.string(),
  hjemmel: z.string(),
  innstillinger: z.object({ delmaaned: z.enum(['DAGER_I_MAANEDEN', 'DAGER_I_AARET']) }),
});

export type EtteroppgjoerJson = z.infer<typeof etteroppgjoerJsonSkjema>;

function maanedTilJson(m: Etteroppgjoersmaaned): EtteroppgjoerJson['maaneder'][number] {
  return {
    maaned: m.maaned,
    dagerIMaaneden: m.dagerIMaaneden,
    oppholdsdager: m.oppholdsdager,
    vederlagsdager: m.vederlagsdager,
    frieDager: m.frieDager,
    satser: m.satser.map((s) => ({
      dobbeltrom: s.dobbeltrom,
      dager: s.dager,
      grunnbeloep: s.vederlag.grunnbeloep.beloep.toJsonNumber(),
      grunnbeloepForklaring: s.vederlag.grunnbeloep.forklaring,
      fribeloep: s.vederlag.fribeloep.toJsonNumber(),
      vederlagPerAar: s.vederlag.perAar.toJsonNumber(),
      vederlagPerMaaned: s.vederlag.perMaaned.toJsonNumber(),
      oppholdskostnadPerMaaned: s.vederlag.oppholdskostnad?.perMaaned.toJsonNumber() ?? null,
      begrensetAvOppholdskostnad: s.vederlag.begrensetAvOppholdskostnad,
    })),
    endelig: m.endelig.toJsonNumber(),
    fakturert: m.fakturert.toJsonNumber(),
    differanse: m.differanse.toJsonNumber(),
    overMaksimum: m.overMaksimum,
    hjemler: m.hjemler,
    forklaring: m.forklaring,
  };
}

export function etteroppgjoerTilJson(
  e: Etteroppgjoer,
  innstillinger: EtteroppgjoerJson['innstillinger'],
): EtteroppgjoerJson {
  return {
    inntektsaar: e.inntektsaar,
    beregningsgrunnlag: e.beregningsgrunnlag.round('OERE', 'HALF_EVEN').toJsonNumber(),
    oppholdFraOgMed: e.oppholdFraOgMed,
    oppholdTilOgMed: e.oppholdTilOgMed,
    foersteDagMedVederlag: e.foersteDagMedVederlag,
    sumEndelig: e.sumEndelig.toJsonNumber(),
    sumFakturert: e.sumFakturert.toJsonNumber(),
    differanse: e.differanse.toJsonNumber(),
    resultat: e.differanse.isPositive()
      ? 'BEBOEREN_SKYLDER'
      : e.differanse.isNegative()
        ? 'TILBAKEBETALING'
        : 'INGEN_DIFFERANSE',
    maanederOverMaksimum: e.maanederOverMaksimum,
    maaneder: e.maaneder.map(maanedTilJson),
    grunnlag: e.grunnlag,
    erstatter: e.erstatter,
    forklaring: e.forklaring,
    hjemmel: e.hjemmel,
    innstillinger,
  };
}
