import {
  beloepSkjema,
  IKKE_SIKKER,
  type IkkeSikker,
  ikkeNegativtBeloepHurtigsti,
  ikkeNegativtBeloepSkjema,
} from '@inntektsgrunnlag/beregning';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { z } from 'zod';

/**
 * Settings reach the area twice: validated when the municipality's file is read, and again when a
 * beregning starts. So every schema here also accepts its own output (a Beloep or a Sats) and gives
 * the same value back.
 */
const somJson = (v: unknown) => (Beloep.erBeloep(v) || v instanceof Sats ? v.toJSON() : v);

/** A non-negative amount in kroner (at most two decimals); idempotent. */
export const kronerSkjema = z.preprocess(somJson, ikkeNegativtBeloepSkjema);

/** Any amount in kroner; idempotent. */
export const fortegnKronerSkjema = z.preprocess(somJson, beloepSkjema);

const DESIMAL = /^\d+(\.\d{1,4})?$/;

/** A non-negative decimal number (hours, multiples of G) as a JSON number or string; becomes a Sats. */
export function desimalSkjema(hva: string) {
  return z.preprocess(
    somJson,
    z
      .union([z.number(), z.string()], { error: `må være ${hva} (tall eller tekst)` })
      .superRefine((v, ctx) => {
        if (!DESIMAL.test(String(v))) {
          ctx.addIssue({
            code: 'custom',
            message: `må være ${hva}: et ikke-negativt tall med høyst fire desimaler, som 2 eller 2.5`,
          });
        }
      })
      .transform((v) => Sats.av(String(v))),
  );
}

// Fast paths of the two schemas above (hurtigsti in packages/beregning), for the vedtak's and the
// settings' fast paths: the same value for what they can prove valid, otherwise not sure.

/** `kronerSkjema` without zod. */
export function kronerHurtigsti(v: unknown): Beloep | IkkeSikker {
  return ikkeNegativtBeloepHurtigsti(somJson(v));
}

/** `desimalSkjema(…)` without zod. */
export function desimalHurtigsti(v: unknown): Sats | IkkeSikker {
  const j = somJson(v);
  // Finite numbers only: zod's number refuses NaN and ±Infinity.
  const tekst = typeof j === 'string' ? j : typeof j === 'number' && Number.isFinite(j) ? String(j) : null;
  return tekst !== null && DESIMAL.test(tekst) ? Sats.av(tekst) : IKKE_SIKKER;
}
