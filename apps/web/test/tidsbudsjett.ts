/**
 * The time budget (issue 11): from pressing «Beregn» to the result painted, on embedded data, at most
 * 1 000 ms in each flow of the end-to-end suite. One measurement on a busy machine (another job on the
 * CI runner's two cores, a pause for garbage collection) can be slow without the app being slow, so a
 * flow over budget is measured again, up to two more times, and the best try is judged: an app that is
 * really too slow is slow every time, a momentary stall is not. The rule is in docs/web.md.
 */

export const TIDSBUDSJETT_MS = 1000;

/** Tries after the first when it is over budget. */
export const EKSTRA_FORSOEK = 2;

export interface Maaling {
  omraade: string;
  /** Pressing Beregn to the result painted (ms): the best of the tries, the one judged. */
  tilResultatMs: number;
  /** Every try in order; one unless the first was over budget. */
  forsoekMs: number[];
  /** The same after editing a manual post (recalculation on the kept basis), when measured; reported only. */
  omregningMs?: number;
}

/** The best try. A try that measured nothing (NaN) counts as over budget, never as fast. */
export function beste(forsoekMs: readonly number[]): number {
  const gyldige = forsoekMs.filter((ms) => Number.isFinite(ms) && ms >= 0);
  return gyldige.length > 0 ? Math.min(...gyldige) : Number.POSITIVE_INFINITY;
}

/** Whether to press Beregn once more: the best so far is over budget and a try is left. */
export function maaleIgjen(forsoekMs: readonly number[]): boolean {
  return forsoekMs.length > 0 && forsoekMs.length <= EKSTRA_FORSOEK && beste(forsoekMs) > TIDSBUDSJETT_MS;
}

/** The flows whose best try is over budget, each named with every try, for the failure message. */
export function overBudsjett(maalinger: readonly Maaling[]): string[] {
  return maalinger
    .filter((m) => beste(m.forsoekMs) > TIDSBUDSJETT_MS)
    .map(
      (m) =>
        `${m.omraade}: ${m.forsoekMs.map((ms) => `${ms} ms`).join(', ')} (budsjett ${TIDSBUDSJETT_MS} ms)`,
    );
}
