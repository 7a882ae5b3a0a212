/**
 * (d) the servers under load, each in its own process so the load generator does not share its CPU:
 * - `ekko`: a bare express app that parses a JSON body and sends it back (the reference);
 * - `api`: the integration API (`lagApp` from apps/api/src/app.ts) on embedded data: in-memory
 *   storage with the demo users and keys, the embedded synthetic population, rate limit off, and the
 *   request log formatted as in production but discarded (it would otherwise go to a pipe).
 * Prints {"port": n} when listening; stops on SIGTERM.
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/server.ts ekko|api
 */
import type { Server } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';

const modus = process.argv[2];
let app: { listen: (port: number, host: string, ok: () => void) => Server };
let lukk: () => Promise<void> = async () => {};

if (modus === 'ekko') {
  const e = express();
  e.use(express.json({ limit: '2mb' }));
  e.post('/ekko', (req, res) => {
    res.json(req.body);
  });
  app = e;
} else if (modus === 'api') {
  // Imported by path at run time: the API is another app of the workspace, not a dependency.
  const rot = new URL('../../../../apps/api/src/', import.meta.url);
  const api = (await import(pathToFileURL(fileURLToPath(new URL('app.ts', rot))).href)) as {
    lagApp: (konfig: unknown) => typeof app;
  };
  const logg = (await import(pathToFileURL(fileURLToPath(new URL('logg.ts', rot))).href)) as {
    lagLogger: (valg: unknown) => unknown;
  };
  const { aapneLagring } = await import('@inntektsgrunnlag/lagring');
  const { innebygdeKilder } = await import('@inntektsgrunnlag/kilder');
  const { standardRegelverk, validerKommuneinnstillinger } = await import('@inntektsgrunnlag/oppslag');
  const lagring = await aapneLagring({ iMinne: true, demodata: true });
  app = api.lagApp({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    hastighet: null,
    logger: logg.lagLogger({ destinasjon: { write: () => {} } }),
  });
  lukk = () => lagring.lukk();
} else {
  console.error('Bruk: server.ts ekko|api');
  process.exit(2);
}

const server = app.listen(0, '127.0.0.1', () => {
  const adresse = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof adresse === 'object' && adresse ? adresse.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => {
  server.close(() => {
    void lukk().then(() => process.exit(0));
  });
});
