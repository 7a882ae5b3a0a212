/**
 * Norwegian formatting of amounts, dates and names for display, and parsing of what a case worker
 * types. Amounts arrive from the API as JSON numbers with at most two decimals (already rounded by the
 * rules); the app only shows them and never computes with them.
 */

const KRONER = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const DATO = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const TIDSPUNKT = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short' });

/** "38 512 kr", "1 234,5 kr", "−8 211 577 kr" (nb-NO groups with a no-break space and uses U+2212). */
export function kroner(beloep: number): string {
  return `${KRONER.format(beloep)}\u00a0kr`;
}

/** A number without the currency: "567 127". */
export function tall(beloep: number): string {
  return KRONER.format(beloep);
}

/** "2024-06-01" → "01.06.2024". A value that is not an ISO date is shown as it is. */
export function dato(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return DATO.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An ISO timestamp in local time: "27.11.2026, 10:15". */
export function tidspunkt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIDSPUNKT.format(d);
}

/** A rate as the API gives it ("0.85", "20/41") shown in Norwegian: "85 %", "20/41". */
export function sats(verdi: string): string {
  if (/^-?\d+(\.\d+)?$/.test(verdi)) {
    const prosent = Number(verdi) * 100;
    return `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 4 }).format(prosent)}\u00a0%`;
  }
  return verdi;
}

export function fulltNavn(n: { fornavn: string; mellomnavn?: string | null; etternavn: string }): string {
  return [n.fornavn, n.mellomnavn, n.etternavn].filter(Boolean).join(' ');
}

/**
 * Parses an amount in kroner as a Norwegian types it: "12 345,50", "12345.5", "-200". Returns the
 * API's form ("12345.50" → "12345.50"), or null when it is not an amount with at most two decimals.
 */
export function lesKroner(tekst: string): string | null {
  const renset = tekst
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^kr\.?/i, '')
    .replace(/kr\.?$/i, '')
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(renset)) return null;
  return renset.replace(/^(-?)0+(?=\d)/, '$1');
}

/** Parses a non-negative decimal number with at most `desimaler` decimals ("37,5" → "37.5"), or null. */
export function lesDesimal(tekst: string, desimaler: number): string | null {
  const renset = tekst
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  const moenster = new RegExp(`^\\d+(\\.\\d{1,${desimaler}})?$`);
  return moenster.test(renset) ? renset : null;
}

/** Parses a whole non-negative number, or null. */
export function lesHeltall(tekst: string): number | null {
  const renset = tekst.trim();
  return /^\d+$/.test(renset) ? Number(renset) : null;
}
