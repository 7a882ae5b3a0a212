import { Dec } from './decimal.js';

/**
 * Rounding modes, named as in java.math.RoundingMode and dinero.js. Every rounding in a rule names
 * one of these; there is no default.
 *
 * - `DOWN`: towards zero (2.9 → 2, −2.9 → −2). For a charge to a citizen, which is never negative,
 *   this never rounds above the legal maximum.
 * - `UP`: away from zero (2.1 → 3).
 * - `FLOOR`: towards −∞. `CEILING`: towards +∞.
 * - `HALF_UP`: nearest, ties away from zero (2.5 → 3). The rounding most people learn at school.
 * - `HALF_DOWN`: nearest, ties towards zero (2.5 → 2).
 * - `HALF_EVEN`: nearest, ties to the even neighbour (2.5 → 2, 3.5 → 4). Banker's rounding.
 */
export const ROUNDING_MODES = [
  'DOWN',
  'UP',
  'FLOOR',
  'CEILING',
  'HALF_UP',
  'HALF_DOWN',
  'HALF_EVEN',
] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export function decimalRounding(mode: RoundingMode): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  switch (mode) {
    case 'UP':
      return Dec.ROUND_UP;
    case 'DOWN':
      return Dec.ROUND_DOWN;
    case 'CEILING':
      return Dec.ROUND_CEIL;
    case 'FLOOR':
      return Dec.ROUND_FLOOR;
    case 'HALF_UP':
      return Dec.ROUND_HALF_UP;
    case 'HALF_DOWN':
      return Dec.ROUND_HALF_DOWN;
    case 'HALF_EVEN':
      return Dec.ROUND_HALF_EVEN;
  }
}

/** The unit an amount is rounded to: whole kroner or whole øre. */
export type Enhet = 'KRONE' | 'OERE';

export function desimalerFor(enhet: Enhet): 0 | 2 {
  return enhet === 'KRONE' ? 0 : 2;
}
