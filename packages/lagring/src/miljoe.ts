import { resolve } from 'node:path';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import type { Lagringsvalg } from './lagring.js';

/** The embedded database's directory under the repository root when INNTEKTSGRUNNLAG_DATA is not set. */
export const STANDARD_DATAKATALOG = 'data/pglite';

/** INNTEKTSGRUNNLAG_DATA=:minne: keeps the embedded database in memory. */
export const MINNE = ':minne:';

/**
 * The storage options from an environment (passed in; the process environment is never read here):
 * - DATABASE_URL: PostgreSQL; INNTEKTSGRUNNLAG_DB_SKJEMA picks the schema (default public);
 * - else embedded PGlite in INNTEKTSGRUNNLAG_DATA, default data/pglite; a relative path is taken
 *   from `rotKatalog` (the repository root), never from the working directory; the value `:minne:`
 *   keeps everything in memory (tests, throwaway demos: nothing is kept after the process ends);
 * - INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR: years the audit log is kept (default 5);
 * - INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS: on PostgreSQL, how long roles, keys and memberships read may be
 *   reused (default 0: read on every request, so a change by another instance counts at once).
 */
export function lagringsvalgFraMiljoe(
  env: Readonly<Record<string, string | undefined>>,
  rotKatalog: string,
): Lagringsvalg {
  const aar = env.INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR?.trim();
  if (aar && !/^\d{1,3}$/.test(aar)) {
    throw new Valideringsfeil(
      [{ felt: 'INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR', melding: `må være et helt antall år (fikk «${aar}»)` }],
      'Ugyldig miljøvariabel',
    );
  }
  const innstillinger = aar ? { revisjonslogg: { oppbevaringAar: Number(aar) } } : undefined;
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) {
    const skjema = env.INNTEKTSGRUNNLAG_DB_SKJEMA?.trim();
    const buffer = env.INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS?.trim();
    if (buffer && !/^\d{1,6}$/.test(buffer)) {
      throw new Valideringsfeil(
        [
          {
            felt: 'INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS',
            melding: `må være et helt antall millisekunder (fikk «${buffer}»)`,
          },
        ],
        'Ugyldig miljøvariabel',
      );
    }
    return {
      databaseUrl,
      ...(skjema ? { skjema } : {}),
      ...(innstillinger ? { innstillinger } : {}),
      ...(buffer ? { tilgangsbuffer: { levetidMs: Number(buffer) } } : {}),
    };
  }
  const katalog = env.INNTEKTSGRUNNLAG_DATA?.trim() || STANDARD_DATAKATALOG;
  if (katalog === MINNE) return { iMinne: true, ...(innstillinger ? { innstillinger } : {}) };
  return { dataKatalog: resolve(rotKatalog, katalog), ...(innstillinger ? { innstillinger } : {}) };
}
