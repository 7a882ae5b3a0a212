import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BrukerFeil } from './kontekst.js';

type Valg = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with our error message: an unknown or malformed option is a BrukerFeil. */
export function tolkArgumenter<V extends Valg>(argumenter: string[], options: V, bruk: string) {
  try {
    return parseArgs({ args: argumenter, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new BrukerFeil(`${(e as Error).message}\n\n${bruk}`);
  }
}

/** `--format tekst|json`, for the operator commands that print a table or JSON. */
export function tekstEllerJson(verdi: string | undefined): 'tekst' | 'json' {
  if (verdi !== 'tekst' && verdi !== 'json')
    throw new BrukerFeil(`--format må være tekst eller json (fikk ${verdi})`);
  return verdi;
}
