import { skatteetatenFeilSkjema } from '@inntektsgrunnlag/skattegrunnlag';
import {
  erForbigaaendeStatus,
  type Feilsvar,
  KildeNede,
  KildeUtilgjengelig,
  type Oppslagsbeskrivelse,
  Tidsavbrudd,
} from '../feil.js';
import { BryterAapen, type Kildevern } from './kildevern.js';

/** Bounds how many attempts run at once: in this process ({@link Begrenser}) or shared (a database). */
export interface Plassbegrenser {
  kjoer<T>(oppgave: () => Promise<T>): Promise<T>;
}

/** Timeouts and retries for one kind of call. */
export interface Forsoeksregler {
  /** The longest one attempt may take, answer body included. */
  tidsavbruddMs: number;
  /** The longest the whole call may take: every attempt, every wait and the queue. */
  fristMs: number;
  /** Attempts in all (1 = no retry). */
  maksForsoek: number;
  /** The first backoff ceiling; it doubles per attempt (exponential backoff). */
  ventStartMs: number;
  /** The highest backoff ceiling. */
  ventMaksMs: number;
}

/**
 * Defaults: ten seconds per attempt, up to ten attempts with backoff from 0.2 s doubling up to 5 s, and
 * never more than 30 seconds in all: the deadline, not the count, is what bounds a lookup. Ten attempts
 * make a lookup survive even a bad spell (at 30 % failing answers, one lookup in 170 000 fails).
 * Retries are for 5xx, 429 and network errors only; 4xx answers are final.
 */
export const STANDARD_FORSOEKSREGLER: Forsoeksregler = {
  tidsavbruddMs: 10_000,
  fristMs: 30_000,
  maksForsoek: 10,
  ventStartMs: 200,
  ventMaksMs: 5_000,
};

/** What the HTTP layer needs from the outside world, injectable so tests are deterministic. */
export interface HttpMiljoe {
  fetch: typeof fetch;
  /** A number in [0, 1) for the jitter. */
  tilfeldig: () => number;
  /** Milliseconds on a monotonic clock (deadlines, token expiry). */
  naa: () => number;
  sov: (ms: number) => Promise<void>;
}

