import { z } from 'zod';
import { desimalSkjema, kronerSkjema } from './skjema.js';

/**
 * The facts of the decision (`vedtak` in the request) that the fee depends on.
 *
 * - `hjelpGrunnetBarnsBehov`: § 10 tredje ledd counts a child under 18 in the household only when the
 *   help is given because of the child's need for care or nursing (and § 8 siste ledd then treats the
 *   help as given to the parents). A person of type BARN is refused unless this is true.
 * - `timerPerMaaned` and `kostnadPerTime`: the hours of praktisk bistand the vedtak grants per month and
 *   what an hour costs the municipality to produce. Their product is selvkost, the ceiling on any
 *   charge. The cost per hour may instead come from the setting `selvkostPerTime`.
 */
export const vedtakSkjema = z
  .object({
    hjelpGrunnetBarnsBehov: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Hjelpen ytes på grunnlag av omsorgs- eller pleiebehovet til et barn under 18 år i husstanden (egenandelsforskriften § 10 tredje ledd). Bare da kan personer av typen BARN være med.',
      ),
    timerPerMaaned: desimalSkjema('antall timer per måned')
      .optional()
      .describe('Timer praktisk bistand per måned etter vedtaket'),
    kostnadPerTime: kronerSkjema
      .optional()
      .describe('Hva en time koster kommunen å produsere (selvkost per time), i kroner'),
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
