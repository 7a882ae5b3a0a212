/**
 * `pnpm standin:arkiv`: the Fiks IO stand-in and the stand-in archive on a local RabbitMQ, until stopped
 * (Ctrl-C). This file is a program, not library code: it alone reads the environment and writes to the
 * terminal. See docs/arkiv.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FiksIoKlient } from '../fiksio/klient.js';
import { lagSelvsignertNoekkelpar, privatNoekkelTilPem, sertifikatTilPem } from '../krypto/noekler.js';
import { startStandinArkiv } from './arkiv.js';
import { startFiksIoStandin } from './fiksio.js';

const BRUK = `Bruk: pnpm standin:arkiv [valg]

Stand-in for Fiks IO (HTTP-API-et på KS' stier) og for kommunens arkiv bak Fiks Arkiv, på en lokal
RabbitMQ. Lager to Fiks IO-kontoer med nøkkelpar (fagsystemet og arkivet) og skriver ut miljøvariablene
API-et trenger. Valgene kan også gis som miljøvariabler (i parentes).
  --amqp-url <url>     RabbitMQ (STANDIN_AMQP_URL; standard amqp://guest:guest@127.0.0.1:5672)
  --port <n>           porten til Fiks IO-stand-in (STANDIN_ARKIV_PORT; standard 8090)
  --vert <adresse>     adressen det lyttes på (STANDIN_VERT; standard 127.0.0.1)
  --sak <år/nr>        en sak arkivet har fra før, kan gjentas (standard 2026/1)
  --katalog <mappe>    hvor nøklene skrives (standard <tmp>/inntektsgrunnlag-arkiv-standin)`;

function feil(melding: string): never {
  process.stderr.write(`Feil: ${melding}\n\n${BRUK}\n`);
  process.exit(2);
}

let valg: ReturnType<typeof parseArgs>['values'];
try {
  valg = parseArgs({
    options: {
      'amqp-url': { type: 'string' },
      port: { type: 'string' },
      vert: { type: 'string' },
      sak: { type: 'string', multiple: true },
      katalog: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (e) {
  feil((e as Error).message);
}
if (valg.help) {
  process.stdout.write(`${BRUK}\n`);
  process.exit(0);
}

const env = process.env;
const tekst = (flagg: string, miljoe: string) => {
  const v = valg[flagg];
  return typeof v === 'string' ? v : env[miljoe] || undefined;
};
const amqpUrl = tekst('amqp-url', 'STANDIN_AMQP_URL') ?? 'amqp://guest:guest@127.0.0.1:5672';
const port = Number(tekst('port', 'STANDIN_ARKIV_PORT') ?? '8090');
if (!Number.isInteger(port) || port < 0 || port > 65535) feil('--port må være mellom 0 og 65535');
const vert = tekst('vert', 'STANDIN_VERT') ?? '127.0.0.1';
const saker = ((valg.sak as string[] | undefined) ?? ['2026/1']).map((s) => {
  const m = /^(\d{4})\/(\d{1,9})$/.exec(s);
  if (!m) feil(`--sak må være år/nummer, for eksempel 2026/1 (fikk «${s}»)`);
  return { saksaar: Number(m[1]), sakssekvensnummer: Number(m[2]), tittel: `Eksempelsak ${s}` };
});
const katalog = tekst('katalog', 'STANDIN_ARKIV_KATALOG') ?? join(tmpdir(), 'inntektsgrunnlag-arkiv-standin');

const naa = new Date();
const [fagsystem, arkivpar] = await Promise.all([
  lagSelvsignertNoekkelpar('Inntektsgrunnlag (stand-in)', naa),
  lagSelvsignertNoekkelpar('Arkivet (stand-in)', naa),
]);
const fagsystemKonto = randomUUID();
const arkivKonto = randomUUID();
const fagsystemIntegrasjon = { id: randomUUID(), passord: randomUUID() };
const arkivIntegrasjon = { id: randomUUID(), passord: randomUUID() };
mkdirSync(katalog, { recursive: true, mode: 0o700 });
const sertifikatfil = join(katalog, 'fiks-io-sertifikat.pem');
const noekkelfil = join(katalog, 'fiks-io-privat-noekkel.pem');
writeFileSync(sertifikatfil, sertifikatTilPem(fagsystem.sertifikat));
writeFileSync(noekkelfil, privatNoekkelTilPem(fagsystem.privatNoekkel), { mode: 0o600 });

let fiksio: Awaited<ReturnType<typeof startFiksIoStandin>>;
try {
  fiksio = await startFiksIoStandin({
    amqpUrl,
    port,
    vert,
    kontoer: [
      {
        kontoId: fagsystemKonto,
        navn: 'Inntektsgrunnlag',
        sertifikat: fagsystem.sertifikat,
        integrasjoner: [fagsystemIntegrasjon],
      },
      {
        kontoId: arkivKonto,
        navn: 'Arkivet (stand-in)',
        sertifikat: arkivpar.sertifikat,
        integrasjoner: [arkivIntegrasjon],
      },
    ],
  });
} catch (e) {
  feil(`kunne ikke starte (RabbitMQ på ${amqpUrl.replace(/\/\/[^@]*@/, '//')}?): ${(e as Error).message}`);
}
const arkiv = await startStandinArkiv({
  fiksio: new FiksIoKlient({
    kontoId: arkivKonto,
    noekkelpar: arkivpar,
    integrasjon: arkivIntegrasjon,
    apiUrl: fiksio.url,
    amqpUrl,
    token: async () => 'standin',
  }),
  saker,
  hendelse: (t) => process.stdout.write(`[arkiv] ${t}\n`),
});

process.stdout.write(
  [
    `Fiks IO-stand-in lytter på ${fiksio.url}; standin-arkivet lytter på køen til konto ${arkivKonto}.`,
    `Arkivet har sakene ${saker.map((s) => `${s.saksaar}/${s.sakssekvensnummer}`).join(', ')}.`,
    '',
    'Start API-et med Fiks Arkiv mot stand-in-ene slik:',
    `  export FIKS_ARKIV_KONTO_ID=${arkivKonto}`,
    `  export FIKS_IO_KONTO_ID=${fagsystemKonto}`,
    `  export FIKS_IO_INTEGRASJON_ID=${fagsystemIntegrasjon.id} FIKS_IO_INTEGRASJON_PASSORD=${fagsystemIntegrasjon.passord}`,
    `  export FIKS_IO_SERTIFIKAT_FIL=${sertifikatfil} FIKS_IO_PRIVAT_NOEKKEL_FIL=${noekkelfil}`,
    `  export FIKS_IO_API_URL=${fiksio.url} FIKS_IO_AMQP_URL=${amqpUrl}`,
    '  # Maskinporten-token (scope ks:fiks): start `pnpm standin` i et annet vindu og bruk MASKINPORTEN_… den skriver ut.',
    '  pnpm start',
    '',
    'Stopp med Ctrl-C (køene til de to kontoene slettes).',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    arkiv
      .stopp()
      .then(() => fiksio.stopp({ slettKoeer: true }))
      .then(() => process.exit(0));
  });
}
