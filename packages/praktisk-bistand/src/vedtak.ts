import { z } from 'zod';
import { desimalSkjema, kronerSkjema } from './skjema.js';

/** Why § 10 fjerde ledd takes a member out of the household. */
export const UTENFOR_HUSSTANDEN_GRUNNER = ['LANGTIDSOPPHOLD', 'AVKORTEDE_TRYGDEYTELSER'] as const;

const utenforHusstandenSkjema = z
  .object({
    identifikator: z
      .string({ error: 'må være identifikatoren til en av personene i forespørselen' })
      .regex(/^\d{11}$/, 'må være 11 siffer: identifikatoren til en av personene i forespørselen'),
    grunn: z.enum(UTENFOR_HUSSTANDEN_GRUNNER, {
      error: `må være ${UTENFOR_HUSSTANDEN_GRUNNER.join(' eller ')}`,
    }),
  })
  .strict();

export type UtenforHusstanden = z.output<typeof utenforHusstandenSkjema>;

/** The reasons a case worker may give for an income year other than the one § 10 første ledd proposes. */
export const INNTEKTSAARSAARSAKER = ['VESENTLIG_ENDRET_INNTEKT', 'NY_LIKNING', 'LIKNING_MANGLER'] as const;
export type Inntektsaarsaarsak = (typeof INNTEKTSAARSAARSAKER)[number];

const inntektsaarBegrunnelseSkjema = z
  .object({
    aarsak: z.enum(INNTEKTSAARSAARSAKER, { error: `må være ${INNTEKTSAARSAARSAKER.join(', ')}` }),
    forklaring: z
      .string({ error: 'må være tekst' })
      .trim()
      .min(1, 'kan ikke være tom')
      .max(500, 'høyst 500 tegn')
      .optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    // A substantially changed income is the case worker's judgement; the result must say what changed.
    if (b.aarsak === 'VESENTLIG_ENDRET_INNTEKT' && !b.forklaring) {
      ctx.addIssue({
        code: 'custom',
        path: ['forklaring'],
        message:
          'mangler: skriv hva som er vesentlig endret i inntekten (egenandelsforskriften § 10 første ledd)',
      });
    }
  });

/**
 * The facts of the decision (`vedtak` in the request) that the fee depends on.
 *
 * - `hjelpGrunnetBarnsBehov`: § 10 tredje ledd counts a child under 18 in the household only when the
 *   help is given because of the child's need for care or nursing (and § 8 tredje ledd then treats the
 *   help as given to the parents). A person of type BARN is refused unless this is true.
 * - `utenforHusstanden`: § 10 fjerde ledd, per person: a member who pays egenandel for langtidsopphold or
 *   receives reduced benefits because of a stay outside the home is not a member of the household.
 * - `inntektsaarBegrunnelse`: why the income year is not the one § 10 første ledd proposes.
 * - `timerPerMaaned` and `kostnadPerTime`: the hours of praktisk bistand the vedtak grants per month and
 *   what an hour costs the municipality (selvkost per hour, § 9 andre ledd). Their product is selvkost,
 *   the ceiling on any charge. The cost per hour may instead come from the settings.
 * - `prisPerMaaned`: the municipality's price under its own rules (e.g. a subscription), when the case
 *   worker wants it held against the ceilings (§ 9 første ledd, § 10 andre ledd).
 * - `beholderTilstrekkeligMaks`: the case worker's assessment under § 9 tredje ledd: the most the person
 *   can pay and still keep enough for personal needs and the duty to support others.
 */
export const vedtakSkjema = z
  .object({
    hjelpGrunnetBarnsBehov: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Hjelpen ytes på grunnlag av omsorgs- eller pleiebehovet til et barn under 18 år i husstanden (egenandelsforskriften § 10 tredje ledd). Bare da kan personer av typen BARN være med.',
      ),
    utenforHusstanden: z
      .array(utenforHusstandenSkjema, { error: 'må være en liste' })
      .max(10, 'høyst 10 personer')
      .default([])
      .describe(
        'Personer som ikke regnes som medlem av husstanden (egenandelsforskriften § 10 fjerde ledd): identifikator og grunn LANGTIDSOPPHOLD (betaler egenandel for langtidsopphold etter kapittel 1) eller AVKORTEDE_TRYGDEYTELSER (avkortede trygdeytelser på grunn av opphold utenfor hjemmet). Inntekten deres holdes utenfor.',
      ),
    inntektsaarBegrunnelse: inntektsaarBegrunnelseSkjema
      .optional()
      .describe(
        'Hvorfor et annet inntektsår enn siste skatteligning tilgjengelig 1. januar i vedtaksåret legges til grunn (egenandelsforskriften § 10 første ledd): aarsak VESENTLIG_ENDRET_INNTEKT (med forklaring), NY_LIKNING eller LIKNING_MANGLER, og forklaring',
      ),
    timerPerMaaned: desimalSkjema('antall timer per måned')
      .optional()
      .describe(
        'Timer praktisk bistand per måned etter vedtaket; rundes av til nærmeste halvtime (egenandelsforskriften § 9 andre ledd)',
      ),
    kostnadPerTime: kronerSkjema
      .optional()
      .describe('Hva en time koster kommunen (selvkost per time etter § 9 andre ledd), i kroner'),
    prisPerMaaned: kronerSkjema
      .optional()
      .describe(
        'Kommunens pris per måned etter egne satser (f.eks. abonnement), som holdes mot selvkost og utgiftstaket',
      ),
    beholderTilstrekkeligMaks: kronerSkjema
      .optional()
      .describe(
        'Det meste personen kan betale per måned og likevel beholde nok til personlige behov og forsørgeransvar, etter saksbehandlerens vurdering (egenandelsforskriften § 9 tredje ledd)',
      ),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kostnadPerTime !== undefined && v.timerPerMaaned === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['timerPerMaaned'],
        message: 'mangler: selvkost er timer per måned × kostnad per time, så oppgi også timene',
      });
    }
  });

export type Vedtak = z.output<typeof vedtakSkjema>;