export const STANDARD_HTTP_MILJOE: HttpMiljoe = {
  fetch: (...a) => globalThis.fetch(...a),
  tilfeldig: Math.random,
  naa: () => performance.now(),
  sov: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface HttpSvar {
  status: number;
  tekst: string;
  headers: Headers;
}

/** Reads Skatteetaten's error body {kode, melding, korrelasjonsid}, tolerating anything else. */
export function lesFeilsvar(svar: HttpSvar): Feilsvar {
  const s: Feilsvar = { httpStatus: svar.status };
  let body: unknown;
  try {
    body = JSON.parse(svar.tekst);
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone must do.
  }
  const feil = skatteetatenFeilSkjema.safeParse(body);
  if (feil.success) {
    s.kode = feil.data.kode;
    s.melding = feil.data.melding;
    if (feil.data.korrelasjonsid) s.korrelasjonsid = feil.data.korrelasjonsid;
  }
  const header = svar.headers.get('korrelasjonsid');
  if (!s.korrelasjonsid && header) s.korrelasjonsid = header;
  return s;
}

/** The wait before attempt `n + 1`: "full jitter", a random time up to the doubled ceiling. */
export function ventetid(forsoek: number, regler: Forsoeksregler, tilfeldig: () => number): number {
  const tak = Math.min(regler.ventMaksMs, regler.ventStartMs * 2 ** (forsoek - 1));
  return Math.floor(tilfeldig() * tak);
}

function retryAfterMs(headers: Headers): number | undefined {
  const verdi = headers.get('retry-after');
  if (!verdi) return undefined;
  const sek = Number(verdi);
  return Number.isFinite(sek) && sek >= 0 ? sek * 1000 : undefined;
}

/** A network failure's code (ECONNREFUSED, …) without the URL, which holds a fødselsnummer. */
function nettverksaarsak(e: unknown): string {
  const aarsak = (e as { cause?: { code?: unknown } })?.cause?.code;
  return `nettverksfeil${typeof aarsak === 'string' ? ` ${aarsak}` : ''}`;
}

export interface Forespoersel {
  url: string;
  init: RequestInit;
}

/**
 * One logical call with timeouts, bounded concurrency and retries with exponential backoff and jitter
 * on 5xx, 429 and network errors. Returns the first final answer (2xx or 4xx); throws
 * {@link Tidsavbrudd} or {@link KildeUtilgjengelig} when none came. `lag` builds the request anew for
 * every attempt (a fresh token). A 401 is retried once after `vedUautorisert` (an expired token).
 */
export async function kallMedForsoek(
  lag: () => Promise<Forespoersel>,
  beskrivelse: Oppslagsbeskrivelse,
  regler: Forsoeksregler,
  miljoe: HttpMiljoe,
  begrenser?: Plassbegrenser,
  vedUautorisert?: () => void,
  vern?: Kildevern,
): Promise<HttpSvar> {
  const start = miljoe.naa();
  const igjen = () => regler.fristMs - (miljoe.naa() - start);
  let sisteFeil: Utfall = { type: 'tid' };
  let fornyetToken = false;
  // Whether we stopped because the overall deadline left no room (not because attempts ran out).
  let fristNaadd = false;
  let forsoek = 0;
  let sisteTidsavbrudd = regler.tidsavbruddMs;
  while (forsoek < regler.maksForsoek) {
    if (igjen() <= 0) {
      fristNaadd = true;
      break;
    }
    forsoek++;
    if (forsoek === 1) vern?.foersteForsoek();
    // Built outside the attempt's timeout (getting a token has its own timeouts and retries, and a
    // typed error from it, Maskinporten refused, is final) but inside the lookup's deadline: a slow
    // token endpoint must not stretch one lookup past `fristMs`.
    const forespoersel = await innenFrist(lag(), igjen());
    if (forespoersel === FRIST_UTE) {
      fristNaadd = true;
      sisteFeil = { type: 'tid' };
      break;
    }
    // The attempt's timeout: from the source's observed latency when protected, else the fixed one.
    const tidsavbrudd = vern ? vern.tidsavbrudd() : regler.tidsavbruddMs;
    sisteTidsavbrudd = tidsavbrudd;
    const kappet = igjen() < tidsavbrudd;
    const attempt = () => ettForsoek(forespoersel, tidsavbrudd, miljoe, igjen, vern);
    // The breaker is asked once the slot is ours: calls queued while it opened then fail at once
    // instead of all going out (an open breaker's refusal takes no time, so the queue drains fast).
    const gjennom = () => (vern ? vern.gjennomBryter(attempt) : attempt());
    let utfall: Utfall;
    try {
      utfall = await (begrenser ? begrenser.kjoer(gjennom) : gjennom());
    } catch (e) {
      if (e instanceof BryterAapen) throw new KildeNede(beskrivelse, e.pauseMs);
      throw e;
    }
    if (utfall.type === 'svar') {
      const { svar } = utfall;
      if (svar.status === 401 && vedUautorisert && !fornyetToken) {
        fornyetToken = true;
        vedUautorisert();
        continue;
      }
      if (!erForbigaaendeStatus(svar.status)) return svar;
    }
    sisteFeil = utfall;
    if (utfall.type === 'tid' && kappet) {
      fristNaadd = true;
      break;
    }
    if (forsoek >= regler.maksForsoek) break;
    // A retry only while the budget lasts: a source failing many calls gets few extra ones from us.
    if (vern && !vern.taNyttForsoek()) break;
    let vent = ventetid(forsoek, regler, miljoe.tilfeldig);
    if (utfall.type === 'svar') {
      const ra = retryAfterMs(utfall.svar.headers);
      if (ra !== undefined) vent = Math.max(vent, Math.min(ra, regler.ventMaksMs));
    }
    if (vent >= igjen()) {
      fristNaadd = true;
      break;
    }
    await miljoe.sov(vent);
  }
  if (sisteFeil.type === 'tid') {
    throw new Tidsavbrudd(beskrivelse, fristNaadd ? regler.fristMs : sisteTidsavbrudd, forsoek);
  }
  if (sisteFeil.type === 'nett') throw new KildeUtilgjengelig(beskrivelse, forsoek, {}, sisteFeil.aarsak);
  const fs = lesFeilsvar(sisteFeil.svar);
  throw new KildeUtilgjengelig(beskrivelse, forsoek, fs, fs.kode ? undefined : `HTTP ${fs.httpStatus}`);
}

const FRIST_UTE = Symbol('frist ute');

/**
 * The promise's value, or {@link FRIST_UTE} when `ms` pass first. The promise itself runs on (a token
 * request that ends late is still cached for the next lookup); its rejection is then ignored.
 */
async function innenFrist<T>(p: Promise<T>, ms: number): Promise<T | typeof FRIST_UTE> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ute = new Promise<typeof FRIST_UTE>((r) => {
    timer = setTimeout(() => r(FRIST_UTE), Math.max(0, ms));
  });
  p.catch(() => {});
  try {
    return await Promise.race([p, ute]);
  } finally {
    clearTimeout(timer);
  }
}

type Utfall = { type: 'tid' } | { type: 'nett'; aarsak: string } | { type: 'svar'; svar: HttpSvar };

async function ettForsoek(
  { url, init }: Forespoersel,
  tidsavbruddMs: number,
  miljoe: HttpMiljoe,
  igjen: () => number,
  vern?: Kildevern,
): Promise<Utfall> {
  const tid = Math.min(tidsavbruddMs, igjen());
  if (tid <= 0) return { type: 'tid' };
  const avbryt = new AbortController();
  const startet = miljoe.naa();
  let tidenUte = false;
  const timer = setTimeout(() => {
    tidenUte = true;
    avbryt.abort();
  }, tid);
  try {
    const res = await miljoe.fetch(url, { ...init, signal: avbryt.signal });
    // The body is read inside the same timeout: a server may stall after the headers.
    const tekst = await res.text();
    vern?.registrerLatens(miljoe.naa() - startet);
    return { type: 'svar', svar: { status: res.status, tekst, headers: res.headers } };
  } catch (e) {
    if (tidenUte) return { type: 'tid' };
    return { type: 'nett', aarsak: nettverksaarsak(e) };
  } finally {
    clearTimeout(timer);
  }
}
