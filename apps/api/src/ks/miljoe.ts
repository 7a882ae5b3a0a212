import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Noekkelsett, type Noekkelsettvalg } from './noekkelsett.js';
import type { Utsteder } from './tokenkontroll.js';

type Miljoe = Readonly<Record<string, string | undefined>>;
type Feil = { variabel: string; melding: string };

/** The issuers the KS routes trust, besides the demo issuer (which the app adds in the demo set-up). */
export interface KsKonfig {
  /** Maskinporten: machine calls. null turns KS's authentication off (only API keys on the KS routes). */
  maskinporten: Omit<Utsteder, 'type'> | null;
  /** ID-porten: calls on behalf of a signed-in person. null (the default): not accepted. */
  idporten: Omit<Utsteder, 'type'> | null;
}

/** Maskinporten in production (Digdir, «well-known»: issuer and jwks_uri of maskinporten.no). */
export const MASKINPORTEN_ISSUER = 'https://maskinporten.no/';
export const MASKINPORTEN_JWKS_URL = 'https://maskinporten.no/jwk';
/** The scope KS Fiks requires of every call (ks-no.github.io «Integrasjoner»). */
export const KS_SCOPE = 'ks:fiks';
/** The audience Maskinporten and ID-porten put in a token when the client asked for none. */
export const UTEN_AUDIENCE = 'unspecified';
/** ID-porten's levels «betydelig» and «høyt» (the acr values of ID-porten's OIDC provider). */
export const IDPORTEN_ACR = ['idporten-loa-substantial', 'idporten-loa-high'];

/** The defaults: Maskinporten in production, its keys fetched when first needed; ID-porten off. */
export function standardKsKonfig(valg: Noekkelsettvalg = {}): KsKonfig {
  return {
    maskinporten: {
      issuer: MASKINPORTEN_ISSUER,
      noekkelsett: Noekkelsett.fraUrl(MASKINPORTEN_JWKS_URL, valg),
      audience: [UTEN_AUDIENCE],
      scope: KS_SCOPE,
    },
    idporten: null,
  };
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function url(v: string, navn: string, feil: Feil[]): string | null {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    feil.push({ variabel: navn, melding: `«${v}» er ikke en URL` });
    return null;
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.test(u.hostname))) {
    feil.push({ variabel: navn, melding: 'må bruke https (http bare mot localhost)' });
    return null;
  }
  return v;
}

const liste = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function utsteder(
  env: Miljoe,
  rot: string,
  prefiks: 'KS_MASKINPORTEN' | 'KS_IDPORTEN',
  standard: { issuer?: string; jwksUrl?: string },
  feil: Feil[],
  valg: Noekkelsettvalg,
): Omit<Utsteder, 'type'> | null {
  const v = (navn: string) => env[`${prefiks}_${navn}`]?.trim() || undefined;
  const issuer = v('ISSUER') ?? standard.issuer;
  if (!issuer) {
    for (const navn of ['JWKS_URL', 'JWKS_FIL', 'AUDIENCE', 'SCOPE', 'ACR']) {
      if (v(navn))
        feil.push({ variabel: `${prefiks}_${navn}`, melding: `er satt, men ${prefiks}_ISSUER mangler` });
    }
    return null;
  }
  if (!url(issuer, `${prefiks}_ISSUER`, feil)) return null;
  const fil = v('JWKS_FIL');
  const jwksUrl = v('JWKS_URL') ?? (fil ? undefined : standard.jwksUrl);
  if (fil && v('JWKS_URL')) {
    feil.push({
      variabel: `${prefiks}_JWKS_FIL`,
      melding: `oppgi enten ${prefiks}_JWKS_URL eller _JWKS_FIL, ikke begge`,
    });
    return null;
  }
  let noekkelsett: Noekkelsett | null = null;
  if (fil) {
    try {
      noekkelsett = Noekkelsett.fraJwks(JSON.parse(readFileSync(resolve(rot, fil), 'utf8')), fil);
    } catch (e) {
      // The message names the file and the reason, never a key.
      feil.push({
        variabel: `${prefiks}_JWKS_FIL`,
        melding: `kunne ikke lese et JWKS fra ${fil}: ${(e as Error).message}`,
      });
      return null;
    }
  } else if (jwksUrl) {
    if (!url(jwksUrl, `${prefiks}_JWKS_URL`, feil)) return null;
    noekkelsett = Noekkelsett.fraUrl(jwksUrl, valg);
  } else {
    feil.push({
      variabel: `${prefiks}_JWKS_URL`,
      melding: `mangler (påkrevd når ${prefiks}_ISSUER er satt), eller oppgi ${prefiks}_JWKS_FIL`,
    });
    return null;
  }
  const audience = liste(v('AUDIENCE') ?? UTEN_AUDIENCE);
  const scope = v('SCOPE') ?? KS_SCOPE;
  if (/\s/.test(scope)) feil.push({ variabel: `${prefiks}_SCOPE`, melding: 'må være ett scope' });
  return {
    issuer,
    noekkelsett,
    audience,
    scope,
    ...(prefiks === 'KS_IDPORTEN' ? { acr: liste(v('ACR') ?? IDPORTEN_ACR.join(',')) } : {}),
  };
}

/** A faulty KS setting; `miljoe.ts` turns it into its OppsettFeil. */
export class KsOppsettFeil extends Error {
  override readonly name = 'KsOppsettFeil';
  constructor(readonly feil: readonly Feil[]) {
    super(feil.map((f) => `${f.variabel}: ${f.melding}`).join('; '));
  }
}

/**
 * KS's authentication from the environment (docs/api.md): KS_MASKINPORTEN_ISSUER (default
 * https://maskinporten.no/; `av` turns it off), KS_MASKINPORTEN_JWKS_URL (default its /jwk) or
 * KS_MASKINPORTEN_JWKS_FIL (a local JWKS), KS_MASKINPORTEN_AUDIENCE (default unspecified;
 * comma-separated), KS_MASKINPORTEN_SCOPE (ks:fiks); the same with KS_IDPORTEN_ (off unless its
 * ISSUER is set) and KS_IDPORTEN_ACR (idporten-loa-substantial,idporten-loa-high).
 */
export function ksKonfigFraMiljoe(env: Miljoe, rot: string, valg: Noekkelsettvalg = {}): KsKonfig {
  const feil: Feil[] = [];
  const av = env.KS_MASKINPORTEN_ISSUER?.trim().toLowerCase() === 'av';
  const maskinporten = av
    ? null
    : utsteder(
        env,
        rot,
        'KS_MASKINPORTEN',
        { issuer: MASKINPORTEN_ISSUER, jwksUrl: MASKINPORTEN_JWKS_URL },
        feil,
        valg,
      );
  const idporten = utsteder(env, rot, 'KS_IDPORTEN', {}, feil, valg);
  if (feil.length > 0) throw new KsOppsettFeil(feil);
  return { maskinporten, idporten };
}

/**
 * ADMIN_API_KEY: the key of the admin routes (`/api/v1/admin/…`); unset, they are closed. At least 32
 * characters, so it cannot be guessed.
 */
export function adminNoekkelFraMiljoe(env: Miljoe): string | null {
  const v = env.ADMIN_API_KEY?.trim();
  if (!v) return null;
  if (v.length < 32 || /\s/.test(v)) {
    throw new KsOppsettFeil([
      {
        variabel: 'ADMIN_API_KEY',
        melding: 'må være minst 32 tegn uten mellomrom (f.eks. openssl rand -base64 32)',
      },
    ]);
  }
  return v;
}
