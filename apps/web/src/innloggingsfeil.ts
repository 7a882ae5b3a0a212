import type { Innloggingsfeil } from './api/typer';
import { tekster } from './tekster';

/**
 * A failed OIDC sign-in lands on `/?innloggingsfeil=<KODE>` (docs/innlogging.md). The app reads the
 * code once, explains it on the sign-in page, and takes it out of the address.
 */
export const INNLOGGINGSFEIL = 'innloggingsfeil';

/** The code in the address, as it stands: it comes from whoever made the link, so it is only looked up. */
export function lesInnloggingsfeil(adresse: string): string | null {
  try {
    return new URL(adresse).searchParams.get(INNLOGGINGSFEIL);
  } catch {
    return null;
  }
}

/**
 * Removes the parameter without a new history entry, so reloading or bookmarking the page does not
 * show an old failure again, and Back does not return to it.
 */
export function fjernInnloggingsfeil(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(INNLOGGINGSFEIL)) return;
  url.searchParams.delete(INNLOGGINGSFEIL);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** The text for a code: its own when the API's list has it, else the generic one. Never the code. */
export function innloggingsfeilTekst(kode: string): string {
  const koder = tekster.innlogging.feilkoder;
  // Own keys only: "constructor" or "__proto__" in the address must not find something on the prototype.
  return Object.hasOwn(koder, kode) ? koder[kode as Innloggingsfeil] : tekster.innlogging.feilUkjent;
}
