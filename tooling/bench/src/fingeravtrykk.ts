/**
 * The guard behind every performance change: the SHA-256 of what the CLI writes for the benchmark's
 * cases (each row's result as `JSON.stringify` gives it, one per line, as `cli beregn` writes JSON
 * Lines), for inline cases (generer.ts) and for lookups in the embedded population
 * (oppslagstilfeller.ts), on a fixed clock. A faster path must give these bytes exactly; the test
 * (fingeravtrykk.test.ts) compares with fingeravtrykk.json.
 *
 * A rule, rate or catalogue change that is meant to change results changes the fingerprint too:
 * then, with the changeset, write the new one with
 *
 *   pnpm --filter @inntektsgrunnlag/bench fingeravtrykk
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, demooppsettFor } from '@inntektsgrunnlag/lagring';
import {
  type Autentisering,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from '@inntektsgrunnlag/oppslag';
import { tilfeller } from './generer.js';
import { oppslagstilfeller } from './oppslagstilfeller.js';

export const FINGERAVTRYKKFIL = fileURLToPath(new URL('./fingeravtrykk.json', import.meta.url));

/** How many cases of each kind the fingerprint covers. */
export const ANTALL = { poster: 250, oppslag: 30 };

export interface Fingeravtrykk {
  poster: { antall: number; sha256: string };
  oppslag: { antall: number; sha256: string };
}

/**
 * The source simulator gives each missing answer a random correlation id (a UUID), and the warning
 * quotes it: the one part of a result that differs from run to run, so it is replaced before hashing.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export async function lagFingeravtrykk(): Promise<Fingeravtrykk> {
  const lagring = await aapneLagring({ iMinne: true, demodata: true });
  try {
    const tjeneste = new Oppslagstjeneste({
      lagring,
      kilder: innebygdeKilder(),
      regelverk: standardRegelverk(),
      innstillinger: validerKommuneinnstillinger({}),
      klokke: () => new Date('2026-11-27T10:00:00.000Z'),
    });
    const hvem = new Map<string, { autentisering: Autentisering; rolleId: string }>();
    const somDemo = async (type: Beregningstype) => {
      let h = hvem.get(type);
      if (!h) {
        const d = demooppsettFor(type);
        const aktoer = d ? await lagring.brukere.aktoer(d.bruker.id) : null;
        if (!d || !aktoer) throw new Error(`ingen demobruker for ${type}`);
        h = { autentisering: { ok: true, aktoer }, rolleId: d.rolle.id };
        hvem.set(type, h);
      }
      return h;
    };
    const hash = async (linjer: Iterable<string>) => {
      const h = createHash('sha256');
      let antall = 0;
      for (const linje of linjer) {
        const foresporsel = JSON.parse(linje) as { beregningstype: Beregningstype };
        const { resultat } = await tjeneste.beregn({
          ...(await somDemo(foresporsel.beregningstype)),
          foresporsel,
        });
        h.update(`${JSON.stringify(resultat).replace(UUID, 'UUID')}\n`);
        antall++;
      }
      return { antall, sha256: h.digest('hex') };
    };
    return {
      poster: await hash(tilfeller(ANTALL.poster)),
      oppslag: await hash(oppslagstilfeller(ANTALL.oppslag)),
    };
  } finally {
    await lagring.lukk();
  }
}

// `pnpm --filter @inntektsgrunnlag/bench fingeravtrykk`: writes a new fingerprint.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const f = await lagFingeravtrykk();
  writeFileSync(FINGERAVTRYKKFIL, `${JSON.stringify(f, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(f)}\n`);
}
