import { ikkeNegativtBeloepSkjema } from '@inntektsgrunnlag/beregning';
import type { Beloep } from '@inntektsgrunnlag/money';
import { type IsoDato, isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

/** A calendar month, `YYYY-MM`. */
export type Maaned = string;

export const maanedSkjema = z
  .string({ error: 'må være en måned på formen ÅÅÅÅ-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'må være en måned på formen ÅÅÅÅ-MM')
  .describe('Måned (ÅÅÅÅ-MM)');

/** What the municipality charged for one month (the provisional vederlag, as invoiced). */
export const fakturertMaanedSkjema = z
  .object({
    maaned: maanedSkjema,
    beloep: ikkeNegativtBeloepSkjema.describe('Fakturert vederlag for måneden, i kroner'),
  })
  .strict();

export const fakturertSkjema = z
  .array(fakturertMaanedSkjema, { error: 'må være en liste over måneder med fakturert beløp' })
  .max(24, 'kan ha høyst 24 måneder')
  .describe('Det som er fakturert per måned i inntektsåret');

export interface Fakturering {
  maaned: Maaned;
  beloep: Beloep;
}

/**
 * The vedtak facts of the stay that the yearly calculation does not need: when the stay ended (moving
 * out or death) and the periods in a double room against the resident's wish. The moving-in date, the
 * korttid days, the cost per month and a double room for the whole stay are in the request's `vedtak`.
 */
export const oppholdSkjema = z
  .object({
    opphoer: z
      .object({
        dato: isoDatoSkjema.describe(
          'Dagen oppholdet opphørte; vederlag betales til og med denne dagen (§ 6 fjerde ledd)',
        ),
        grunn: z
          .enum(['UTFLYTTING', 'DOEDSFALL'], { error: () => 'må være UTFLYTTING eller DOEDSFALL' })
          .describe('Hvorfor oppholdet opphørte'),
      })
      .strict()
      .optional()
      .describe('Når og hvorfor oppholdet opphørte, om det gjorde det i eller før inntektsåret'),
    dobbeltrom: z
      .array(
        z
          .object({
            fraOgMed: isoDatoSkjema,
            tilOgMed: isoDatoSkjema
              .optional()
              .describe('Siste dag på dobbeltrom; uten den: til oppholdet eller året slutter'),
          })
          .strict(),
      )
      .max(50, 'kan ha høyst 50 perioder')
      .optional()
      .describe(
        'Periodene beboeren lå på dobbeltrom uten selv å ønske det (det høyere fribeløpet, § 3 annet ledd). Uten dem gjelder vedtak.dobbeltromMotEgetOenske hele oppholdet.',
      ),
  })
  .strict();

export type Opphold = z.output<typeof oppholdSkjema>;

/** What the etteroppgjør replaces: the basis of the provisional vederlag, in the case worker's words. */
export const foreloepigGrunnlagSkjema = z
  .object({
    beskrivelse: z
      .string({ error: 'må være en tekst' })
      .trim()
      .min(1, 'kan ikke være tom')
      .max(300, 'høyst 300 tegn')
      .describe(
        'Hva det foreløpige vederlaget bygde på, f.eks. «skatteoppgjøret for 2023 og Nav-pensjon 2024»',
      ),
    inntektsaar: z
      .number({ error: 'må være et årstall' })
      .int('må være et årstall')
      .min(2000, 'må være 2000 eller senere')
      .max(2100, 'må være 2100 eller tidligere')
      .optional()
      .describe('Inntektsåret for skatteoppgjøret det foreløpige vederlaget bygde på'),
  })
  .strict();

export type ForeloepigGrunnlag = z.output<typeof foreloepigGrunnlagSkjema>;

/**
 * The etteroppgjør request at the boundary (CLI, API): a LANGTIDSOPPHOLD_INSTITUSJON request whose
 * inntektsaar is the year settled, and what was charged per month. The request itself is validated by
 * the lookup; here it is only an object.
 */
export const etteroppgjoersforespoerselSkjema = z
  .object({
    foresporsel: z
      .record(z.string(), z.unknown(), { error: 'må være en beregningsforespørsel (et objekt)' })
      .describe('En LANGTIDSOPPHOLD_INSTITUSJON-forespørsel med inntektsaar = året som gjøres opp'),
    fakturert: fakturertSkjema,
    opphold: oppholdSkjema.prefault({}),
    foreloepigGrunnlag: foreloepigGrunnlagSkjema.optional(),
  })
  .strict();

export type Etteroppgjoersforespoersel = z.output<typeof etteroppgjoersforespoerselSkjema>;

/** The first and last day of a month. */
export function maanedensDager(maaned: Maaned): { foerste: IsoDato; siste: IsoDato; antall: number } {
  const aar = Number(maaned.slice(0, 4));
  const mnd = Number(maaned.slice(5, 7));
  const antall = new Date(Date.UTC(aar, mnd, 0)).getUTCDate();
  return { foerste: `${maaned}-01`, siste: `${maaned}-${String(antall).padStart(2, '0')}`, antall };
}
