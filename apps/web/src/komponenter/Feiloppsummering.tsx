import { ErrorSummary } from '@digdir/designsystemet-react';
import type { Skjemafeil } from '../skjema/modell';
import { tekster } from '../tekster';
import { setning } from './felt';

/** Moves focus to an input the error summary links to, and brings it into view. */
export function gaaTilFelt(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
}

/**
 * Designsystemet's error summary: a heading, and a link per fault to its input. The element takes focus
 * when it appears (ds-error-summary), so the caller remounts it (a new key) on every failed attempt.
 */
export function Feiloppsummering({ feil }: { feil: Skjemafeil[] }) {
  if (feil.length === 0) return null;
  return (
    <ErrorSummary className="ig-feiloppsummering">
      <ErrorSummary.Heading>{tekster.validering.oppsummering}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {feil.map((f, i) => (
          // Several faults can share a field (e.g. two API messages for one input).
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on each attempt
          <ErrorSummary.Item key={`${f.feltId}-${i}`}>
            <ErrorSummary.Link
              href={`#${f.feltId}`}
              onClick={(e) => {
                e.preventDefault();
                gaaTilFelt(f.feltId);
              }}
            >
              {setning(f.melding)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
