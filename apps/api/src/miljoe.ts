import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  KildeoppsettFeil,
  lagKilder,
  lesKildeoppsett,
  STANDARD_FORSOEKSREGLER,
} from '@inntektsgrunnlag/kilder';
import { aapneLagring, Kildeplasser, type Lagring, lagringsvalgFraMiljoe } from '@inntektsgrunnlag/lagring';
import { standardRegelverk, validerKommuneinnstillinger } from '@inntektsgrunnlag/oppslag';
import { UgyldigOperatoerfilError } from '@inntektsgrunnlag/regelverk';
import { type Arkivoppsett, ArkivoppsettFeil, lesArkivoppsett } from './arkiv/miljoe.js';
import type { ApiKonfig } from './konfig.js';
import { adminNoekkelFraMiljoe, KsOppsettFeil, ksKonfigFraMiljoe } from './ks/miljoe.js';
import { InnloggingsoppsettFeil, innloggingFraMiljoe } from './oidc/miljoe.js';

type Miljoe = Readonly<Record<string, string | undefined>>;

/** The repository root: the nearest folder above with pnpm-workspace.yaml (same from src/ and dist/). */
export function finnRotkatalog(fra: string = dirname(fileURLToPath(import.meta.url))): string {
  let mappe = fra;
  for (;;) {
    if (existsSync(join(mappe, 'pnpm-workspace.yaml'))) return mappe;
    const opp = dirname(mappe);
    if (opp === mappe) return process.cwd();
    mappe = opp;
  }
}

/** A setting that is wrong: the API does not start, and says which and why. */
export class OppsettFeil extends Error {
  override readonly name = 'OppsettFeil';
  constructor(readonly feil: ReadonlyArray<{ variabel: string; melding: string }>) {
    super(`Ugyldig oppsett:\n${feil.map((f) => `  - ${f.variabel}: ${f.melding}`).join('\n')}`);
  }
}

export interface Serveroppsett {
  port: number;
  host: string;
}

function heltall(
  env: Miljoe,
  navn: string,
  standard: number,
  feil: Array<{ variabel: string; melding: string }>,
) {
  const v = env[navn]?.trim();
  if (!v) return standard;
  if (!/^\d{1,9}$/.test(v)) {
    feil.push({ variabel: navn, melding: `må være et helt tall (fikk «${v}»)` });
    return standard;
  }
  return Number(v);
}

/**
 * The settings the environment gives, apart from storage and sources (their own packages read those):
 * PORT (8080), HOST (127.0.0.1 with the embedded database, else 0.0.0.0), CORS_ORIGINS (comma-separated;
 * none by default), API_RATE_LIMIT (requests per minute per client, 300; 0 turns it off),
 * API_MAX_BODY (bytes, 2 MB), TRUST_PROXY, LOG_LEVEL, SATSER_FILER (comma-separated operator files),
 * KOMMUNEINNSTILLINGER_FIL, WEB_DIST (the web app's build; default apps/web/dist), SHUTDOWN_TIMEOUT_SECONDS
 * (how long SIGTERM waits for requests in flight; 25).
 */
export function lesServermiljoe(env: Miljoe, rot: string) {
  const feil: Array<{ variabel: string; melding: string }> = [];
  const port = heltall(env, 'PORT', 8080, feil);
  if (port > 65535) feil.push({ variabel: 'PORT', melding: 'må være mellom 0 (ledig port) og 65535' });
  const grense = heltall(env, 'API_RATE_LIMIT', 300, feil);
  const maksKropp = heltall(env, 'API_MAX_BODY', 2 * 1024 * 1024, feil);
  const stoppfrist = heltall(env, 'SHUTDOWN_TIMEOUT_SECONDS', 25, feil);
  if (stoppfrist > 600) {
    feil.push({ variabel: 'SHUTDOWN_TIMEOUT_SECONDS', melding: 'må være høyst 600 sekunder' });
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) {
      feil.push({
        variabel: 'CORS_ORIGINS',
        melding: `«${o}» er ikke en opprinnelse som https://saksbehandling.kommune.no`,
      });
    }
  }
  const tillit = env.TRUST_PROXY?.trim();
  const nivaa = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(nivaa)) {
    feil.push({
      variabel: 'LOG_LEVEL',
      melding: 'må være en av fatal, error, warn, info, debug, trace, silent',
    });
  }
  const webKatalog = resolve(rot, env.WEB_DIST?.trim() || 'apps/web/dist');
  if (feil.length > 0) throw new OppsettFeil(feil);
  return {
    port,
    hostFra: (innebygd: boolean) => env.HOST?.trim() || (innebygd ? '127.0.0.1' : '0.0.0.0'),
    corsOrigins,
    hastighet: grense === 0 ? null : { maks: grense, vinduMs: 60_000 },
    maksKropp,
    stoppfristMs: stoppfrist * 1000,
    tillitProxy: tillit ? (/^\d+$/.test(tillit) ? Number(tillit) : tillit === 'true' ? true : tillit) : false,
    nivaa,
    webKatalog: existsSync(join(webKatalog, 'index.html')) ? webKatalog : null,
  };
}

function lesJson(sti: string, variabel: string): unknown {
  try {
    return JSON.parse(readFileSync(sti, 'utf8'));
  } catch (e) {
    throw new OppsettFeil([{ variabel, melding: `kunne ikke lese ${sti}: ${(e as Error).message}` }]);
  }
}

/**
 * Everything `lagApp` needs from the environment: storage (DATABASE_URL or the embedded database in
 * INNTEKTSGRUNNLAG_DATA), sources (KILDE…), the rules with the operator's files, the municipality's
 * settings. A faulty setting or file stops the start with every fault named.
 */
