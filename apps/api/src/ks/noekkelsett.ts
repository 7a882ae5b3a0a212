import {
  type CryptoKey,
  createLocalJWKSet,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
  errors as joseFeil,
} from 'jose';

/** The issuer's key set could not be had at all: nothing can be verified (the API answers 503). */
export class NoekkelsettUtilgjengelig extends Error {
  override readonly name = 'NoekkelsettUtilgjengelig';
}

export interface Noekkelsettvalg {
  /** The least time between two fetches, successful or not (the bounded rate). Default 30 s. */
  minIntervallMs?: number;
  /** Keys older than this are fetched again at the next verification. Default 10 minutes. */
  maksAlderMs?: number;
  /** A fetch that takes longer is abandoned. Default 5 s. */
  tidsavbruddMs?: number;
  /** The largest key set accepted, in bytes. Default 256 KiB. */
  maksStoerrelse?: number;
  /** Milliseconds now (tests move it). Default Date.now. */
  klokke?: () => number;
  /** Told when a fetch fails (the log): never with a key or a token. */
  varsle?: (melding: string) => void;
}

type LokaltSett = ReturnType<typeof createLocalJWKSet>;

/**
 * An issuer's public keys (a JWKS), for verifying the tokens it signs. From a file or given keys: fixed
 * for the life of the process. From a URL: fetched when first needed and kept, fetched again when older
 * than `maksAlderMs` or when a token names a key (`kid`) the set does not have (the issuer has rotated
 * its keys) — but never more often than once per `minIntervallMs`, whether the last fetch succeeded or
 * not, so neither a flood of tokens with made-up key ids nor an unreachable issuer makes us fetch per
 * request. A failed fetch keeps the keys we have. Key selection and verification are jose's
 * (`createLocalJWKSet`); jose's own remote set is not used because it fetches again on every
 * verification after a failed fetch and drops its keys when a refresh fails.
 */
export class Noekkelsett {
  private lokalt: LokaltSett | null;
  private hentetMs = Number.NEGATIVE_INFINITY;
  private sisteForsoekMs = Number.NEGATIVE_INFINITY;
  private paagaaende: Promise<void> | null = null;
  /** How many fetches were made (successful or not): for the tests and /metrics-style diagnostics. */
  antallHentinger = 0;

  private constructor(
    readonly beskrivelse: string,
    private readonly url: string | null,
    lokalt: LokaltSett | null,
    private readonly valg: Required<Omit<Noekkelsettvalg, 'varsle'>> & Pick<Noekkelsettvalg, 'varsle'>,
  ) {
    this.lokalt = lokalt;
  }

  /** A fixed key set (a local JWKS file, or the demo issuer's key). Throws on a malformed set. */
  static fraJwks(jwks: unknown, beskrivelse: string): Noekkelsett {
    return new Noekkelsett(beskrivelse, null, lagLokalt(jwks), standardvalg({}));
  }

  /** A key set published at a URL (Maskinporten: https://maskinporten.no/jwk), fetched as described above. */
  static fraUrl(url: string, valg: Noekkelsettvalg = {}): Noekkelsett {
    return new Noekkelsett(url, url, null, standardvalg(valg));
  }

  /** The key a token's header names, as jose's `jwtVerify` takes it (a key resolver). */
  readonly noekkel = async (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    if (this.url) {
      const naa = this.valg.klokke();
      if ((!this.lokalt || naa - this.hentetMs > this.valg.maksAlderMs) && this.kanHente(naa)) {
        await this.oppdater();
      }
    }
    const lokalt = this.lokalt;
    if (!lokalt) {
      throw new NoekkelsettUtilgjengelig(`Nøklene fra ${this.beskrivelse} kunne ikke hentes`);
    }
    try {
      return await lokalt(header, token);
    } catch (e) {
      // An unknown key id: the issuer may have rotated its keys since we fetched them.
      if (this.url && e instanceof joseFeil.JWKSNoMatchingKey && this.kanHente(this.valg.klokke())) {
        await this.oppdater();
        return (this.lokalt ?? lokalt)(header, token);
      }
      throw e;
    }
  };

  private kanHente(naa: number): boolean {
    return naa - this.sisteForsoekMs >= this.valg.minIntervallMs;
  }

  /** One fetch at a time; every caller waiting for it gets its outcome (the keys, or the old ones). */
  private oppdater(): Promise<void> {
    if (!this.paagaaende) {
      this.sisteForsoekMs = this.valg.klokke();
      this.antallHentinger++;
      this.paagaaende = this.hent()
        .then((lokalt) => {
          this.lokalt = lokalt;
          this.hentetMs = this.valg.klokke();
        })
        .catch((e: unknown) => {
          this.valg.varsle?.(
            `Nøklene fra ${this.beskrivelse} kunne ikke hentes (${(e as Error).message}); ${this.lokalt ? 'de forrige brukes videre' : 'ingen token kan kontrolleres'}`,
          );
        })
        .finally(() => {
          this.paagaaende = null;
        });
    }
    return this.paagaaende;
  }

  private async hent(): Promise<LokaltSett> {
    const svar = await fetch(this.url as string, {
      headers: { accept: 'application/json, application/jwk-set+json' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.valg.tidsavbruddMs),
    });
    if (svar.status !== 200) throw new Error(`HTTP ${svar.status}`);
    const tekst = await svar.text();
    if (tekst.length > this.valg.maksStoerrelse) throw new Error('nøkkelsettet er for stort');
    return lagLokalt(JSON.parse(tekst));
  }
}

function standardvalg(v: Noekkelsettvalg) {
  return {
    minIntervallMs: v.minIntervallMs ?? 30_000,
    maksAlderMs: v.maksAlderMs ?? 10 * 60_000,
    tidsavbruddMs: v.tidsavbruddMs ?? 5_000,
    maksStoerrelse: v.maksStoerrelse ?? 256 * 1024,
    klokke: v.klokke ?? Date.now,
    ...(v.varsle ? { varsle: v.varsle } : {}),
  };
}

function lagLokalt(jwks: unknown): LokaltSett {
  const sett = jwks as JSONWebKeySet | null;
  if (!sett || typeof sett !== 'object' || !Array.isArray(sett.keys) || sett.keys.length === 0) {
    throw new Error('ikke et JWKS med minst én nøkkel ({"keys": [...]})');
  }
  // Only public keys: a set with private members is a mistake (a key pair pasted in whole).
  if (sett.keys.some((k) => 'd' in k)) throw new Error('nøkkelsettet inneholder en privat nøkkel');
  return createLocalJWKSet(sett);
}
