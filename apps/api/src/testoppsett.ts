import type { Server } from 'node:http';
import { innebygdeKilder, type Kilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { standardRegelverk, validerKommuneinnstillinger } from '@inntektsgrunnlag/oppslag';
import { lagApp } from './app.js';
import type { ApiKonfig } from './konfig.js';
import { lagLogger } from './logg.js';

/** "Today" in the tests (the project's date): the KS example without beregningsdato is outside the rates. */
export const IDAG = new Date('2026-11-27T10:00:00Z');

export interface Testapp {
  server: Server;
  lagring: Lagring;
  /** Everything logged so far, one JSON object per line. */
  logg: () => string;
  lukk: () => Promise<void>;
}

/**
 * One app over in-memory storage with the demo data, a fixed clock, the embedded population and a
 * captured log, listening on an ephemeral port on the loopback (one per test file).
 */
export async function startTestapp(
  valg: Partial<ApiKonfig> & { lagring?: Lagring; kilder?: Kilder } = {},
): Promise<Testapp> {
  const lagring = valg.lagring ?? (await aapneLagring({ iMinne: true, demodata: true }));
  const linjer: string[] = [];
  const logger = lagLogger({ destinasjon: { write: (s: string) => void linjer.push(s) } });
  const app = lagApp({
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({ kommunenavn: 'Testkommune' }),
    klokke: () => IDAG,
    hastighet: null,
    logger,
    ...valg,
    lagring,
  });
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    server,
    lagring,
    logg: () => linjer.join(''),
    lukk: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      if (!valg.lagring) await lagring.lukk();
    },
  };
}

/** The Authorization header of a demo client. */
export const noekkel = (n: string) => ({ Authorization: `Bearer ${n}` });
