import { decodeJwt, type JWTPayload, errors as joseFeil, jwtVerify } from 'jose';
import { type Noekkelsett, NoekkelsettUtilgjengelig } from './noekkelsett.js';

/**
 * An issuer whose access tokens the KS routes accept. Maskinporten (machine calls) and ID-porten
 * (calls on behalf of a signed-in person) as KS Fiks takes them (ks-no.github.io «Integrasjoner»,
 * 2026-10-10), and in the embedded demo set-up the demo issuer.
 */
export interface Utsteder {
  type: 'MASKINPORTEN' | 'IDPORTEN' | 'DEMO';
  /** The `iss` the tokens carry, exactly (Maskinporten: https://maskinporten.no/). */
  issuer: string;
  noekkelsett: Noekkelsett;
  /** The `aud` values accepted; Maskinporten and ID-porten give `unspecified` when the client asked for none. */
  audience: readonly string[];
  /** The scope the token's `scope` (space-separated) must contain: `ks:fiks`. */
  scope: string;
  /** ID-porten: the `acr` values accepted (the level of the person's sign-in). */
  acr?: readonly string[];
}

/** Why a token was refused; the caller gets KS's one text for all of them, the log gets the reason. */
export type Tokenavvisning =
  | 'TOKEN_FORMAT'
  | 'UKJENT_UTSTEDER'
  | 'DEMO_AVVIST'
  | 'ALGORITME'
  | 'SIGNATUR'
  | 'UTLOEPT'
  | 'TIDSPUNKT'
  | 'AUDIENCE'
  | 'SCOPE'
  | 'CONSUMER'
  | 'ACR'
  | 'PID';

export type Tokenresultat =
  | {
      ok: true;
      utsteder: Utsteder;
      /** The organisation number of the token's `consumer`. */
      organisasjonsnummer: string;
      /** ID-porten: the signed-in person's fødselsnummer (`pid`). */
      pid?: string;
    }
  | { ok: false; grunn: Tokenavvisning };

/** Maskinporten and ID-porten sign with RS256 only (Digdir, «/token endpoint» and «access token»). */
const ALGORITMER = ['RS256'];
/** Clock skew allowed between us and the issuer for exp, iat and nbf. */
const KLOKKESLINGRING_S = 30;

/**
 * `consumer` as Digdir writes it: `{"authority": "iso6523-actorid-upis", "ID": "0192:<orgnr>"}`
 * (Digdir, «access token from ID-porten», «Identifying organizations»: «As of Jan 2021, only 0192 is
 * supported as ICD value»). The organisation number, or null for anything else.
 */
export function consumerOrganisasjon(consumer: unknown): string | null {
  const c = consumer as { authority?: unknown; ID?: unknown } | null;
  if (!c || typeof c !== 'object' || c.authority !== 'iso6523-actorid-upis' || typeof c.ID !== 'string') {
    return null;
  }
  return /^0192:(\d{9})$/.exec(c.ID)?.[1] ?? null;
}

function grunnFra(e: unknown): Tokenavvisning {
  if (e instanceof joseFeil.JWTExpired) return 'UTLOEPT';
  if (e instanceof joseFeil.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return 'AUDIENCE';
    if (e.claim === 'iss') return 'UKJENT_UTSTEDER';
    if (e.claim === 'nbf' || e.claim === 'iat') return 'TIDSPUNKT';
    return 'TOKEN_FORMAT';
  }
  if (e instanceof joseFeil.JOSEAlgNotAllowed) return 'ALGORITME';
  if (
    e instanceof joseFeil.JWSSignatureVerificationFailed ||
    e instanceof joseFeil.JWKSNoMatchingKey ||
    e instanceof joseFeil.JWKSMultipleMatchingKeys
  ) {
    return 'SIGNATUR';
  }
  return 'TOKEN_FORMAT';
}

/**
 * Checks an access token against the issuers we trust: the issuer is picked by the token's `iss`
 * (exactly), then the signature against that issuer's keys, the algorithm, `exp`/`iat`/`nbf`, the
 * audience, the scope and the `consumer`; for ID-porten also `acr` and `pid`. The demo issuer's tokens
 * are refused (DEMO_AVVIST) unless the demo issuer is among those trusted.
 */
export class Tokenkontroll {
  constructor(
    private readonly utstedere: readonly Utsteder[],
    private readonly klokke: () => Date,
    /** The demo issuer's `iss`, to name the reason when it is not trusted. */
    private readonly demoIssuer?: string,
  ) {}

  /** Throws NoekkelsettUtilgjengelig when the issuer's keys cannot be had (not the token's fault). */
  async kontroller(token: string): Promise<Tokenresultat> {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return { ok: false, grunn: 'TOKEN_FORMAT' };
    }
    const utsteder = this.utstedere.find((u) => u.issuer === iss);
    if (!utsteder) {
      return {
        ok: false,
        grunn: iss !== undefined && iss === this.demoIssuer ? 'DEMO_AVVIST' : 'UKJENT_UTSTEDER',
      };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, utsteder.noekkelsett.noekkel, {
        issuer: utsteder.issuer,
        audience: [...utsteder.audience],
        algorithms: ALGORITMER,
        clockTolerance: KLOKKESLINGRING_S,
        currentDate: this.klokke(),
        requiredClaims: ['exp', 'iat', 'scope', 'consumer'],
      }));
    } catch (e) {
      if (e instanceof NoekkelsettUtilgjengelig) throw e;
      return { ok: false, grunn: grunnFra(e) };
    }
    // A token issued in the future is not one the issuer made now (jose checks iat only with a max age).
    if ((payload.iat as number) > this.klokke().getTime() / 1000 + KLOKKESLINGRING_S) {
      return { ok: false, grunn: 'TIDSPUNKT' };
    }
    const scope = typeof payload.scope === 'string' ? payload.scope.split(/\s+/) : [];
    if (!scope.includes(utsteder.scope)) return { ok: false, grunn: 'SCOPE' };
    const organisasjonsnummer = consumerOrganisasjon(payload.consumer);
    if (!organisasjonsnummer) return { ok: false, grunn: 'CONSUMER' };
    if (utsteder.type !== 'IDPORTEN') return { ok: true, utsteder, organisasjonsnummer };
    if (typeof payload.acr !== 'string' || !(utsteder.acr ?? []).includes(payload.acr)) {
      return { ok: false, grunn: 'ACR' };
    }
    const pid = typeof payload.pid === 'string' && /^\d{11}$/.test(payload.pid) ? payload.pid : null;
    if (!pid) return { ok: false, grunn: 'PID' };
    return { ok: true, utsteder, organisasjonsnummer, pid };
  }
}
