/**
 * (d) the servers under load, each in its own process so the load generator does not share its CPU:
 * - `ekko`: a bare express app that parses a JSON body and sends it back (the reference);
 * - `api`: the integration API (`lagApp` from apps/api/src/app.ts) on embedded data: in-memory
 *   storage with the demo users and keys, the embedded synthetic population, rate limit off, and the
 *   request log formatted as in production but discarded (it would otherwise go to a pipe).
 * Prints {"port": n} when listening, {"sloeyfe": {p50, p99, maks}} (event-loop delay, ms) on each SIGUSR2;
 * stops on SIGTERM.
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/server.ts ekko|api
 */
import type { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';

// How long the event loop is blocked: the delay with which a 10 ms timer comes back. On SIGUSR2 the
// server prints the distribution since the last SIGUSR2 (ms) and starts over, so the bench can take
// it for exactly one load run.
const sloeyfe = monitorEventLoopDelay({ resolution: 10 });
sloeyfe.enable();
process.on('SIGUSR2', () => {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  process.stdout.write(
    `${JSON.stringify({ sloeyfe: { p50: ms(sloeyfe.percentile(50)), p99: ms(sloeyfe.percentile(99)), maks: ms(sloeyfe.max) } })}\n`,
  );
  sloeyfe.reset();
});

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
