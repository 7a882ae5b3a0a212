import { createPublicKey, type KeyObject, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { MAKS_GRANT_LEVETID_SEK } from '../http/maskinporten.js';
import { innebygdPopulasjon } from '../populasjon/generator.js';
import { tilfeldigFor } from '../populasjon/prng.js';
import {
  feilbody,
  fregFeilbody,
  MELDINGER,
  type SimulertSvar,
  simulerFolkeregisteret,
  simulerSkatteetaten,
} from '../populasjon/simulator.js';
import type { Populasjon } from '../populasjon/typer.js';

/**
 * A stand-in for Skatteetaten's sharing APIs, Folkeregisteret and Maskinporten, on one port: it serves
 * the embedded population on the real paths with the real answer and error bodies, behind bearer tokens
 * from its own Maskinporten-like `/token` endpoint, and can inject faults. For end-to-end tests of the
 * HTTP adapters and for trying the product with `KILDE=http` without access to Skatteetaten.
 *
 * Paths (base `http://host:port`):
 * - `POST /token` (JWT grant, as Maskinporten)
 * - `GET /summertskattegrunnlag/v2/{stadie}/{rettighetspakke}/{inntektsaar}/{personidentifikator}`
 * - `GET /beregnetskatt/v2/{rettighetspakke}/{inntektsaar}/{personidentifikator}`
 * - `GET /avregning/v2/{rettighetspakke}/{inntektsaar}/{personidentifikator}` (path inferred)
 * - `GET /folkeregisteret/{rettighetspakke}/api/v1/personer/{pnr}?part=…`
 * - `GET /folkeregister/api/v1/{rolleId}/v1/personer/{pnr}?part=…` (KS Fiks folkeregister, with the
 *   headers IntegrasjonId and IntegrasjonPassord and a token with scope ks:fiks)
 * - `GET /helse`
 * - `GET /statistikk`: calls per API, the most calls in flight at once per API, injected faults (for a
 *   stand-in run as its own process, where a test or an operator cannot call `statistikk()`)
 */

/** Faults to inject into API calls (never into /token). Decided from (seed, request, repetition): deterministic. */
export interface Feilinjeksjon {
  froe?: number;
  /** Share of API calls answered with 500/503 (0–1). */
  feilrate?: number;
  /** Share of API calls answered with 429 Too Many Requests (0–1). */
  rate429?: number;
  /** Latency added to every API call, in ms. */
  forsinkelseMs?: number;
  /** A random extra latency up to this many ms. */
  forsinkelseVariasjonMs?: number;
  /** Share of API calls that hang (no answer) for `hengMs` (0–1). */
  hengRate?: number;
  /** How long a hanging call hangs before a 504 (default 60 s). */
  hengMs?: number;
}

export interface Standinklient {
  /** The Maskinporten client id (`iss` of the grant). */
  klientId: string;
  /** The client's public key: a key object or an SPKI PEM text. */
  offentligNoekkel: KeyObject | CryptoKey | string;
  /** Scopes the client may ask for (default: all). */
  scopes?: readonly string[];
  /**
   * The key id registered for the key. When set, a grant with `kid` must name exactly it; a grant
   * may instead carry `x5c`, whose first certificate must hold the registered public key.
   */
  kid?: string;
}

export interface StandinInnstillinger {
  /** 0 (default) picks a free port. */
  port?: number;
  vert?: string;
  populasjon?: Populasjon;
  klienter: readonly Standinklient[];
  /** The lifetime of issued tokens (default 120 s, as Maskinporten's default). */
  tokenLevetidSek?: number;
  feil?: Feilinjeksjon;
  /** Wall-clock seconds (injectable for tests of the grant checks). */
  epokeSek?: () => number;
  /**
   * Integrations of KS Fiks folkeregister (`/folkeregister/api/v1/{rolleId}/v1/personer/…`): id,
   * password and the roles each holds, with the parts (dataminimering) each role allows (absent: all).
   */
  fiksIntegrasjoner?: ReadonlyArray<{
    id: string;
    passord: string;
    roller: ReadonlyArray<{ id: string; deler?: readonly string[] }>;
  }>;
  /**
   * The `aud` a grant must have. Default: the stand-in's own base URL with a trailing slash, with host
   * 127.0.0.1 or localhost (as Maskinporten's issuer, https://maskinporten.no/).
   */
  audience?: string;
}

export type StandinApi = 'SSG' | 'BSA' | 'AR' | 'FREG';

export interface Standinstatistikk {
  kall: Record<StandinApi, number>;
  /** The most calls in flight at once, per API. */
  maksSamtidige: Record<StandinApi, number>;
  injiserteFeil: number;
  utstedteTokens: number;
  avvisteGrants: number;
}

export interface Standin {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  statistikk(): Standinstatistikk;
  stopp(): Promise<void>;
}

const SCOPE_FOR: Record<StandinApi, string> = {
  SSG: 'skatteetaten:summertskattegrunnlag',
  BSA: 'skatteetaten:beregnetskatt',
  AR: 'skatteetaten:avregning',
  FREG: 'folkeregister:deling/offentligmedhjemmel',
};

/** Claims Maskinporten accepts in a grant; any other claim makes the assertion invalid. */
const TILLATTE_CLAIMS = new Set([
  'aud',
  'iss',
  'scope',
  'iat',
  'exp',
  'jti',
  'consumer_org',
  'resource',
  'pid',
]);
/** Maskinporten allows ±10 s clock skew on iat. */
const SKJEVHET_SEK = 10;

interface Utstedt {
  scopes: Set<string>;
  utloeper: number;
}

function json(res: ServerResponse, status: number, body: unknown, ekstra: Record<string, string> = {}): void {
  const tekst = JSON.stringify(body);
  const korrelasjonsid =
    body &&
    typeof body === 'object' &&
    typeof (body as { korrelasjonsid?: unknown }).korrelasjonsid === 'string'
      ? (body as { korrelasjonsid: string }).korrelasjonsid
      : randomUUID();
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(tekst),
    korrelasjonsid,
    ...ekstra,
  });
  res.end(tekst);
}

function lesBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let tekst = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      tekst += d;
      if (tekst.length > 100_000) req.destroy();
    });
    req.on('end', () => resolve(tekst));
    req.on('error', reject);
  });
}

/** KS Fiks's error body (ks-no.github.io «Integrasjoner»). */
function ksFeil(status: number, sti: string, message: string): SimulertSvar {
  const error: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
  };
  return {
    status,
    body: {
      timestamp: Date.now(),
      status,
      error: error[status] ?? 'Error',
      errorId: randomUUID(),
      path: sti,
      message,
      errorCode: null,
      errorJson: null,
    },
  };
}

/** The public key's SPKI DER in base64, to compare with a certificate's. */
async function spkiAv(noekkel: KeyObject | CryptoKey): Promise<string> {
  const ko = 'export' in noekkel && typeof noekkel.export === 'function' ? noekkel : undefined;
  if (ko)
    return createPublicKey(ko as KeyObject)
      .export({ type: 'spki', format: 'der' })
      .toString('base64');
  const der = await crypto.subtle.exportKey('spki', noekkel as CryptoKey);
  return Buffer.from(der).toString('base64');
}

const sov = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts the stand-in; resolves when it listens. */
export async function startStandin(inn: StandinInnstillinger): Promise<Standin> {
  const populasjon = inn.populasjon ?? innebygdPopulasjon();
  const epoke = inn.epokeSek ?? (() => Math.floor(Date.now() / 1000));
  const levetid = inn.tokenLevetidSek ?? 120;
  const feil = inn.feil ?? {};
  const froe = feil.froe ?? 1;
  const klienter = new Map<
    string,
    { noekkel: KeyObject | CryptoKey; spki: string; scopes?: readonly string[]; kid?: string }
  >();
  for (const k of inn.klienter) {
    const noekkel =
      typeof k.offentligNoekkel === 'string'
        ? await importSPKI(k.offentligNoekkel, 'RS256')
        : k.offentligNoekkel;
    klienter.set(k.klientId, {
      noekkel,
      spki: await spkiAv(noekkel),
      ...(k.scopes ? { scopes: k.scopes } : {}),
      ...(k.kid ? { kid: k.kid } : {}),
    });
  }
  const tokens = new Map<string, Utstedt>();
  const brukteJti = new Map<string, number>();
  const repetisjon = new Map<string, number>();
  const aktive: Record<StandinApi, number> = { SSG: 0, BSA: 0, AR: 0, FREG: 0 };
  const stat: Standinstatistikk = {
    kall: { SSG: 0, BSA: 0, AR: 0, FREG: 0 },
    maksSamtidige: { SSG: 0, BSA: 0, AR: 0, FREG: 0 },
    injiserteFeil: 0,
    utstedteTokens: 0,
    avvisteGrants: 0,
  };
  let audience: string[] = [];

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const avvis = (error: string, beskrivelse: string) => {
      stat.avvisteGrants++;
      json(res, 400, { error, error_description: beskrivelse });
    };
    const form = new URLSearchParams(await lesBody(req));
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return avvis(
        'unsupported_grant_type',
        'grant_type må være urn:ietf:params:oauth:grant-type:jwt-bearer',
      );
    }
    const assertion = form.get('assertion');
    if (!assertion) return avvis('invalid_request', 'assertion mangler');
    let iss: string | undefined;
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(assertion);
      if (header.alg !== 'RS256')
        return avvis('invalid_grant', `Invalid assertion: alg må være RS256 (fikk ${header.alg})`);
      iss = decodeJwt(assertion).iss;
    } catch {
      return avvis('invalid_grant', 'Invalid assertion: ikke en JWT');
    }
    // Digdir (maskinporten_protocol_jwtgrant): «Either 'kid' or 'x5c' must be present».
    if (!header.kid && !header.x5c?.length) {
      return avvis('invalid_client', "Invalid assertion: Either 'kid' or 'x5c' must be present");
    }
    const klient = iss ? klienter.get(iss) : undefined;
    if (!klient || !iss) return avvis('invalid_client', 'Invalid assertion: ukjent klient (iss)');
    if (header.kid) {
      if (klient.kid !== undefined && header.kid !== klient.kid) {
        return avvis('invalid_client', `Invalid assertion: ukjent kid ${header.kid} for klienten`);
      }
    } else {
      // A virksomhetssertifikat: its certificate must be valid now and hold the client's key.
      let blad: X509Certificate;
      try {
        blad = new X509Certificate(Buffer.from(header.x5c?.[0] ?? '', 'base64'));
      } catch {
        return avvis('invalid_client', 'Invalid assertion: x5c[0] er ikke et sertifikat');
      }
      const t = epoke() * 1000;
      if (t < Date.parse(blad.validFrom) || t > Date.parse(blad.validTo)) {
        return avvis('invalid_client', 'Invalid assertion: sertifikatet i x5c er ikke gyldig nå');
      }
      const sertSpki = blad.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      if (sertSpki !== klient.spki) {
        return avvis(
          'invalid_client',
          'Invalid assertion: sertifikatet i x5c er ikke registrert for klienten',
        );
      }
    }
    let claims: Record<string, unknown>;
    try {
      // exp, iat and nbf are checked by hand below, against Maskinporten's own limits.
      const v = await jwtVerify(assertion, klient.noekkel, {
        algorithms: ['RS256'],
        audience,
        issuer: iss,
        currentDate: new Date(epoke() * 1000),
        // Skew is allowed on iat only (below); an expired grant is refused.
        clockTolerance: 0,
      });
      claims = v.payload as Record<string, unknown>;
    } catch (e) {
      return avvis('invalid_grant', `Invalid assertion: ${(e as Error).message}`);
    }
    const naa = epoke();
    const ukjente = Object.keys(claims).filter((c) => !TILLATTE_CLAIMS.has(c));
    if (ukjente.length)
      return avvis('invalid_grant', `Invalid assertion: ukjente claims ${ukjente.join(', ')}`);
    const { iat, exp, jti, scope } = claims;
    if (typeof iat !== 'number' || Math.abs(naa - iat) > SKJEVHET_SEK) {
      return avvis(
        'invalid_grant',
        'Invalid assertion: iat mangler eller er mer enn 10 sekunder unna serverens klokke',
      );
    }
    if (typeof exp !== 'number' || exp <= iat || exp - iat > MAKS_GRANT_LEVETID_SEK) {
      return avvis(
        'invalid_grant',
        `Invalid assertion: exp må være etter iat og høyst ${MAKS_GRANT_LEVETID_SEK} sekunder etter`,
      );
    }
    if (typeof jti !== 'string' || jti.length === 0)
      return avvis('invalid_grant', 'Invalid assertion: jti mangler');
    for (const [j, utloep] of brukteJti) if (utloep < naa) brukteJti.delete(j);
    if (brukteJti.has(`${iss}:${jti}`)) return avvis('invalid_grant', 'Invalid assertion: jti er brukt før');
    brukteJti.set(`${iss}:${jti}`, exp + SKJEVHET_SEK);
    if (typeof scope !== 'string' || !scope.trim()) return avvis('invalid_scope', 'scope mangler');
    const scopes = scope.trim().split(/\s+/);
    const ikkeTillatt = klient.scopes ? scopes.filter((s) => !klient.scopes?.includes(s)) : [];
    if (ikkeTillatt.length)
      return avvis('invalid_scope', `Klienten har ikke tilgang til ${ikkeTillatt.join(' ')}`);
    const accessToken = randomBytes(32).toString('base64url');
    tokens.set(accessToken, { scopes: new Set(scopes), utloeper: naa + levetid });
    stat.utstedteTokens++;
    json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: levetid,
      scope: scopes.join(' '),
    });
  }

  function autorisert(req: IncomingMessage, api: StandinApi): SimulertSvar | undefined {
    const h = req.headers.authorization ?? '';
    const m = /^Bearer (\S+)$/i.exec(h);
    const t = m ? tokens.get(m[1] as string) : undefined;
    // The documented codes: SSG-004/005, BSA-004/005, AR-004/005; Folkeregisteret by status.
    if (!t || t.utloeper <= epoke()) {
      if (t) tokens.delete(m?.[1] as string);
      return {
        status: 401,
        body: api === 'FREG' ? fregFeilbody(401) : feilbody(`${api}-004`, MELDINGER[api]['004']),
      };
    }
    if (!t.scopes.has(SCOPE_FOR[api])) {
      return {
        status: 403,
        body:
          api === 'FREG'
            ? fregFeilbody(403)
            : feilbody(`${api}-005`, `${MELDINGER[api]['005']} Tokenet mangler scope ${SCOPE_FOR[api]}.`),
      };
    }
    return undefined;
  }

  /**
   * KS Fiks's checks (ks-no.github.io «Integrasjoner», «Folkeregister»): a Maskinporten token with scope
   * ks:fiks, the integration's id and password, a role the integration holds, and only the parts the
   * role allows (a request without `part` asks for person-basis, refused unless the role allows all).
   */
  function fiksAutorisert(
    req: IncomingMessage,
    sti: string,
    rolleId: string,
    deler: readonly string[],
  ): SimulertSvar | undefined {
    const m = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    const t = m ? tokens.get(m[1] as string) : undefined;
    if (!t || t.utloeper <= epoke() || !t.scopes.has('ks:fiks')) {
      return ksFeil(401, sti, 'Klarte ikke å validere access_token');
    }
    const id = String(req.headers.integrasjonid ?? '');
    const integrasjon = (inn.fiksIntegrasjoner ?? []).find(
      (i) => i.id === id && i.passord === String(req.headers.integrasjonpassord ?? ''),
    );
    if (!integrasjon) return ksFeil(401, sti, `Autentisering feilet for integrasjon med id ${id}`);
    const rolle = integrasjon.roller.find((r) => r.id === rolleId);
    if (!rolle) return ksFeil(403, sti, `Integrasjonen har ikke tilgang til rollen ${rolleId}`);
    if (rolle.deler) {
      if (deler.length === 0) {
        return ksFeil(403, sti, 'Rollen har ikke tilgang til hele person-basis; oppgi part');
      }
      const ikke = deler.filter((d) => !rolle.deler?.includes(d));
      if (ikke.length) return ksFeil(403, sti, `Rollen har ikke tilgang til ${ikke.join(', ')}`);
    }
    return undefined;
  }

  /** Decides the injected fault for this request, the same on every run for the same seed. */
  function fault(noekkel: string): { forsinkelse: number; utfall: 'ok' | 'feil' | '429' | 'heng' } {
    const n = (repetisjon.get(noekkel) ?? 0) + 1;
    repetisjon.set(noekkel, n);
    const r = (hva: string) => tilfeldigFor(froe, `${hva}|${noekkel}|${n}`);
    const forsinkelse =
      (feil.forsinkelseMs ?? 0) + Math.floor(r('forsinkelse') * (feil.forsinkelseVariasjonMs ?? 0));
    const x = r('utfall');
    const heng = feil.hengRate ?? 0;
    const f = feil.feilrate ?? 0;
    const r429 = feil.rate429 ?? 0;
    if (x < heng) return { forsinkelse, utfall: 'heng' };
    if (x < heng + f) return { forsinkelse, utfall: 'feil' };
    if (x < heng + f + r429) return { forsinkelse, utfall: '429' };
    return { forsinkelse, utfall: 'ok' };
  }

  async function api(
    req: IncomingMessage,
    res: ServerResponse,
    hvilket: StandinApi,
    svar: () => SimulertSvar,
    noekkel: string,
    autoriser: () => SimulertSvar | undefined = () => autorisert(req, hvilket),
  ): Promise<void> {
    stat.kall[hvilket]++;
    aktive[hvilket]++;
    stat.maksSamtidige[hvilket] = Math.max(stat.maksSamtidige[hvilket], aktive[hvilket]);
    let lukket = false;
    let aktiv = true;
    // A call stops counting as in flight when it is answered or the client gives it up (closes the
    // connection), not when a hanging handler next looks: the peak is what the client held at once.
    const slipp = () => {
      if (aktiv) {
        aktiv = false;
        aktive[hvilket]--;
      }
    };
    const gitOpp = () => {
      lukket = true;
      slipp();
    };
    res.on('close', gitOpp);
    // The socket's end or error comes in the same turn as the client's close (FIN/RST); the
    // response's 'close' only after the handle is closed, when the client's next call may already
    // have been counted. Both are listened to, so the peak is not overstated by that race.
    const sokkel = req.socket;
    sokkel.once('end', gitOpp);
    sokkel.once('error', gitOpp);
    try {
      const avvist = autoriser();
      if (avvist) return json(res, avvist.status, avvist.body);
      const { forsinkelse, utfall } = fault(noekkel);
      if (forsinkelse > 0) await sov(forsinkelse);
      if (utfall === 'heng') {
        stat.injiserteFeil++;
        const slutt = Date.now() + (feil.hengMs ?? 60_000);
        while (!lukket && Date.now() < slutt) await sov(Math.min(50, slutt - Date.now()));
        if (!lukket)
          json(res, 504, feilbody('DAS-003', 'Tjenesten er midlertidig utilgjengelig. Prøv igjen.'));
        return;
      }
      if (utfall === 'feil') {
        stat.injiserteFeil++;
        const status = tilfeldigFor(froe, `status|${noekkel}`) < 0.5 ? 500 : 503;
        if (hvilket === 'FREG') return json(res, status, fregFeilbody(500));
        return json(
          res,
          status,
          feilbody(`${hvilket}-002`, 'Uventet feil i et bakenforliggende system. Prøv igjen.'),
        );
      }
      if (utfall === '429') {
        stat.injiserteFeil++;
        return json(res, 429, feilbody('DAS-003', 'For mange kall. Prøv igjen.'), { 'retry-after': '0' });
      }
      const s = svar();
      json(res, s.status, s.body);
    } finally {
      slipp();
      sokkel.off('end', gitOpp);
      sokkel.off('error', gitOpp);
    }
  }

  async function behandle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const deler = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const noekkel = `${req.method} ${url.pathname}${url.search}`;
    if (req.method === 'POST' && url.pathname === '/token') return token(req, res);
    if (req.method === 'GET' && url.pathname === '/helse') return json(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/statistikk') return json(res, 200, stat);
    if (req.method === 'GET') {
      const [a, b, ...rest] = deler;
      if (a === 'summertskattegrunnlag' && b === 'v2' && rest.length === 4) {
        const [stadie, rettighetspakke, inntektsaar, identifikator] = rest as [
          string,
          string,
          string,
          string,
        ];
        return api(
          req,
          res,
          'SSG',
          () =>
            simulerSkatteetaten(populasjon, {
              api: 'SSG',
              stadie,
              rettighetspakke,
              inntektsaar,
              identifikator,
            }),
          noekkel,
        );
      }
      if ((a === 'beregnetskatt' || a === 'avregning') && b === 'v2' && rest.length === 3) {
        const [rettighetspakke, inntektsaar, identifikator] = rest as [string, string, string];
        const hvilket = a === 'beregnetskatt' ? 'BSA' : 'AR';
        return api(
          req,
          res,
          hvilket,
          () =>
            simulerSkatteetaten(populasjon, { api: hvilket, rettighetspakke, inntektsaar, identifikator }),
          noekkel,
        );
      }
      // KS Fiks folkeregister: /folkeregister/api/v1/{ROLLE_ID}/v1/personer/{pnr}
      if (
        a === 'folkeregister' &&
        b === 'api' &&
        rest.length === 5 &&
        rest[0] === 'v1' &&
        rest[2] === 'v1' &&
        rest[3] === 'personer'
      ) {
        const rolleId = rest[1] as string;
        const identifikator = rest[4] as string;
        const deler = url.searchParams.getAll('part');
        return api(
          req,
          res,
          'FREG',
          () => {
            const s = simulerFolkeregisteret(populasjon, {
              rettighetspakke: 'offentlig-med-hjemmel',
              identifikator,
              deler,
            });
            return s.status === 200
              ? s
              : ksFeil(s.status, url.pathname, (s.body as { melding: string }).melding);
          },
          noekkel,
          () => fiksAutorisert(req, url.pathname, rolleId, deler),
        );
      }
      // /folkeregisteret/{rettighetspakke}/api/v1/personer/{pnr}
      if (
        a === 'folkeregisteret' &&
        rest.length === 4 &&
        rest[0] === 'api' &&
        rest[1] === 'v1' &&
        rest[2] === 'personer'
      ) {
        const identifikator = rest[3] as string;
        return api(
          req,
          res,
          'FREG',
          () =>
            simulerFolkeregisteret(populasjon, {
              rettighetspakke: b ?? '',
              identifikator,
              deler: url.searchParams.getAll('part'),
            }),
          noekkel,
        );
      }
    }
    // An unknown path under an API: its own «Ukjent url benyttet.» (SSG-003, BSA-003, AR-003); elsewhere
    // the common DAS-002 (docs/om/feil.md).
    const ukjent: Record<string, 'SSG' | 'BSA' | 'AR'> = {
      summertskattegrunnlag: 'SSG',
      beregnetskatt: 'BSA',
      avregning: 'AR',
    };
    const ukjentApi = ukjent[deler[0] ?? ''];
    if (ukjentApi) return json(res, 404, feilbody(`${ukjentApi}-003`, MELDINGER[ukjentApi]['003']));
    if (deler[0] === 'folkeregisteret') return json(res, 404, fregFeilbody(404));
    json(res, 404, feilbody('DAS-002', 'Den forespurte URLen svarer ikke til et gyldig endepunkt'));
  }

  const server = createServer((req, res) => {
    behandle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, feilbody('DAS-001', 'Uventet feil.'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(inn.port ?? 0, inn.vert ?? '127.0.0.1', () => resolve());
  });
  const adr = server.address() as AddressInfo;
  const vert = adr.family === 'IPv6' ? `[${adr.address}]` : adr.address;
  const url = `http://${vert}:${adr.port}`;
  audience = inn.audience ? [inn.audience] : [`${url}/`, `http://localhost:${adr.port}/`];
  return {
    url,
    port: adr.port,
    statistikk: () => structuredClone(stat),
    stopp: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
