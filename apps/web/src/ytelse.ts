/**
 * Time from pressing Beregn to the result being painted, with the Performance API (User Timing), so the
 * end-to-end run can read it (`performance.getEntriesByName('ig:beregn')`). Where the API is missing
 * (older browsers, jsdom) nothing is measured.
 */
export const YTELSE = { start: 'ig:beregn-start', vist: 'ig:resultat-vist', maaling: 'ig:beregn' } as const;

const p: Partial<Performance> | undefined = typeof performance === 'undefined' ? undefined : performance;

export function startMaaling(): void {
  p?.clearMarks?.(YTELSE.start);
  p?.clearMarks?.(YTELSE.vist);
  p?.clearMeasures?.(YTELSE.maaling);
  p?.mark?.(YTELSE.start);
}

/** Call when the result is committed; the measurement ends at the next frame, when it is painted. */
export function sluttMaalingVedNesteRamme(): () => void {
  const ramme =
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
  const avbryt = typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout;
  const id = ramme(() => {
    if ((p?.getEntriesByName?.(YTELSE.start, 'mark').length ?? 0) === 0) return;
    p?.mark?.(YTELSE.vist);
    p?.measure?.(YTELSE.maaling, YTELSE.start, YTELSE.vist);
    p?.clearMarks?.(YTELSE.start);
  });
  return () => avbryt(id as number);
}
