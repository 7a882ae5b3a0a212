import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { z } from 'zod';
import { desimalSkjema, kronerSkjema } from './skjema.js';

const TO = Sats.av('2');

const trinnSkjema = z
  .object({
    fraOgMedG: desimalSkjema('et antall G').describe(
      'Trinnet gjelder fra og med denne inntekten, i antall G; det varer til neste trinns fraOgMedG',
    ),
    maksPerMaaned: kronerSkjema.describe('Høyeste egenandel per måned i trinnet, i kroner'),
  })
  .strict();

/**
 * The municipality's settings for PRAKTISK_BISTAND, each with its default. Documented in
 * docs/kommuneinnstillinger/praktisk-bistand.md.
 */
export const innstillingerSkjema = z
  .object({
    grunnbeloep: z
      .enum(['PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'], {
        error: 'må være PAA_BEREGNINGSDATO eller GJENNOMSNITT_FOR_AARET',
      })
      .default('PAA_BEREGNINGSDATO')
      .describe(
        'Hvilken G 2 G-grensen regnes av: G på beregningsdatoen (standard) eller gjennomsnittlig G for beregningsdatoens kalenderår',
      ),
    trinnOver2G: z
      .array(trinnSkjema)
      .max(50, 'høyst 50 trinn')
      .superRefine((trinn, ctx) => {
        // zod runs this check even when an element failed; the element's own error is then enough.
        if (!trinn.every((t) => t.fraOgMedG instanceof Sats && Beloep.erBeloep(t.maksPerMaaned))) return;
        trinn.forEach((t, i) => {
          const forrige = trinn[i - 1];
          if (i === 0 && !t.fraOgMedG.equals(TO)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'fraOgMedG'],
              message:
                'første trinn må starte på 2 G: under 2 G gjelder den nasjonale satsen, og trinnene må dekke all inntekt fra 2 G',
            });
          }
          if (forrige && t.fraOgMedG.compare(forrige.fraOgMedG) <= 0) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'fraOgMedG'],
              message: 'trinnene må stå i stigende rekkefølge etter fraOgMedG, uten like grenser',
            });
          }
          if (forrige && t.maksPerMaaned.lessThan(forrige.maksPerMaaned)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'maksPerMaaned'],
              message: 'kan ikke være lavere enn trinnet under: høyere inntekt skal aldri gi lavere maksimum',
            });
          }
        });
      })
      .default([])
      .describe(
        'Kommunens egne trinn for husstander med inntekt fra og med 2 G: fraOgMedG og maksPerMaaned. Standard: ingen trinn, da begrenses egenandelen bare av selvkost',
      ),
    selvkostPerTime: kronerSkjema
      .nullable()
      .default(null)
      .describe(
        'Kommunens selvkost per time praktisk bistand, brukt når vedtaket gir timer men ikke kostnad per time. Standard: ikke satt',
      ),
  })
  .strict();

export type Innstillinger = z.output<typeof innstillingerSkjema>;
export type Trinn = Innstillinger['trinnOver2G'][number];
