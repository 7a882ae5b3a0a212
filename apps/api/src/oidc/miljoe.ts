import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importJWK, importPKCS8, type JWK } from 'jose';
import type { Innloggingskonfig } from '../sesjon/innlogging.js';
import type { Klientautentisering, OidcKonfig } from './klient.js';

type Miljoe = Readonly<Record<string, string | undefined>>;
type Feil = { variabel: string; melding: string };

/** A faulty sign-in setting; `miljoe.ts` turns it into its OppsettFeil. */
export class InnloggingsoppsettFeil extends Error {
  override readonly name = 'InnloggingsoppsettFeil';
  constructor(readonly feil: readonly Feil[]) {
    super(feil.map((f) => `${f.variabel}: ${f.melding}`).join('; '));
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** https, or http to the loopback (a local issuer in development and tests). */
function url(env: Miljoe, navn: string, feil: Feil[], paakrevd: boolean): string | undefined {
  const v = env[navn]?.trim();
  if (!v) {
    if (paakrevd) feil.push({ variabel: navn, melding: 'mangler (påkrevd når OIDC_ISSUER er satt)' });
    return undefined;
  }
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    feil.push({ variabel: navn, melding: `«${v}» er ikke en URL` });
    return undefined;
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.test(u.hostname))) {
    feil.push({ variabel: navn, melding: 'må bruke https (http bare mot localhost)' });
  }
  return v;
}

function heltall(env: Miljoe, navn: string, min: number, maks: number, feil: Feil[]): number | undefined {
  const v = env[navn]?.trim();
  if (!v) return undefined;
  if (!/^\d{1,6}$/.test(v) || Number(v) < min || Number(v) > maks) {
    feil.push({ variabel: navn, melding: `må være et helt tall fra ${min} til ${maks} (fikk «${v}»)` });
    return undefined;
  }
  return Number(v);
}

const METODER = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

async function klientautentisering(
  env: Miljoe,
  rot: string,
  feil: Feil[],
): Promise<Klientautentisering | undefined> {
  const hemmelighet = env.OIDC_CLIENT_SECRET?.trim();
  const noekkelfil = env.OIDC_PRIVATE_KEY_FILE?.trim();
  const metode =
    env.OIDC_TOKEN_AUTH_METHOD?.trim() || (noekkelfil ? 'private_key_jwt' : 'client_secret_basic');
  if (!(METODER as readonly string[]).includes(metode)) {
    feil.push({ variabel: 'OIDC_TOKEN_AUTH_METHOD', melding: `må være en av ${METODER.join(', ')}` });
    return undefined;
  }
  if (metode !== 'private_key_jwt') {
    if (!hemmelighet) {
      feil.push({
        variabel: 'OIDC_CLIENT_SECRET',
        melding: `mangler (påkrevd for ${metode}); eller oppgi OIDC_PRIVATE_KEY_FILE`,
      });
      return undefined;
    }
    return { metode: metode as 'client_secret_basic' | 'client_secret_post', hemmelighet };
  }
  if (!noekkelfil) {
    feil.push({ variabel: 'OIDC_PRIVATE_KEY_FILE', melding: 'mangler (påkrevd for private_key_jwt)' });
    return undefined;
  }
  const alg = env.OIDC_PRIVATE_KEY_ALG?.trim() || 'RS256';
  const publikum = env.OIDC_CLIENT_ASSERTION_AUD?.trim() || 'token_endpoint';
  if (publikum !== 'token_endpoint' && publikum !== 'issuer') {
    feil.push({ variabel: 'OIDC_CLIENT_ASSERTION_AUD', melding: 'må være token_endpoint eller issuer' });
    return undefined;
  }
  try {
    const tekst = readFileSync(resolve(rot, noekkelfil), 'utf8').trim();
    // A PKCS#8 PEM file, or a private JWK (JSON).
    const noekkel = tekst.startsWith('{')
      ? await importJWK(JSON.parse(tekst) as JWK, alg)
      : await importPKCS8(tekst, alg);
    if (noekkel instanceof Uint8Array) throw new Error('nøkkelen må være asymmetrisk');
    const kid = env.OIDC_PRIVATE_KEY_KID?.trim();
    return { metode: 'private_key_jwt', noekkel, alg, publikum, ...(kid ? { kid } : {}) };
  } catch (e) {
    // The message names the file and the reason, never the key.
    feil.push({
      variabel: 'OIDC_PRIVATE_KEY_FILE',
      melding: `kunne ikke lese en privat nøkkel (${alg}) fra ${noekkelfil}: ${(e as Error).name}`,
    });
    return undefined;
  }
}

