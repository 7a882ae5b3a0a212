import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMODATA } from '@inntektsgrunnlag/lagring';
import { lagApp } from './app.js';
import { lagArkivtjeneste } from './arkiv/miljoe.js';
import { lagLogger } from './logg.js';
import { finnRotkatalog, konfigFraMiljoe, OppsettFeil } from './miljoe.js';
import { Nedstenging } from './nedstenging.js';

/**
 * `pnpm start`: the API on PORT (default 8080) with what the environment gives; by default the
 * embedded database (data/pglite), the embedded synthetic population and the demo credentials.
 * Prints where it listens and how to try it; a faulty setting stops the start with every fault named.
 */
async function start(): Promise<void> {
  const rot = finnRotkatalog();
  let oppsett: Awaited<ReturnType<typeof konfigFraMiljoe>>;
  try {
    oppsett = await konfigFraMiljoe(process.env, rot);
  } catch (e) {
    const melding = e instanceof OppsettFeil || e instanceof Error ? e.message : String(e);
    process.stderr.write(`Kunne ikke starte API-et.\n${melding}\n`);
    process.exitCode = 2;
    return;
  }
  const { konfig, server } = oppsett;
  const logger = lagLogger({ nivaa: server.nivaa });
  // Fiks Arkiv when set up: the archive's answers are consumed in this process for as long as it runs.
  const arkiv = oppsett.arkiv
    ? lagArkivtjeneste(oppsett.arkiv, {
        lagring: konfig.lagring,
        innstillinger: konfig.innstillinger.arkiv,
        klokke: () => new Date(),
        hendelse: (h) =>
          h.type === 'TILKOBLET'
            ? logger.info({ fiksio: h }, 'Fiks IO: lytter etter svar fra arkivet')
            : logger.warn({ fiksio: h }, 'Fiks IO'),
      })
    : null;
  const lytter = arkiv ? await arkiv.lytt() : null;
  const app = lagApp({ ...konfig, logger, ...(arkiv ? { arkiv: { tjeneste: arkiv } } : {}) });
  const host = server.hostFra(konfig.lagring.innebygd);
  const nedstenging = new Nedstenging();
  const http = createServer(nedstenging.behandler(app)).listen(server.port, host);
  await new Promise<void>((ok, feil) => {
    http.once('listening', ok);
    http.once('error', feil);
  }).catch(async (e: NodeJS.ErrnoException) => {
    process.stderr.write(`Kunne ikke lytte på ${host}:${server.port}: ${e.code ?? e.message}\n`);
    await konfig.lagring.lukk();
    process.exit(1);
  });
  const { port } = http.address() as AddressInfo;
  const adresse = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const linjer = [
    '',
    `Inntektsgrunnlag API lytter på ${adresse}`,
    `  Dokumentasjon: ${adresse}/api/docs   (OpenAPI: ${adresse}/api/openapi.json)`,
    `  Database: ${konfig.lagring.innebygd ? `innebygd (${process.env.INNTEKTSGRUNNLAG_DATA?.trim() || 'data/pglite'})` : 'PostgreSQL (DATABASE_URL)'}`,
    `  Kilde: ${konfig.kilder.beskrivelse}`,
    `  Arkiv: ${oppsett.arkiv ? `Fiks Arkiv (arkivkonto ${oppsett.arkiv.arkivKontoId})` : 'ikke satt opp (arkivpakken kan lastes ned for manuell import)'}`,
    ...(konfig.webKatalog ? [`  Nettsiden: ${adresse}/`] : []),
  ];
  // The demo credentials only where they work: the embedded database on the synthetic population.
  if (konfig.lagring.innebygd && konfig.kilder.syntetisk) {
    linjer.push(
      '',
      'Demo (bare i innebygd modus med den syntetiske populasjonen):',
      '  API-nøkler (Authorization: Bearer <nøkkel>), hver bundet til sin rolle:',
      ...DEMODATA.map((d) => `    ${d.klient.noekkel.padEnd(24)} rolle ${d.rolle.id} (${d.rolle.navn})`),
      '  Demobrukere (for innlogging i nettsiden):',
      ...DEMODATA.map((d) => `    ${d.bruker.id.padEnd(32)} ${d.bruker.visningsnavn}, rolle ${d.rolle.id}`),
      '',
      'Prøv:',
      `  curl -s -H 'Authorization: Bearer demo-langtidsopphold' ${adresse}/api/v1/meg`,
      `  jq .foresporsel testdata/ks-fiks/eksempel-langtidsopphold-2023.json | curl -s -H 'Authorization: Bearer demo-langtidsopphold' \\`,
      `    -H 'Content-Type: application/json' -d @- ${adresse}/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger/beregning`,
      '  KS Fiks-klient (Maskinporten-token, IntegrasjonId, IntegrasjonPassord), se README:',
      '    pnpm --silent cli ks-token --integrasjon demo-langtidsopphold',
    );
  }
  process.stdout.write(`${linjer.join('\n')}\n\n`);

  let stopper = false;
  const stopp = async (signal: string) => {
    if (stopper) return;
    stopper = true;
    logger.info({ signal, fristMs: server.stoppfristMs }, 'stopper: tar ikke imot nye forespørsler');
    // Not ready, no new connections, idle keep-alive connections closed; requests in flight finish
    // (and so their audit entries are committed), up to the bound.
    const r = await nedstenging.stopp(http, server.stoppfristMs);
    if (r.avbrutt > 0) {
      logger.warn({ ...r }, 'stoppet: forespørsler som ikke ble ferdige innen fristen ble avbrutt');
    } else {
      logger.info({ ...r }, 'stoppet: alle forespørsler ble ferdige');
    }
    await lytter?.stopp().catch(() => undefined);
    await konfig.lagring.lukk().catch(() => undefined);
    process.exit(r.avbrutt > 0 ? 1 : 0);
  };
  process.on('SIGINT', () => void stopp('SIGINT'));
  process.on('SIGTERM', () => void stopp('SIGTERM'));
}

await start();
