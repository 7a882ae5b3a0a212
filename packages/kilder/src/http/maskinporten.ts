import { randomUUID } from 'node:crypto';
import { type CryptoKey, importPKCS8, SignJWT } from 'jose';
import { IkkeTilgang, type Oppslagsbeskrivelse, UgyldigSvar } from '../feil.js';
import {
  type Forsoeksregler,
  type HttpMiljoe,
  kallMedForsoek,
  STANDARD_FORSOEKSREGLER,
  STANDARD_HTTP_MILJOE,
} from './forsoek.js';

/** The JWT grant's greatest allowed lifetime: Maskinporten refuses exp − iat above 120 seconds. */
export const MAKS_GRANT_LEVETID_SEK = 120;

/**
 * A Maskinporten client (JWT grant, RFC 7523), as Digdir documents it
 * (https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_jwtgrant): a JWT signed with the
 * organisation's key (RS256), with `aud` the Maskinporten issuer, `iss` the client id, `scope`,
 * `iat`, `exp` (at most 120 s after iat), a unique `jti`, and `consumer_org` when a supplier acts for a
 * municipality. No `resource` claim: Skatteetaten expects the audience unspecified.
 */
export interface MaskinportenInnstillinger {
  /** The token endpoint: https://maskinporten.no/token (test: https://test.maskinporten.no/token). */
  tokenUrl: string;
  /** The `aud` claim: Maskinporten's issuer, https://maskinporten.no/ (test: https://test.maskinporten.no/). */
  audience: string;
  /** The client id registered in Maskinporten (the `iss` claim). */
  klientId: string;
  /** The private RSA key: a PKCS#8 PEM text or a key object. */
  noekkel: string | CryptoKey;
  /**
   * The key id registered with Maskinporten (JWT header `kid`). Digdir: «Either 'kid' or 'x5c' must be
   * present. 'kid' can and must be used by clients having a pre-registered certificate / asymmetric key».
   */
  kid?: string;
  /**
   * The virksomhetssertifikat chain (base64 DER, the organisation's certificate first), sent as the JWT
   * header `x5c` when the client authenticates with its certificate rather than a registered key.
   */
  x5c?: readonly string[];
  /** The municipality's organisation number when a supplier calls on its behalf (Altinn delegation). */
  consumerOrg?: string;
  /** exp − iat of the grant in seconds (default and maximum 120). */
  grantLevetidSek?: number;
  /** A token is renewed this many seconds before it expires (default 20). */
  fornyFoerUtloepSek?: number;
  forsoek?: Partial<Forsoeksregler>;
}

/** The client cannot be made as configured (a setting is missing). */
export class MaskinportenOppsettFeil extends Error {
  override readonly name = 'MaskinportenOppsettFeil';
}

interface Token {
  verdi: string;
  utloeper: number;
}

/** Issues and caches Maskinporten access tokens per scope. Safe to share between adapters. */
export class MaskinportenKlient {
  private readonly cache = new Map<string, Token>();
  private readonly underveis = new Map<string, Promise<string>>();
  private noekkel: CryptoKey | undefined;
  private readonly regler: Forsoeksregler;
  private readonly levetid: number;

  constructor(
    private readonly inn: MaskinportenInnstillinger,
    private readonly miljoe: HttpMiljoe = STANDARD_HTTP_MILJOE,
    /** Wall-clock seconds since the epoch for iat/exp (injectable for tests). */
    private readonly epokeSek: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.levetid = inn.grantLevetidSek ?? MAKS_GRANT_LEVETID_SEK;
    if (!(this.levetid > 0 && this.levetid <= MAKS_GRANT_LEVETID_SEK)) {
      throw new RangeError(`grantLevetidSek må være mellom 1 og ${MAKS_GRANT_LEVETID_SEK}`);
    }
    this.regler = { ...STANDARD_FORSOEKSREGLER, ...inn.forsoek };
    // Maskinporten refuses a grant with neither: better to fail when the client is made than on every lookup.
    if (!inn.kid && !inn.x5c?.length) {
      throw new MaskinportenOppsettFeil(
        "Maskinporten krever kid eller x5c i JWT-granten («Either 'kid' or 'x5c' must be present»): " +
          'oppgi nøkkel-ID-en (MASKINPORTEN_KID) eller virksomhetssertifikatet (MASKINPORTEN_SERTIFIKAT_FIL)',
      );
    }
  }

  /** An access token for the scope, from the cache until shortly before it expires. */
  async token(scope: string): Promise<string> {
    const t = this.cache.get(scope);
    if (t && this.miljoe.naa() < t.utloeper) return t.verdi;
    // Concurrent callers share one request, so a burst of lookups gets one token.
    let p = this.underveis.get(scope);
    if (!p) {
      p = this.hentNytt(scope).finally(() => this.underveis.delete(scope));
      this.underveis.set(scope, p);
    }
    return p;
  }

  /** Forgets the token for the scope (after a 401: it was revoked or expired early). */
  glem(scope: string): void {
    this.cache.delete(scope);
  }

  /** The signed grant: exported for tests and for checking a configuration by hand. */
  async lagGrant(scope: string): Promise<string> {
    const iat = this.epokeSek();
    const claims: Record<string, string> = { scope };
    if (this.inn.consumerOrg) claims.consumer_org = this.inn.consumerOrg;
    return new SignJWT(claims)
      .setProtectedHeader({
        alg: 'RS256',
        // kid when the key is registered by id; else the certificate chain (one of them is required).
        ...(this.inn.kid ? { kid: this.inn.kid } : { x5c: [...(this.inn.x5c ?? [])] }),
      })
      .setIssuer(this.inn.klientId)
      .setAudience(this.inn.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.levetid)
      .setJti(randomUUID())
      .sign(await this.privatNoekkel());
  }

  private async privatNoekkel(): Promise<CryptoKey> {
    if (this.noekkel) return this.noekkel;
    const b: Oppslagsbeskrivelse = { api: 'MASKINPORTEN' };
    if (typeof this.inn.noekkel !== 'string') this.noekkel = this.inn.noekkel;
    else {
      try {
        this.noekkel = await importPKCS8(this.inn.noekkel, 'RS256');
      } catch {
        throw new IkkeTilgang(
          b,
          {},
          'den private nøkkelen kunne ikke leses; den må være en RSA-nøkkel i PKCS#8 PEM',
        );
      }
    }
    return this.noekkel;
  }

  private async hentNytt(scope: string): Promise<string> {
    const b: Oppslagsbeskrivelse = { api: 'MASKINPORTEN' };
    const sendt = this.miljoe.naa();
    const svar = await kallMedForsoek(
      async () => ({
        url: this.inn.tokenUrl,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          // A fresh grant per attempt: each jti may be used once only.
          body: new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion: await this.lagGrant(scope),
          }).toString(),
        },
      }),
      b,
      this.regler,
      this.miljoe,
    );
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(svar.tekst) as Record<string, unknown>;
    } catch {
      // handled below
    }
    if (svar.status !== 200) {
      const detalj = [body.error, body.error_description].filter((x) => typeof x === 'string').join(': ');
      throw new IkkeTilgang(b, { httpStatus: svar.status }, detalj || `HTTP ${svar.status}`);
    }
    if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
      throw new UgyldigSvar(b, 'svaret mangler access_token');
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 120;
    const forny = this.inn.fornyFoerUtloepSek ?? 20;
    // Counted from when the request was sent, so a slow answer never makes us keep a stale token.
    const utloeper = sendt + Math.max(0, expiresIn - forny) * 1000;
    this.cache.set(scope, { verdi: body.access_token, utloeper });
    return body.access_token;
  }
}
