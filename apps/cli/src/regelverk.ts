import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, Regelverk } from '@inntektsgrunnlag/regelverk';
import { BrukerFeil, type Kontekst } from './kontekst.js';

/** The built-in tables, extended by the operator's files given with --satser (in order). */
export function lastRegelverk(satserFiler: readonly string[], { cwd }: Pick<Kontekst, 'cwd'>): Regelverk {
  let regelverk = Regelverk.av([GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT]);
  for (const fil of satserFiler) {
    let innhold: unknown;
    try {
      innhold = JSON.parse(readFileSync(resolve(cwd, fil), 'utf8'));
    } catch (e) {
      throw new BrukerFeil(`Kunne ikke lese satsfilen ${fil}: ${(e as Error).message}`);
    }
    regelverk = regelverk.medOperatoerfil(innhold, fil);
  }
  return regelverk;
}