/**
 * Sign-in settings from the environment (see docs/innlogging.md). OIDC is on when OIDC_ISSUER is set.
 * `innebygd`: the embedded database is used (no DATABASE_URL); only then may SESJON_COOKIE_SECURE be
 * false, and only with the server on the loopback (HOST unset or a loopback address).
 */
export async function innloggingFraMiljoe(
  env: Miljoe,
  rot: string,
  innebygd: boolean,
): Promise<Innloggingskonfig> {
  const feil: Feil[] = [];
  const sikkerTekst = env.SESJON_COOKIE_SECURE?.trim().toLowerCase();
  let sikkerCookie = true;
  if (sikkerTekst) {
    if (sikkerTekst !== 'true' && sikkerTekst !== 'false') {
      feil.push({ variabel: 'SESJON_COOKIE_SECURE', melding: 'må være true eller false' });
    } else if (sikkerTekst === 'false') {
      const host = env.HOST?.trim();
      if (!innebygd || (host && !LOOPBACK.test(host) && host !== '::1')) {
        feil.push({
          variabel: 'SESJON_COOKIE_SECURE',
          melding:
            'false er bare lov i innebygd modus med serveren på localhost (uten DATABASE_URL, HOST tom eller 127.0.0.1)',
        });
      } else {
        sikkerCookie = false;
      }
    }
  }
  const inaktivMinutter = heltall(env, 'SESJON_INAKTIV_MINUTTER', 1, 24 * 60, feil);
  const maksTimer = heltall(env, 'SESJON_MAKS_TIMER', 1, 7 * 24, feil);

  let oidc: OidcKonfig | null = null;
  const issuer = url(env, 'OIDC_ISSUER', feil, false);
  if (issuer) {
    const klientId = env.OIDC_CLIENT_ID?.trim();
    if (!klientId)
      feil.push({ variabel: 'OIDC_CLIENT_ID', melding: 'mangler (påkrevd når OIDC_ISSUER er satt)' });
    const redirectUri = url(env, 'OIDC_REDIRECT_URI', feil, true);
    if (redirectUri && !new URL(redirectUri).pathname.endsWith('/auth/callback')) {
      feil.push({ variabel: 'OIDC_REDIRECT_URI', melding: 'må peke på /auth/callback i dette API-et' });
    }
    const postLogout = url(env, 'OIDC_POST_LOGOUT_REDIRECT_URI', feil, false);
    const autentisering = await klientautentisering(env, rot, feil);
    const valgfri = (navn: string) => env[navn]?.trim() || undefined;
    // OIDC_ID_TOKEN_ALGS: the accepted signing algorithms (comma-separated; default RS256,PS256,ES256).
    const algoritmer = valgfri('OIDC_ID_TOKEN_ALGS')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    for (const a of algoritmer ?? []) {
      if (!/^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a)) {
        feil.push({
          variabel: 'OIDC_ID_TOKEN_ALGS',
          melding: `«${a.slice(0, 20)}» er ikke en asymmetrisk signaturalgoritme (RS256, PS256, ES256, EdDSA …)`,
        });
      }
    }
    if (klientId && redirectUri && autentisering) {
      oidc = {
        issuer,
        klientId,
        klientautentisering: autentisering,
        redirectUri,
        ...(valgfri('OIDC_SCOPE') ? { scope: valgfri('OIDC_SCOPE') } : {}),
        ...(valgfri('OIDC_ACR_VALUES') ? { acrValues: valgfri('OIDC_ACR_VALUES') } : {}),
        ...(postLogout ? { postLogoutRedirectUri: postLogout } : {}),
        ...(valgfri('OIDC_FOEDSELSNUMMER_CLAIM')
          ? { foedselsnummerClaim: valgfri('OIDC_FOEDSELSNUMMER_CLAIM') }
          : {}),
        ...(valgfri('OIDC_EKSTERNID_CLAIM') ? { eksternIdClaim: valgfri('OIDC_EKSTERNID_CLAIM') } : {}),
        ...(valgfri('OIDC_KILDESYSTEM') ? { kildesystem: valgfri('OIDC_KILDESYSTEM') } : {}),
        ...(algoritmer ? { idTokenAlgoritmer: algoritmer } : {}),
      };
    }
  } else {
    for (const navn of [
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_REDIRECT_URI',
      'OIDC_PRIVATE_KEY_FILE',
    ]) {
      if (env[navn]?.trim()) feil.push({ variabel: navn, melding: 'er satt, men OIDC_ISSUER mangler' });
    }
  }
  if (feil.length > 0) throw new InnloggingsoppsettFeil(feil);
  return {
    sikkerCookie,
    ...(inaktivMinutter ? { inaktivMinutter } : {}),
    ...(maksTimer ? { maksTimer } : {}),
    oidc,
  };
}
