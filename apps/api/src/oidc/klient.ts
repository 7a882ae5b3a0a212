import { createHash, randomBytes } from 'node:crypto';
import {
  type CryptoKey,
  createRemoteJWKSet,
  decodeJwt,
  type JWTPayload,
  jwtVerify,
  type KeyObject,
  SignJWT,
} from 'jose';

/** How the client proves itself at the token endpoint. */
export type Klientautentisering =
  | { metode: 'client_secret_basic' | 'client_secret_post'; hemmelighet: string }
  | {
      metode: 'private_key_jwt';
      noekkel: CryptoKey | KeyObject;
      /** The signing algorithm, e.g. RS256 or ES256. */
      alg: string;
      kid?: string;
      /** The assertion's audience: the token endpoint (RFC 7523, Entra ID) or the issuer (ID-porten). */
      publikum?: 'token_endpoint' | 'issuer';
    };

/** The OIDC relying party's settings (see docs/innlogging.md for the environment variables). */
export interface OidcKonfig {
  /** The issuer; discovery at `{issuer}/.well-known/openid-configuration`. */
  issuer: string;
  klientId: string;
  klientautentisering: Klientautentisering;
  /** Where the issuer sends the browser back: this API's /auth/callback, exactly as registered. */
  redirectUri: string;
  /** Default "openid profile". */
  scope?: string;
  /** acr_values, e.g. "idporten-loa-substantial" for ID-porten. */
  acrValues?: string;
  /** Where the issuer sends the browser after logout (must be registered there). */
  postLogoutRedirectUri?: string;
  /** The claim carrying the fødselsnummer (ID-porten: pid). Default pid. */
  foedselsnummerClaim?: string;
  /** The claim matched against the users' SCIM externalId when there is no fødselsnummer. Default sub. */
  eksternIdClaim?: string;
  /**
   * Match the user (by fødselsnummer or externalId) only among this source system's users (default:
   * any source system).
   */
  kildesystem?: string;
  /** The ID token's accepted signing algorithms (default {@link STANDARD_ID_TOKEN_ALGORITMER}). */
  idTokenAlgoritmer?: readonly string[];
}

/**
 * The signing algorithms an ID token may use unless configured otherwise: the asymmetric ones ID-porten
 * and Entra ID use. Never `none`, never a symmetric HS* (its key would be the client secret).
 */
export const STANDARD_ID_TOKEN_ALGORITMER: readonly string[] = ['RS256', 'PS256', 'ES256'];

/**
 * Authentication levels in increasing order, per scheme: a configured level is met by itself or a
 * higher one of the same scheme (ID-porten's current names and its older LevelN).
 */
const NIVAAREKKER: readonly (readonly string[])[] = [
  ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'],
  ['Level3', 'Level4'],
];

/** The acr values that satisfy the configured `acr_values` (space-separated, any of them). */
export function godtatteAcr(acrValues: string): Set<string> {
  const ut = new Set<string>();
  for (const krav of acrValues.split(/\s+/).filter(Boolean)) {
    ut.add(krav);
    for (const rekke of NIVAAREKKER) {
      const i = rekke.indexOf(krav);
      if (i >= 0) for (const hoeyere of rekke.slice(i)) ut.add(hoeyere);
    }
  }
  return ut;
}

/** Why a sign-in failed at the issuer; the code goes to the browser (as ?innloggingsfeil=) and the log. */
export type OidcFeilkode = 'UTSTEDER_UTILGJENGELIG' | 'TOKEN_AVVIST' | 'ID_TOKEN_UGYLDIG';

export class OidcFeil extends Error {
  override readonly name = 'OidcFeil';
  constructor(
    readonly kode: OidcFeilkode,
    melding: string,
  ) {
    super(melding);
  }
}

interface Metadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

/** A PKCE code verifier (RFC 7636 § 4.1): 32 random bytes, base64url, 43 characters. */
export function nyKodeverifier(): string {
  return randomBytes(32).toString('base64url');
}

