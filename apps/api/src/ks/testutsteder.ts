// For the tests only: a Maskinporten-shaped issuer (an RS256 key pair, its JWKS, and access tokens
// with Maskinporten's claims), and a tiny JWKS server on the loopback that counts its fetches.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export interface Testnoekkel {
  kid: string;
  privat: CryptoKey;
  offentlig: JWK;
}

export async function nyTestnoekkel(kid: string): Promise<Testnoekkel> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privat: privateKey,
    offentlig: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export interface Tokenvalg {
  /** The clock's now: iat, and exp 120 s later (Maskinporten's usual lifetime). */
  naa: Date;
  organisasjonsnummer: string;
  /** Claims to set or (with undefined) remove, after the defaults. */
  claims?: Record<string, unknown>;
  noekkel?: Testnoekkel;
  /** The header's kid, when another than the key's. */
  kid?: string;
}

/**
 * An access token as Maskinporten issues it (Digdir, «/token endpoint», «The access token»): iss, aud
 * `unspecified`, scope, consumer `{authority: iso6523-actorid-upis, ID: 0192:<orgnr>}`, client_id,
 * client_amr, token_type, iat, exp, jti; RS256 with a kid.
 */
export async function maskinportentoken(issuer: string, noekkel: Testnoekkel, v: Tokenvalg): Promise<string> {
  const iat = Math.floor(v.naa.getTime() / 1000);
  const claims: Record<string, unknown> = {
    iss: issuer,
    aud: 'unspecified',
    scope: 'ks:fiks',
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${v.organisasjonsnummer}` },
    client_id: 'leverandoerens-klient',
    client_amr: 'private_key_jwt',
    token_type: 'Bearer',
    iat,
    exp: iat + 120,
    jti: randomUUID(),
  };
  for (const [k, verdi] of Object.entries(v.claims ?? {})) {
    if (verdi === undefined) delete claims[k];
    else claims[k] = verdi;
  }
  const k = v.noekkel ?? noekkel;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: v.kid ?? k.kid }).sign(k.privat);
}

/** Writes a JWKS file (the public keys) into a folder and returns its path. */
export function skrivJwks(mappe: string, noekler: readonly Testnoekkel[], navn = 'jwks.json'): string {
  const sti = join(mappe, navn);
  writeFileSync(sti, JSON.stringify({ keys: noekler.map((n) => n.offentlig) }));
  return sti;
}

export interface Jwksserver {
  url: string;
  /** The keys served; change them to rotate. */
  noekler: Testnoekkel[];
  /** Answer 503 instead of the keys. */
  nede: boolean;
  hentinger: number;
  lukk(): Promise<void>;
}

export async function startJwksserver(noekler: Testnoekkel[]): Promise<Jwksserver> {
  const app = express();
  const s: Jwksserver = {
    url: '',
    noekler,
    nede: false,
    hentinger: 0,
    lukk: async () => undefined,
  };
  app.get('/jwk', (_req, res) => {
    s.hentinger++;
    if (s.nede) {
      res.status(503).send('nede');
      return;
    }
    res.json({ keys: s.noekler.map((n) => n.offentlig) });
  });
  const server = await new Promise<Server>((ok) => {
    const srv = app.listen(0, '127.0.0.1', () => ok(srv));
  });
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwk`;
  s.lukk = () => new Promise<void>((ok) => server.close(() => ok()));
  return s;
}
