import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { InnloggingsoppsettFeil, innloggingFraMiljoe } from './miljoe.js';

const rot = mkdtempSync(join(tmpdir(), 'ig-oidc-miljoe-'));
afterAll(() => rmSync(rot, { recursive: true, force: true }));

const GRUNN = {
  OIDC_ISSUER: 'https://idporten.example',
  OIDC_CLIENT_ID: 'klient',
  OIDC_CLIENT_SECRET: 'hemmelig',
  OIDC_REDIRECT_URI: 'https://ig.kommune.example/auth/callback',
};

async function feil(env: Record<string, string>, innebygd = false) {
  try {
    await innloggingFraMiljoe(env, rot, innebygd);
  } catch (e) {
    if (e instanceof InnloggingsoppsettFeil) return e.feil.map((f) => f.variabel);
    throw e;
  }
  return [];
}

describe('sign-in settings from the environment', () => {
  it('no OIDC by default; Secure cookies; default lifetimes left to the app', async () => {
    expect(await innloggingFraMiljoe({}, rot, true)).toEqual({ sikkerCookie: true, oidc: null });
  });

  it('reads OIDC with a client secret and the optional settings', async () => {
    const k = await innloggingFraMiljoe(
      {
        ...GRUNN,
        OIDC_ACR_VALUES: 'idporten-loa-substantial',
        OIDC_EKSTERNID_CLAIM: 'oid',
        OIDC_KILDESYSTEM: 'entra',
        SESJON_INAKTIV_MINUTTER: '15',
        SESJON_MAKS_TIMER: '10',
      },
      rot,
      false,
    );
    expect(k).toMatchObject({
      sikkerCookie: true,
      inaktivMinutter: 15,
      maksTimer: 10,
      oidc: {
        issuer: 'https://idporten.example',
        klientId: 'klient',
        klientautentisering: { metode: 'client_secret_basic', hemmelighet: 'hemmelig' },
        acrValues: 'idporten-loa-substantial',
        eksternIdClaim: 'oid',
        kildesystem: 'entra',
      },
    });
  });

  it('reads a private key for private_key_jwt (PKCS#8 PEM)', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    writeFileSync(join(rot, 'noekkel.pem'), await exportPKCS8(privateKey));
    const { OIDC_CLIENT_SECRET: _s, ...utenHemmelighet } = GRUNN;
    const k = await innloggingFraMiljoe(
      {
        ...utenHemmelighet,
        OIDC_PRIVATE_KEY_FILE: 'noekkel.pem',
        OIDC_PRIVATE_KEY_KID: 'k1',
        OIDC_CLIENT_ASSERTION_AUD: 'issuer',
      },
      rot,
      false,
    );
    expect(k.oidc?.klientautentisering).toMatchObject({
      metode: 'private_key_jwt',
      alg: 'RS256',
      kid: 'k1',
      publikum: 'issuer',
    });
    expect(await feil({ ...utenHemmelighet, OIDC_PRIVATE_KEY_FILE: 'finnes-ikke.pem' })).toEqual([
      'OIDC_PRIVATE_KEY_FILE',
    ]);
  });

  it('names every faulty setting', async () => {
    expect(await feil({ OIDC_ISSUER: 'http://idporten.example' })).toEqual([
      'OIDC_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_REDIRECT_URI',
      'OIDC_CLIENT_SECRET',
    ]);
    expect(await feil({ ...GRUNN, OIDC_REDIRECT_URI: 'https://ig.kommune.example/annet' })).toEqual([
      'OIDC_REDIRECT_URI',
    ]);
    expect(await feil({ ...GRUNN, OIDC_TOKEN_AUTH_METHOD: 'none' })).toEqual(['OIDC_TOKEN_AUTH_METHOD']);
    expect(await feil({ OIDC_CLIENT_ID: 'klient' })).toEqual(['OIDC_CLIENT_ID']);
    expect(await feil({ SESJON_INAKTIV_MINUTTER: '0', SESJON_MAKS_TIMER: 'mange' })).toEqual([
      'SESJON_INAKTIV_MINUTTER',
      'SESJON_MAKS_TIMER',
    ]);
    // http is fine towards the loopback (a local issuer).
    expect(
      await feil({
        ...GRUNN,
        OIDC_ISSUER: 'http://127.0.0.1:8081',
        OIDC_REDIRECT_URI: 'http://localhost:8080/auth/callback',
      }),
    ).toEqual([]);
  });

  it('Secure may be turned off only in embedded mode on the loopback', async () => {
    expect((await innloggingFraMiljoe({ SESJON_COOKIE_SECURE: 'false' }, rot, true)).sikkerCookie).toBe(
      false,
    );
    expect(
      (await innloggingFraMiljoe({ SESJON_COOKIE_SECURE: 'false', HOST: '127.0.0.1' }, rot, true))
        .sikkerCookie,
    ).toBe(false);
    expect(await feil({ SESJON_COOKIE_SECURE: 'false' }, false)).toEqual(['SESJON_COOKIE_SECURE']);
    expect(await feil({ SESJON_COOKIE_SECURE: 'false', HOST: '0.0.0.0' }, true)).toEqual([
      'SESJON_COOKIE_SECURE',
    ]);
    expect(await feil({ SESJON_COOKIE_SECURE: 'kanskje' }, true)).toEqual(['SESJON_COOKIE_SECURE']);
  });
});

describe('OIDC_ID_TOKEN_ALGS (issue 19)', () => {
  it('reads an allow-list of asymmetric algorithms, and refuses none and HS*', async () => {
    const k = await innloggingFraMiljoe({ ...GRUNN, OIDC_ID_TOKEN_ALGS: 'RS256, ES256' }, rot, false);
    expect(k.oidc?.idTokenAlgoritmer).toEqual(['RS256', 'ES256']);
    expect((await innloggingFraMiljoe(GRUNN, rot, false)).oidc?.idTokenAlgoritmer).toBeUndefined();
    expect(await feil({ ...GRUNN, OIDC_ID_TOKEN_ALGS: 'none' })).toEqual(['OIDC_ID_TOKEN_ALGS']);
    expect(await feil({ ...GRUNN, OIDC_ID_TOKEN_ALGS: 'RS256,HS256' })).toEqual(['OIDC_ID_TOKEN_ALGS']);
  });
});
