import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { aapneLagring, type Lagring, lagringsvalgFraMiljoe } from '@inntektsgrunnlag/lagring';
import { finnRotkatalog } from '../miljoe.js';

/** `--navn verdi` options and the positional arguments of a script. */
export function lesArgumenter(argv: readonly string[]): { valg: Map<string, string | true>; fri: string[] } {
  const valg = new Map<string, string | true>();
  const fri: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const neste = argv[i + 1];
      if (neste !== undefined && !neste.startsWith('--')) {
        valg.set(a.slice(2), neste);
        i++;
      } else {
        valg.set(a.slice(2), true);
      }
    } else {
      fri.push(a);
    }
  }
  return { valg, fri };
}

/**
 * Runs an operator script against the storage the API uses (DATABASE_URL, or the embedded database in
 * INNTEKTSGRUNNLAG_DATA: stop the API first, the embedded database takes one process at a time).
 * Prints to stdout; a bad argument gives exit code 2 with the reason.
 */
export async function kjoerSkript(bruk: string, fn: (lagring: Lagring) => Promise<string>): Promise<void> {
  let lagring: Lagring | null = null;
  try {
    lagring = await aapneLagring(lagringsvalgFraMiljoe(process.env, finnRotkatalog()));
    process.stdout.write(`${await fn(lagring)}\n`);
  } catch (e) {
    const melding =
      e instanceof Valideringsfeil
        ? e.feil.map((f) => `${f.felt ? `${f.felt}: ` : ''}${f.melding}`).join('\n')
        : e instanceof Error
          ? e.message
          : String(e);
    process.stderr.write(`${melding}\n\n${bruk}\n`);
    process.exitCode = 2;
  } finally {
    await lagring?.lukk();
  }
}
