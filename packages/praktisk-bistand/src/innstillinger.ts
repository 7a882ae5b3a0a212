import {
  bareKjenteNoekler,
  erRentObjekt,
  IKKE_SIKKER,
  type IkkeSikker,
  medHurtigsti,
} from '@inntektsgrunnlag/beregning';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { z } from 'zod';
import { desimalHurtigsti, desimalSkjema, kronerHurtigsti, kronerSkjema } from './skjema.js';

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

// The fast path (hurtigsti in packages/beregning): the schema above written out once without zod, for
// the input it can prove valid; zod runs for anything else and gives its own errors. Property-tested
// against the schema in hurtigsti.test.ts.

const NOEKLER: ReadonlySet<string> = new Set(Object.keys(innstillingerSkjema.shape));
const TRINNNOEKLER: ReadonlySet<string> = new Set(['fraOgMedG', 'maksPerMaaned']);
const GRUNNLAGSNOEKLER: ReadonlySet<string> = new Set(['gjennomsnittligTimeloenn', 'sosialeUtgifter']);

function trinnHurtigsti(v: unknown): Trinn[] | IkkeSikker {
  if (!Array.isArray(v) || v.length > 50) return IKKE_SIKKER;
  const ut: Trinn[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const t = v[i];
    if (!erRentObjekt(t) || !bareKjenteNoekler(t, TRINNNOEKLER)) return IKKE_SIKKER;
    const fraOgMedG = desimalHurtigsti(t.fraOgMedG);
    const maksPerMaaned = kronerHurtigsti(t.maksPerMaaned);
    if (fraOgMedG === IKKE_SIKKER || maksPerMaaned === IKKE_SIKKER) return IKKE_SIKKER;
    // The schema's rules for the steps: from 2 G, rising limits, a maximum never lower than below.
    const forrige = ut[i - 1];
    if (forrige === undefined ? !fraOgMedG.equals(TO) : fraOgMedG.compare(forrige.fraOgMedG) <= 0) {
      return IKKE_SIKKER;
    }
    if (forrige && maksPerMaaned.lessThan(forrige.maksPerMaaned)) return IKKE_SIKKER;
    ut[i] = { fraOgMedG, maksPerMaaned };
  }
  return ut;
}

function innstillingerHurtigsti(v: unknown): Innstillinger | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, NOEKLER)) return IKKE_SIKKER;
  const { grunnbeloep, selvkostgrunnlag = null } = v;
  if (
    grunnbeloep !== undefined &&
    grunnbeloep !== 'PAA_BEREGNINGSDATO' &&
    grunnbeloep !== 'GJENNOMSNITT_FOR_AARET'
  ) {
    return IKKE_SIKKER;
  }
  const trinnOver2G = v.trinnOver2G === undefined ? [] : trinnHurtigsti(v.trinnOver2G);
  if (trinnOver2G === IKKE_SIKKER) return IKKE_SIKKER;
  const selvkostPerTime =
    v.selvkostPerTime === undefined || v.selvkostPerTime === null ? null : kronerHurtigsti(v.selvkostPerTime);
  if (selvkostPerTime === IKKE_SIKKER) return IKKE_SIKKER;
  let grunnlag: Innstillinger['selvkostgrunnlag'] = null;
  if (selvkostgrunnlag !== null) {
    // Either selvkost per hour or what it is computed from, never both (the schema's rule).
    if (selvkostPerTime !== null) return IKKE_SIKKER;
    if (!erRentObjekt(selvkostgrunnlag) || !bareKjenteNoekler(selvkostgrunnlag, GRUNNLAGSNOEKLER))
      return IKKE_SIKKER;
    const gjennomsnittligTimeloenn = kronerHurtigsti(selvkostgrunnlag.gjennomsnittligTimeloenn);
    const sosialeUtgifter = kronerHurtigsti(selvkostgrunnlag.sosialeUtgifter);
    if (gjennomsnittligTimeloenn === IKKE_SIKKER || sosialeUtgifter === IKKE_SIKKER) return IKKE_SIKKER;
    grunnlag = { gjennomsnittligTimeloenn, sosialeUtgifter };
  }
  // The keys in the schema's order; `grunnbeloep` only when given, as in zod's output.
  return grunnbeloep === undefined
    ? { trinnOver2G, selvkostPerTime, selvkostgrunnlag: grunnlag }
    : { grunnbeloep, trinnOver2G, selvkostPerTime, selvkostgrunnlag: grunnlag };
}

medHurtigsti(innstillingerSkjema, innstillingerHurtigsti);
