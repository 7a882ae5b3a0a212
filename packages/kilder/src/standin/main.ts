/**
 * `pnpm standin`: runs the stand-in server until stopped (Ctrl-C). This file is a program, not library
 * code: it alone reads the environment and writes to the terminal. See docs/kilder.md.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStandin } from './server.js';

const BRUK = `Bruk: pnpm standin [valg]

Stand-in for Skatteetatens delingstjenester, Folkeregisteret og Maskinporten på én port, med den
innebygde syntetiske populasjonen. Alle valg kan også gis som miljøvariabler (i parentes).
  --port <n>                    porten (PORT; standard 8080)
  --vert <adresse>              adressen det lyttes på (STANDIN_VERT; standard 127.0.0.1)
  --klient-id <id>              Maskinporten-klienten som godtas (STANDIN_KLIENT_ID; standard standin-klient)
  --kid <id>                    nøkkel-ID-en nøkkelen er registrert med (STANDIN_KID; standard standin-noekkel);
                                en grant må ha denne kid-en, eller x5c med et sertifikat for nøkkelen
  --offentlig-noekkel <fil>     klientens offentlige RSA-nøkkel, PEM (STANDIN_OFFENTLIG_NOEKKEL);
                                uten den lages et nøkkelpar, og den private nøkkelen skrives til en fil
  --token-levetid <sek>         levetiden til utstedte tokens (STANDIN_TOKEN_LEVETID; standard 120)
Feilinjeksjon i API-kallene (ikke i /token), bestemt av frøet slik at kjøringer kan gjentas:
  --feilrate <0–1>              andel kall som får 500/503 (STANDIN_FEILRATE)
  --rate-429 <0–1>              andel kall som får 429 (STANDIN_RATE_429)
  --forsinkelse-ms <n>          forsinkelse på hvert kall (STANDIN_FORSINKELSE_MS)
  --forsinkelse-variasjon-ms <n> tilfeldig ekstra forsinkelse opptil n ms (STANDIN_FORSINKELSE_VARIASJON_MS)
  --heng-rate <0–1>             andel kall som ikke svarer (STANDIN_HENG_RATE)
  --heng-ms <n>                 hvor lenge et kall henger (STANDIN_HENG_MS; standard 60000)
  --froe <n>                    frøet for feilinjeksjonen (STANDIN_FROE; standard 1)`;

function feil(melding: string): never {
  process.stderr.write(`Feil: ${melding}\n\n${BRUK}\n`);
  process.exit(2);
}

let valg: ReturnType<typeof parseArgs>['values'];
try {
  valg = parseArgs({
    options: {
      port: { type: 'string' },
      vert: { type: 'string' },
      'klient-id': { type: 'string' },
      kid: { type: 'string' },
      'offentlig-noekkel': { type: 'string' },
      'token-levetid': { type: 'string' },
      feilrate: { type: 'string' },
      'rate-429': { type: 'string' },
      'forsinkelse-ms': { type: 'string' },
      'forsinkelse-variasjon-ms': { type: 'string' },
      'heng-rate': { type: 'string' },
      'heng-ms': { type: 'string' },
      froe: { type: 'string' },
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
function tekst(flagg: string, miljoe: string): string | undefined {
  const v = valg[flagg];
  return typeof v === 'string' ? v : env[miljoe] || undefined;
}
function tall(flagg: string, miljoe: string, min: number, max: number): number | undefined {
  const t = tekst(flagg, miljoe);
  if (t === undefined) return undefined;
  const n = Number(t);
  if (!Number.isFinite(n) || n < min || n > max)
    feil(`--${flagg} må være et tall fra ${min} til ${max} (fikk «${t}»)`);
  return n;
}

const port = tall('port', 'PORT', 0, 65535) ?? 8080;
const klientId = tekst('klient-id', 'STANDIN_KLIENT_ID') ?? 'standin-klient';
const kid = tekst('kid', 'STANDIN_KID') ?? 'standin-noekkel';
const noekkelfil = tekst('offentlig-noekkel', 'STANDIN_OFFENTLIG_NOEKKEL');
let offentligNoekkel: string;
let privatNoekkelfil: string | undefined;
if (noekkelfil) {
  try {
    offentligNoekkel = readFileSync(noekkelfil, 'utf8');
  } catch (e) {
    feil(`kunne ikke lese ${noekkelfil}: ${(e as Error).message}`);
  }
} else {
  const par = generateKeyPairSync('rsa', { modulusLength: 2048 });
  offentligNoekkel = par.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const mappe = join(tmpdir(), 'inntektsgrunnlag-standin');
  mkdirSync(mappe, { recursive: true, mode: 0o700 });
  // One file per process: two stand-ins on one machine (the same client id) must not overwrite each
  // other's key, which would make the first one's clients sign with a key it does not know.
  privatNoekkelfil = join(mappe, `${klientId}-${process.pid}.pem`);
  writeFileSync(privatNoekkelfil, par.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: 'wx',
  });
}

const standin = await startStandin({
  port,
  vert: tekst('vert', 'STANDIN_VERT') ?? '127.0.0.1',
  klienter: [{ klientId, offentligNoekkel, kid }],
  tokenLevetidSek: tall('token-levetid', 'STANDIN_TOKEN_LEVETID', 1, 86_400) ?? 120,
  feil: {
    froe: tall('froe', 'STANDIN_FROE', 0, 2 ** 32 - 1) ?? 1,
    feilrate: tall('feilrate', 'STANDIN_FEILRATE', 0, 1) ?? 0,
    rate429: tall('rate-429', 'STANDIN_RATE_429', 0, 1) ?? 0,
    forsinkelseMs: tall('forsinkelse-ms', 'STANDIN_FORSINKELSE_MS', 0, 600_000) ?? 0,
    forsinkelseVariasjonMs:
      tall('forsinkelse-variasjon-ms', 'STANDIN_FORSINKELSE_VARIASJON_MS', 0, 600_000) ?? 0,
    hengRate: tall('heng-rate', 'STANDIN_HENG_RATE', 0, 1) ?? 0,
    hengMs: tall('heng-ms', 'STANDIN_HENG_MS', 0, 3_600_000) ?? 60_000,
  },
});

process.stdout.write(
  [
    `Stand-in lytter på ${standin.url}`,
    '',
    'Bruk den fra CLI-en slik:',
    `  export KILDE=http KILDE_BASE_URL=${standin.url}`,
    `  export MASKINPORTEN_URL=${standin.url}/token MASKINPORTEN_AUDIENCE=${standin.url}/`,
    `  export MASKINPORTEN_KLIENT_ID=${klientId} MASKINPORTEN_KID=${kid}`,
    privatNoekkelfil
      ? `  export MASKINPORTEN_NOEKKEL_FIL=${privatNoekkelfil}`
      : '  export MASKINPORTEN_NOEKKEL_FIL=<den private nøkkelen til --offentlig-noekkel>',
    '',
    'Stopp med Ctrl-C.',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    standin.stopp().then(() => {
      if (privatNoekkelfil) rmSync(privatNoekkelfil, { force: true });
      process.exit(0);
    });
  });
}
