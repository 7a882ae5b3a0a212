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
        error:
          'er fjernet: egenandelsforskriften § 10 andre ledd bestemmer at G pr. 1. januar i året legges til grunn; ta innstillingen ut av filen',
      })
      .optional()
      .describe(
        'Fjernet. Egenandelsforskriften § 10 andre ledd: «Til grunn for fastsetting av utgiftstaket legges G pr. 1. januar i det aktuelle året.» En gammel fil som fortsatt setter den, leses, men innstillingen brukes ikke, og hvert resultat sier fra (advarsel INNSTILLING_GRUNNBELOEP_FJERNET)',
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
        'Kommunens selvkost per time praktisk bistand (egenandelsforskriften § 9 andre ledd), brukt når vedtaket gir timer men ikke kostnad per time. Standard: ikke satt',
      ),
    selvkostgrunnlag: z
      .object({
        gjennomsnittligTimeloenn: kronerSkjema.describe('Gjennomsnittlig timelønn for tjenesten, i kroner'),
        sosialeUtgifter: kronerSkjema.describe('Sosiale utgifter per time, i kroner'),
      })
      .strict()
      .nullable()
      .default(null)
      .describe(
        'Grunnlaget for selvkost per time etter egenandelsforskriften § 9 andre ledd: gjennomsnittlig timelønn og sosiale utgifter per time; produktet legger til 10 prosent administrasjonsutgifter. Brukes når vedtaket gir timer men ikke kostnad per time. Standard: ikke satt',
      ),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.selvkostPerTime !== null && v.selvkostgrunnlag !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['selvkostgrunnlag'],
        message:
          'kan ikke settes sammen med selvkostPerTime: oppgi enten selvkost per time eller grunnlaget den beregnes av (timelønn og sosiale utgifter)',
      });
    }
  });

export type Innstillinger = z.output<typeof innstillingerSkjema>;
export type Trinn = Innstillinger['trinnOver2G'][number];