/** The S256 code challenge of a verifier (RFC 7636 § 4.2). */
export function kodeutfordring(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

const TIDSAVBRUDD_MS = 10_000;
/** Clock skew allowed between us and the issuer when checking exp/iat/nbf. */
const KLOKKESLINGRING_S = 60;

/**
 * An OpenID Connect relying party: authorization code flow with PKCE (S256), state and nonce. The
 * issuer's metadata is discovered on first use (so the API starts while the issuer is down) and kept;
 * a failed discovery is tried again on the next sign-in. The ID token is validated with jose: the
 * signature against the issuer's JWKS, iss, aud (and azp), exp/iat with the injected clock, and nonce.
 */
export class OidcKlient {
  private metadataLoefte: Promise<Metadata> | null = null;
  private jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  constructor(
    readonly konfig: OidcKonfig,
    private readonly klokke: () => Date,
  ) {}

  metadata(): Promise<Metadata> {
    if (!this.metadataLoefte) {
      this.metadataLoefte = this.oppdag().catch((e: unknown) => {
        this.metadataLoefte = null;
        throw e;
      });
    }
    return this.metadataLoefte;
  }

  private async oppdag(): Promise<Metadata> {
    const url = `${this.konfig.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let m: Partial<Metadata>;
    try {
      const svar = await fetch(url, {
        signal: AbortSignal.timeout(TIDSAVBRUDD_MS),
        headers: { Accept: 'application/json' },
      });
      if (!svar.ok) throw new Error(`HTTP ${svar.status}`);
      m = (await svar.json()) as Partial<Metadata>;
    } catch (e) {
      throw new OidcFeil(
        'UTSTEDER_UTILGJENGELIG',
        `Fant ikke utstederens oppsett (${url}): ${(e as Error).message}`,
      );
    }
    // OpenID Connect Discovery § 4.3: the issuer in the document must be exactly the one configured.
    if (m.issuer !== this.konfig.issuer) {
      throw new OidcFeil(
        'UTSTEDER_UTILGJENGELIG',
        `Utstederen oppgir issuer «${String(m.issuer)}», ikke «${this.konfig.issuer}»`,
      );
    }
    for (const felt of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof m[felt] !== 'string')
        throw new OidcFeil('UTSTEDER_UTILGJENGELIG', `Utstederens oppsett mangler ${felt}`);
    }
    if (m.code_challenge_methods_supported && !m.code_challenge_methods_supported.includes('S256')) {
      throw new OidcFeil('UTSTEDER_UTILGJENGELIG', 'Utstederen støtter ikke PKCE med S256');
    }
    this.jwks = createRemoteJWKSet(new URL(m.jwks_uri as string), { timeoutDuration: TIDSAVBRUDD_MS });
    return m as Metadata;
  }

  /** Where to send the browser to sign in. */
  async autorisasjonsUrl(p: { state: string; nonce: string; kodeverifier: string }): Promise<string> {
    const m = await this.metadata();
    const url = new URL(m.authorization_endpoint);
    const parametre: Record<string, string> = {
      response_type: 'code',
      client_id: this.konfig.klientId,
      redirect_uri: this.konfig.redirectUri,
      scope: this.konfig.scope ?? 'openid profile',
      state: p.state,
      nonce: p.nonce,
      code_challenge: kodeutfordring(p.kodeverifier),
      code_challenge_method: 'S256',
      ...(this.konfig.acrValues ? { acr_values: this.konfig.acrValues } : {}),
    };
    for (const [n, v] of Object.entries(parametre)) url.searchParams.set(n, v);
    return url.toString();
  }

  private async klientbevis(m: Metadata, kropp: URLSearchParams): Promise<Record<string, string>> {
    const a = this.konfig.klientautentisering;
    if (a.metode === 'client_secret_basic') {
      // RFC 6749 § 2.3.1: id and secret are form-urlencoded before base64.
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
      return {
        Authorization: `Basic ${Buffer.from(`${enc(this.konfig.klientId)}:${enc(a.hemmelighet)}`).toString('base64')}`,
      };
    }
    kropp.set('client_id', this.konfig.klientId);
    if (a.metode !== 'private_key_jwt') {
      kropp.set('client_secret', a.hemmelighet);
      return {};
    }
    const naa = Math.floor(this.klokke().getTime() / 1000);
    const bevis = await new SignJWT({})
      .setProtectedHeader({ alg: a.alg, ...(a.kid ? { kid: a.kid } : {}) })
      .setIssuer(this.konfig.klientId)
      .setSubject(this.konfig.klientId)
      .setAudience(a.publikum === 'issuer' ? m.issuer : m.token_endpoint)
      .setIssuedAt(naa)
      .setExpirationTime(naa + 60)
      .setJti(randomBytes(16).toString('base64url'))
      .sign(a.noekkel);
    kropp.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    kropp.set('client_assertion', bevis);
    return {};
  }

  /** Exchanges the code for tokens and returns the validated ID token with its claims. */
  async innloes(p: {
    kode: string;
    kodeverifier: string;
    nonce: string;
  }): Promise<{ idToken: string; claims: JWTPayload }> {
    const m = await this.metadata();
    const kropp = new URLSearchParams({
      grant_type: 'authorization_code',
      code: p.kode,
      redirect_uri: this.konfig.redirectUri,
      code_verifier: p.kodeverifier,
    });
    const hoder = await this.klientbevis(m, kropp);
    let svar: Response;
    try {
      svar = await fetch(m.token_endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          ...hoder,
        },
        body: kropp,
        signal: AbortSignal.timeout(TIDSAVBRUDD_MS),
      });
    } catch (e) {
      throw new OidcFeil('UTSTEDER_UTILGJENGELIG', `Tokenendepunktet svarte ikke: ${(e as Error).message}`);
    }
    const json = (await svar.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!svar.ok || typeof json.id_token !== 'string') {
      // Only the OAuth error code, which is a fixed word, goes into the message (and so the log).
      const kode =
        typeof json.error === 'string' && /^[\w.-]{1,64}$/.test(json.error) ? json.error : 'ukjent';
      throw new OidcFeil('TOKEN_AVVIST', `Tokenendepunktet avviste koden (HTTP ${svar.status}, ${kode})`);
    }
    if (!this.jwks) throw new OidcFeil('UTSTEDER_UTILGJENGELIG', 'Utstederens nøkler er ikke kjent');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(json.id_token, this.jwks, {
        issuer: m.issuer,
        audience: this.konfig.klientId,
        currentDate: this.klokke(),
        clockTolerance: KLOKKESLINGRING_S,
        requiredClaims: ['sub', 'exp', 'iat'],
        algorithms: [...(this.konfig.idTokenAlgoritmer ?? STANDARD_ID_TOKEN_ALGORITMER)],
      }));
    } catch (e) {
      const err = e as { code?: string; claim?: string };
      throw new OidcFeil(
        'ID_TOKEN_UGYLDIG',
        `ID-tokenet er ugyldig (${err.code ?? 'ukjent'}${err.claim ? `, ${err.claim}` : ''})`,
      );
    }
    if (claims.nonce !== p.nonce) throw new OidcFeil('ID_TOKEN_UGYLDIG', 'ID-tokenet har feil nonce');
    // The level asked for (acr_values) is a request the issuer may not honour: check what it says it did.
    if (this.konfig.acrValues) {
      const acr = typeof claims.acr === 'string' ? claims.acr : null;
      if (!acr || !godtatteAcr(this.konfig.acrValues).has(acr)) {
        throw new OidcFeil(
          'ID_TOKEN_UGYLDIG',
          `ID-tokenet har sikkerhetsnivå (acr) ${acr && /^[\w.:-]{1,64}$/.test(acr) ? acr : 'ukjent'}, men ${this.konfig.acrValues} kreves`,
        );
      }
    }
    // OIDC Core § 3.1.3.7: with several audiences, azp must be this client.
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.konfig.klientId) {
      throw new OidcFeil('ID_TOKEN_UGYLDIG', 'ID-tokenet har flere mottakere, og azp er ikke denne klienten');
    }
    return { idToken: json.id_token, claims };
  }

  /**
   * The issuer's logout address for a session (RP-initiated logout), or null when it has none. The ID
   * token is never put in it (a URL ends up in browser history and proxy logs, and ID-porten's token
   * carries the case worker's fødselsnummer): `client_id` names the client, and `logout_hint` the
   * session by its `sid` (else `sub`, ID-porten's pairwise id, not the fødselsnummer).
   */
  async utloggingUrl(idToken: string | null): Promise<string | null> {
    const m = await this.metadata();
    if (!m.end_session_endpoint) return null;
    const url = new URL(m.end_session_endpoint);
    url.searchParams.set('client_id', this.konfig.klientId);
    if (idToken) {
      let hint: unknown;
      try {
        const c = decodeJwt(idToken);
        hint = c.sid ?? c.sub;
      } catch {
        hint = undefined;
      }
      if (typeof hint === 'string' && hint.length <= 200 && !/^\d{11}$/.test(hint)) {
        url.searchParams.set('logout_hint', hint);
      }
    }
    if (this.konfig.postLogoutRedirectUri)
      url.searchParams.set('post_logout_redirect_uri', this.konfig.postLogoutRedirectUri);
    return url.toString();
  }
}
