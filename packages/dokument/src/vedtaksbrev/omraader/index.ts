import { barnehageSfo } from './barnehageSfo.js';
import type { EnhverVedtaksmodul } from './felles.js';
import { langtidsopphold } from './langtidsopphold.js';
import { praktiskBistand } from './praktiskBistand.js';

/**
 * The kinds of decision letter, by the beregningstype of the result. A new kind (the etteroppgjør for
 * long-term stays) is one more module here: see omraader/felles.ts (Vedtaksmodul).
 */
export const VEDTAKSMODULER: Readonly<Record<string, EnhverVedtaksmodul>> = {
  [barnehageSfo.beregningstype]: barnehageSfo,
  [praktiskBistand.beregningstype]: praktiskBistand,
  [langtidsopphold.beregningstype]: langtidsopphold,
};