export async function konfigFraMiljoe(
  env: Miljoe,
  rot: string = finnRotkatalog(),
): Promise<{
  konfig: Omit<ApiKonfig, 'logger'>;
  server: ReturnType<typeof lesServermiljoe>;
  /** Fiks Arkiv (FIKS_…), or null: main.ts makes the service and starts its listening. */
  arkiv: Arkivoppsett | null;
}> {
  const server = lesServermiljoe(env, rot);
  let regelverk = standardRegelverk();
  for (const fil of (env.SATSER_FILER ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)) {
    const sti = resolve(rot, fil);
    try {
      regelverk = regelverk.medOperatoerfil(lesJson(sti, 'SATSER_FILER'), fil);
    } catch (e) {
      if (e instanceof UgyldigOperatoerfilError)
        throw new OppsettFeil([{ variabel: 'SATSER_FILER', melding: e.message }]);
      throw e;
    }
  }
  const innstFil = env.KOMMUNEINNSTILLINGER_FIL?.trim();
  let innstillinger: ReturnType<typeof validerKommuneinnstillinger>;
  try {
    innstillinger = validerKommuneinnstillinger(
      innstFil ? lesJson(resolve(rot, innstFil), 'KOMMUNEINNSTILLINGER_FIL') : {},
    );
  } catch (e) {
    if (e instanceof Valideringsfeil)
      throw new OppsettFeil([{ variabel: 'KOMMUNEINNSTILLINGER_FIL', melding: e.message }]);
    throw e;
  }
  let kildeoppsett: ReturnType<typeof lesKildeoppsett>;
  try {
    kildeoppsett = lesKildeoppsett(
      env,
      (fil) => readFileSync(resolve(rot, fil), 'utf8'),
      (fil) => readFileSync(resolve(rot, fil)),
    );
  } catch (e) {
    if (e instanceof KildeoppsettFeil) throw new OppsettFeil(e.feil);
    throw e;
  }
  // Fiks Arkiv (issue 21, docs/arkiv.md): FIKS_ARKIV_…, FIKS_IO_… and MASKINPORTEN_…; none set, none used.
  let arkiv: Arkivoppsett | null;
  try {
    arkiv = lesArkivoppsett(env, (fil) => readFileSync(resolve(rot, fil), 'utf8'));
  } catch (e) {
    if (e instanceof ArkivoppsettFeil) throw new OppsettFeil(e.feil);
    throw e;
  }
  let lagringsvalg: ReturnType<typeof lagringsvalgFraMiljoe>;
  try {
    lagringsvalg = lagringsvalgFraMiljoe(env, rot);
  } catch (e) {
    if (e instanceof Valideringsfeil)
      throw new OppsettFeil(e.feil.map((f) => ({ variabel: f.felt, melding: f.melding })));
    throw e;
  }
  // Sign-in (issue 13): OIDC_…, SESJON_… (docs/innlogging.md); read before the storage is opened.
  const innlogging = await innloggingFraMiljoe(env, rot, !lagringsvalg.databaseUrl).catch((e: unknown) => {
    throw e instanceof InnloggingsoppsettFeil ? new OppsettFeil(e.feil) : e;
  });
  // KS Fiks's authentication (issue 18): KS_MASKINPORTEN_…, KS_IDPORTEN_…, ADMIN_API_KEY (docs/api.md).
  let ks: ReturnType<typeof ksKonfigFraMiljoe>;
  let adminNoekkel: string | null;
  try {
    ks = ksKonfigFraMiljoe(env, rot);
    adminNoekkel = adminNoekkelFraMiljoe(env);
  } catch (e) {
    if (e instanceof KsOppsettFeil) throw new OppsettFeil(e.feil);
    throw e;
  }
  const lagring = await aapneLagring(lagringsvalg);
  let kilder: ReturnType<typeof lagKilder>;
  try {
    kilder = lagKilder(kildeoppsett, delteKildegrenser(kildeoppsett, lagring));
  } catch (e) {
    await lagring.lukk().catch(() => undefined);
    throw e;
  }
  return {
    konfig: {
      lagring,
      kilder,
      regelverk,
      innstillinger,
      corsOrigins: server.corsOrigins,
      hastighet: server.hastighet,
      maksKropp: server.maksKropp,
      tillitProxy: server.tillitProxy,
      webKatalog: server.webKatalog,
      innlogging,
      ks,
      adminNoekkel,
    },
    server,
    arkiv,
  };
}

/**
 * On PostgreSQL the organisation's limit of calls at once per Skatteetaten API (KILDE_SAMTIDIGE,
 * default 5) holds across every instance and batch on the database (issue 19 item 5): the slots are
 * rows with leases (table kildeplasser). A lease outlives any one attempt (KILDE_TIDSAVBRUDD_MS) by
 * five seconds, so a live call keeps its slot and a dead process's slot comes free. With the embedded
 * database one process owns everything, and the in-process bound is the same thing.
 */
export function delteKildegrenser(
  oppsett: ReturnType<typeof lesKildeoppsett>,
  lagring: Pick<Lagring, 'modus' | 'sql'>,
): Parameters<typeof lagKilder>[1] {
  if (oppsett.type !== 'http' || lagring.modus !== 'POSTGRES') return undefined;
  const plasser = new Kildeplasser(lagring.sql, {
    maks: oppsett.innstillinger.maksSamtidigePerApi ?? 5,
    maksVentMs: oppsett.innstillinger.forsoek?.fristMs ?? STANDARD_FORSOEKSREGLER.fristMs,
    leieMs: (oppsett.innstillinger.forsoek?.tidsavbruddMs ?? STANDARD_FORSOEKSREGLER.tidsavbruddMs) + 5_000,
  });
  return { plassbegrenser: (api) => plasser.for(api) };
}
