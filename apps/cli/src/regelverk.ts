import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Kommuneinnstillinger,
  standardRegelverk,
  validerKommuneinnstillinger,
} from '@inntektsgrunnlag/oppslag';
import type { Regelverk } from '@inntektsgrunnlag/regelverk';
import { BrukerFeil, type Kontekst } from './kontekst.js';

function lesJsonFil(fil: string, hva: string, cwd: string): unknown {
  try {
    return JSON.parse(readFileSync(resolve(cwd, fil), 'utf8'));
  } catch (e) {
    throw new BrukerFeil(`Kunne ikke lese ${hva} ${fil}: ${(e as Error).message}`);
  }
}

/** The built-in tables, extended by the operator's files given with --satser (in order). */
export function lastRegelverk(satserFiler: readonly string[], { cwd }: Pick<Kontekst, 'cwd'>): Regelverk {
  let regelverk = standardRegelverk();
  for (const fil of satserFiler)
    regelverk = regelverk.medOperatoerfil(lesJsonFil(fil, 'satsfilen', cwd), fil);
  return regelverk;
}

/** The municipality's settings from --kommuneinnstillinger, or the documented defaults. */
export function lastKommuneinnstillinger(
  fil: string | undefined,
  { cwd }: Pick<Kontekst, 'cwd'>,
): Kommuneinnstillinger {
  return validerKommuneinnstillinger(fil ? lesJsonFil(fil, 'kommuneinnstillingene', cwd) : {});
}
