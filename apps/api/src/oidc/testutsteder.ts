// For the tests only: a tiny OpenID Connect issuer in-process (discovery, authorize with automatic
// consent, token with PKCE and client authentication, JWKS, end session), on the loopback.
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  jwtVerify,
  type KeyObject,
  SignJWT,
} from 'jose';

export interface Testutsteder {
  issuer: string;
  /** The claims of the person who "signs in" next (sub, pid, …). */
  person: Record<string, unknown>;
  /** Set to make /authorize answer with this OAuth error instead of a code. */
  avvis: string | null;
  /** Changes the ID token's claims before signing (to test validation). */
  endreIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** What the token endpoint received, for assertions. */
  tokenforespoersler: Array<Record<string, string>>;
  lukk(): Promise<void>;
}

export interface Testutstedervalg {
  klientId: string;
  redirectUri: string;
  /** client_secret_basic / client_secret_post. */
  hemmelighet?: string;
  /** private_key_jwt: the client's public key. */
  klientnoekkel?: CryptoKey | KeyObject;
  /** The issuer's clock (iat/exp of the ID token). */
  klokke: () => Date;
  medUtlogging?: boolean;
}

interface Kode {
  utfordring: string;
  nonce: string;
  redirectUri: string;
  person: Record<string, unknown>;
}

export async function startTestutsteder(valg: Testutstedervalg): Promise<Testutsteder> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const koder = new Map<string, Kode>();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const u: Testutsteder = {
    issuer,
    person: { sub: 'person-1' },
    avvis: null,
    endreIdToken: null,
    tokenforespoersler: [],
    lukk: () => new Promise<void>((ok) => server.close(() => ok())),
  };

  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      ...(valg.medUtlogging ? { end_session_endpoint: `${issuer}/endsession` } : {}),
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    });
  });

  app.get('/jwks', (_req, res) => {
    res.json({ keys: [jwk] });
  });

  // Automatic consent: checks the request as a real issuer would, then redirects back at once.
  app.get('/authorize', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const feil =
      q.response_type !== 'code'
        ? 'response_type'
        : q.client_id !== valg.klientId
          ? 'client_id'
          : q.redirect_uri !== valg.redirectUri
            ? 'redirect_uri'
            : !q.scope?.split(' ').includes('openid')
              ? 'scope'
              : q.code_challenge_method !== 'S256' || !q.code_challenge
                ? 'code_challenge'
                : !q.state || !q.nonce
                  ? 'state/nonce'
                  : null;
    if (feil) {
      res.status(400).type('text/plain').send(`ugyldig ${feil}`);
      return;
    }
    const tilbake = new URL(valg.redirectUri);
    tilbake.searchParams.set('state', q.state as string);
    if (u.avvis) {
      tilbake.searchParams.set('error', u.avvis);
    } else {
      const kode = randomBytes(16).toString('base64url');
      koder.set(kode, {
        utfordring: q.code_challenge as string,
        nonce: q.nonce as string,
        redirectUri: q.redirect_uri as string,
        person: { ...u.person },
      });
      tilbake.searchParams.set('code', kode);
    }
    res.redirect(302, tilbake.toString());
  });

  const klientOk = async (req: express.Request, kropp: Record<string, string>): Promise<boolean> => {
    const basic = /^Basic (.+)$/.exec(req.get('Authorization') ?? '');
    if (basic) {
      const [id, hemmelighet] = Buffer.from(basic[1] as string, 'base64')
        .toString('utf8')
        .split(':')
        .map((d) => decodeURIComponent(d.replace(/\+/g, ' ')));
      return id === valg.klientId && hemmelighet === valg.hemmelighet && valg.hemmelighet !== undefined;
    }
    if (kropp.client_assertion && valg.klientnoekkel) {
      try {
        const { payload } = await jwtVerify(kropp.client_assertion, valg.klientnoekkel, {
          issuer: valg.klientId,
          subject: valg.klientId,
          audience: [`${issuer}/token`, issuer],
          currentDate: valg.klokke(),
        });
        return (
          kropp.client_assertion_type === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' &&
          !!payload.jti
        );
      } catch {
        return false;
      }
    }
    return (
      kropp.client_id === valg.klientId &&
      kropp.client_secret === valg.hemmelighet &&
      valg.hemmelighet !== undefined
    );
  };

  app.post('/token', async (req, res) => {
    const kropp = req.body as Record<string, string>;
    u.tokenforespoersler.push({ ...kropp, ...(req.get('Authorization') ? { authorization: 'Basic' } : {}) });
    if (!(await klientOk(req, kropp))) {
      res.status(401).json({ error: 'invalid_client' });
      return;
    }
    const k = koder.get(kropp.code ?? '');
    koder.delete(kropp.code ?? '');
    const utfordring = createHash('sha256')
      .update(kropp.code_verifier ?? '')
      .digest('base64url');
    if (
      kropp.grant_type !== 'authorization_code' ||
      !k ||
      k.redirectUri !== kropp.redirect_uri ||
      k.utfordring !== utfordring
    ) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const naa = Math.floor(valg.klokke().getTime() / 1000);
    let claims: Record<string, unknown> = {
      // The level ID-porten reports for a substantial sign-in; a test may change it.
      acr: 'idporten-loa-substantial',
      ...k.person,
      nonce: k.nonce,
      iss: issuer,
      aud: valg.klientId,
      iat: naa,
      exp: naa + 300,
    };
    if (u.endreIdToken) claims = u.endreIdToken(claims);
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
      .sign(privateKey);
    res.json({
      access_token: randomBytes(16).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  });

  app.get('/endsession', (_req, res) => {
    res.type('text/plain').send('logget ut');
  });

  return u;
}
