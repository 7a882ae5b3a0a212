import { barnehageSfo } from './barnehageSfo.js';
import { etteroppgjoerLangtidsopphold } from './etteroppgjoer.js';
import type { EnhverVedtaksmodul } from './felles.js';
import { langtidsopphold } from './langtidsopphold.js';
import { praktiskBistand } from './praktiskBistand.js';

/**
 * The kinds of decision letter, by the beregningstype of the result. A new kind is one more module
 * here: see omraader/felles.ts (Vedtaksmodul).
 */
export const VEDTAKSMODULER: Readonly<Record<string, EnhverVedtaksmodul>> = {
  [barnehageSfo.beregningstype]: barnehageSfo,
  [praktiskBistand.beregningstype]: praktiskBistand,
  [langtidsopphold.beregningstype]: langtidsopphold,
};

/**
 * The letters for an etteroppgjør, by the beregningstype of the result it settles: a result carrying
 * an `etteroppgjoer` object gets the etteroppgjør's letter, not the monthly fee's.
 */
export const ETTEROPPGJOERSMODULER: Readonly<Record<string, EnhverVedtaksmodul>> = {
  [etteroppgjoerLangtidsopphold.beregningstype]: etteroppgjoerLangtidsopphold,
};
