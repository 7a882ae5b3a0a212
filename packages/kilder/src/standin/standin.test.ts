import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IkkeTilgang, KildeFeil, Tidsavbrudd } from '../feil.js';
import { httpKilder, standinAdresser } from '../http/adaptere.js';
import { MaskinportenKlient } from '../http/maskinporten.js';
import { sertifikatFraPkcs12 } from '../http/virksomhetssertifikat.js';
import { innebygdeKilder } from '../innebygd.js';
import { innebygdPopulasjon } from '../populasjon/generator.js';
import type { Kilder } from '../porter.js';
import { lagTestsertifikat } from '../testhjelp/sertifikat.js';
import { type Feilinjeksjon, type Standin, startStandin } from './server.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVAT = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const OFFENTLIG = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const KLIENT = 'test-klient';
const KID = 'noekkel-1';
const RASKT = { ventStartMs: 2, ventMaksMs: 20 };

async function start(feil: Feilinjeksjon = {}, ekstra: Partial<Parameters<typeof startStandin>[0]> = {}) {
  return startStandin({
    klienter: [{ klientId: KLIENT, offentligNoekkel: OFFENTLIG, kid: KID }],
    feil,
    ...ekstra,
  });
}

function klient(s: Standin, valg: Partial<Parameters<typeof httpKilder>[0]> = {}): Kilder {
  const a = standinAdresser(s.url);
  return httpKilder({
    adresser: a,
    maskinporten: { tokenUrl: a.tokenUrl, audience: a.audience, klientId: KLIENT, noekkel: PRIVAT, kid: KID },
    forsoek: RASKT,
    ...valg,
  });
}

/** Every lookup a person needs, as comparable data or the error's class and code. */
async function alt(k: Kilder, identifikator: string, inntektsaar: number) {
  const utfall = async <T>(p: Promise<T>) =>
    p.then(
      (v) => ({ ok: v }),
      (e: unknown) => {
        if (!(e instanceof KildeFeil)) throw e;
        return { feil: e.name, kode: e.kode };
      },
    );
  const o = { rettighetspakke: 'kommunelangtidsoppholdinstitusjon', inntektsaar, identifikator };
  return Promise.all([
    utfall(k.summertSkattegrunnlag.hent({ ...o, stadie: 'OPPGJOER' })),
    utfall(
      k.summertSkattegrunnlag.hent({ ...o, rettighetspakke: 'kommuneforeldrebetaling', stadie: 'UTKAST' }),
    ),
    utfall(k.beregnetSkatt.hent({ ...o, rettighetspakke: 'kommuneLangtidsoppholdInstitusjon' })),
    utfall(k.avregning.hent(o)),
    utfall(
      k.folkeregister.hentPerson(identifikator, ['navn', 'foedsel', 'sivilstand', 'adressebeskyttelse']),
    ),
  ]);
}

describe('the stand-in serves the embedded population on the real paths', () => {
  let s: Standin;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.stopp());

  it('gives the same answers and the same errors over HTTP as the embedded source', async () => {
    const http = klient(s);
    const innebygd = innebygdeKilder();
    const pop = [...innebygdPopulasjon().personer.values()];
    const personer = pop
      .filter(
        (p, i) =>
          i % 9 === 0 ||
          ['SLETTET_AAR', 'ADRESSEBESKYTTELSE', 'BARE_UTKAST', 'D_NUMMER'].includes(p.kategori),
      )
      .map((p) => p.identifikator);
    personer.push('01019912345'); // no such person (and not even a valid number)
    const koder = new Set<string | undefined>();
    for (const id of personer) {
      for (const aar of [2019, 2022, 2025]) {
        const [a, b] = await Promise.all([alt(http, id, aar), alt(innebygd, id, aar)]);
        expect(a).toEqual(b);
        for (const x of a) if ('kode' in x) koder.add(x.kode);
      }
    }
    expect([...koder].sort()).toEqual(
      expect.arrayContaining(['AR-007', 'AR-009', 'BSA-007', 'BSA-009', 'SSG-007', 'SSG-008', 'SSG-011']),
    );
  });

  it('answers an unknown path with a real error body', async () => {
    const r = await fetch(`${s.url}/summertskattegrunnlag/v1/x`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ kode: 'SSG-003', melding: 'Ukjent url benyttet.' });
  });

  it('refuses a call without a valid token (SSG-004) and a token without the scope (SSG-005)', async () => {
    const url = `${s.url}/summertskattegrunnlag/v2/oppgjoer/kommunelangtidsoppholdinstitusjon/2023/04817299771`;
    const uten = await fetch(url);
    expect(uten.status).toBe(401);
    expect(await uten.json()).toMatchObject({ kode: 'SSG-004' });
    const feilToken = await fetch(url, { headers: { authorization: 'Bearer oppdiktet' } });
    expect(feilToken.status).toBe(401);

    const a = standinAdresser(s.url);
    const mp = new MaskinportenKlient({
      tokenUrl: a.tokenUrl,
      audience: a.audience,
      klientId: KLIENT,
      noekkel: PRIVAT,
      kid: KID,
    });
    const token = await mp.token('skatteetaten:avregning');
    const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(403);
    const body = (await r.json()) as { korrelasjonsid: string };
    expect(body).toMatchObject({ kode: 'SSG-005' });
    expect(body.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);

    const feilScope = klient(s, { scopes: { summertSkattegrunnlag: 'skatteetaten:avregning' } });
    const e = await feilScope.summertSkattegrunnlag
      .hent({
        stadie: 'OPPGJOER',
        rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
        inntektsaar: 2023,
        identifikator: '04817299771',
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IkkeTilgang);
    expect((e as IkkeTilgang).kode).toBe('SSG-005');
  });

  it('refuses a rettighetspakke that does not allow the stage', async () => {
    const e = await klient(s)
      .summertSkattegrunnlag.hent({
        stadie: 'UTKAST',
        rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
        inntektsaar: 2023,
        identifikator: '04817299771',
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IkkeTilgang);
  });
});

describe('Maskinporten: the JWT grant', () => {
  let s: Standin;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.stopp());

  it('is RS256 with aud, iss, scope, iat, exp ≤ 120 s, a unique jti, kid and consumer_org when set', async () => {
    const a = standinAdresser(s.url);
    const mp = new MaskinportenKlient({
      tokenUrl: a.tokenUrl,
      audience: a.audience,
      klientId: KLIENT,
      noekkel: PRIVAT,
      kid: 'noekkel-1',
      consumerOrg: '944496394',
    });
    const g1 = await mp.lagGrant('skatteetaten:summertskattegrunnlag');
    const g2 = await mp.lagGrant('skatteetaten:summertskattegrunnlag');
    expect(decodeProtectedHeader(g1)).toEqual({ alg: 'RS256', kid: 'noekkel-1' });
    const c = decodeJwt(g1);
    expect(Object.keys(c).sort()).toEqual(['aud', 'consumer_org', 'exp', 'iat', 'iss', 'jti', 'scope']);
    expect(c).toMatchObject({
      aud: a.audience,
      iss: KLIENT,
      scope: 'skatteetaten:summertskattegrunnlag',
      consumer_org: '944496394',
    });
    expect((c.exp as number) - (c.iat as number)).toBeLessThanOrEqual(120);
    expect(decodeJwt(g2).jti).not.toBe(c.jti);
    expect(
      () =>
        new MaskinportenKlient({
          tokenUrl: '',
          audience: '',
          klientId: '',
          noekkel: PRIVAT,
          kid: KID,
          grantLevetidSek: 121,
        }),
    ).toThrow();
  });

  it('caches the token per scope until shortly before it expires, and shares one request', async () => {
    const a = standinAdresser(s.url);
    let klokke = 1_000_000;
    const mp = new MaskinportenKlient(
      {
        tokenUrl: a.tokenUrl,
        audience: a.audience,
        klientId: KLIENT,
        noekkel: PRIVAT,
        kid: KID,
        fornyFoerUtloepSek: 20,
      },
      { fetch: (...x) => fetch(...x), tilfeldig: () => 0, sov: async () => {}, naa: () => klokke },
    );
    const foer = s.statistikk().utstedteTokens;
    const tokens = await Promise.all(Array.from({ length: 8 }, () => mp.token('skatteetaten:avregning')));
    expect(new Set(tokens).size).toBe(1);
    expect(s.statistikk().utstedteTokens - foer).toBe(1);
    klokke += 99_000; // 99 s later: still within 120 − 20 s
    expect(await mp.token('skatteetaten:avregning')).toBe(tokens[0]);
    klokke += 2_000; // 101 s: renewed
    expect(await mp.token('skatteetaten:avregning')).not.toBe(tokens[0]);
    expect(s.statistikk().utstedteTokens - foer).toBe(2);
  });

  describe('the stand-in’s /token validates the grant like Maskinporten', () => {
    const naa = () => Math.floor(Date.now() / 1000);
    async function grant(
      claims: Record<string, unknown>,
      valg: { noekkel?: string; alg?: string; kid?: string | null; x5c?: string[] } = {},
    ) {
      const key = await importPKCS8(valg.noekkel ?? PRIVAT, valg.alg ?? 'RS256');
      const kid = valg.kid === undefined ? KID : valg.kid;
      return new SignJWT(claims)
        .setProtectedHeader({
          alg: valg.alg ?? 'RS256',
          ...(kid !== null ? { kid } : {}),
          ...(valg.x5c ? { x5c: valg.x5c } : {}),
        })
        .sign(key);
    }
    const x5c = (pem: string) =>
      (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((b) =>
        b.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''),
      );
    const sert = lagTestsertifikat(PRIVAT);
    const gyldig = () => ({
      aud: `${s.url}/`,
      iss: KLIENT,
      scope: 'skatteetaten:summertskattegrunnlag',
      iat: naa(),
      exp: naa() + 120,
      jti: randomUUID(),
    });
    async function send(assertion: string, grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const r = await fetch(`${s.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: grantType, assertion }).toString(),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    }

    it('issues a token for a valid grant', async () => {
      const r = await send(await grant(gyldig()));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 120,
        scope: 'skatteetaten:summertskattegrunnlag',
      });
    });

    const annen = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    // The changes are functions: the clock is read when the test runs, not when it is collected.
    it.each([
      ['wrong aud', () => ({ aud: 'https://maskinporten.no/' }), {}],
      ['exp − iat above 120 s', () => ({ exp: naa() + 121 }), {}],
      ['iat far from the clock', () => ({ iat: naa() - 60, exp: naa() + 30 }), {}],
      ['an expired grant', () => ({ iat: naa() - 9, exp: naa() - 5 }), {}],
      ['no jti', () => ({ jti: undefined }), {}],
      ['no scope', () => ({ scope: undefined }), {}],
      ['an unknown claim', () => ({ sub: 'x' }), {}],
      ['an unknown client', () => ({ iss: 'ukjent' }), {}],
      ['another key', () => ({}), { noekkel: annen }],
      ['RS512 instead of RS256', () => ({}), { alg: 'RS512' }],
      ['neither kid nor x5c', () => ({}), { kid: null }],
      ['a kid other than the registered one', () => ({}), { kid: 'noekkel-2' }],
      [
        'x5c with a certificate not registered for the client',
        () => ({}),
        { kid: null, x5c: x5c(lagTestsertifikat(annen).kjedePem), noekkel: annen },
      ],
      [
        'x5c with an expired certificate',
        () => ({}),
        {
          kid: null,
          x5c: x5c(
            lagTestsertifikat(PRIVAT, { fra: new Date('2020-01-01'), til: new Date('2021-01-01') }).kjedePem,
          ),
        },
      ],
    ] as const)('refuses %s', async (_navn, endring, valg) => {
      const claims: Record<string, unknown> = { ...gyldig(), ...endring() };
      for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
      const r = await send(await grant(claims, valg));
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(/^invalid_(grant|client|scope)$/);
    });

    it('says what is missing when the grant has neither kid nor x5c, as Digdir documents', async () => {
      const r = await send(await grant(gyldig(), { kid: null }));
      expect(r.body.error_description).toMatch(/Either 'kid' or 'x5c' must be present/);
    });

    it('accepts x5c with the client’s virksomhetssertifikat, from the product’s own client', async () => {
      expect((await send(await grant(gyldig(), { kid: null, x5c: x5c(sert.kjedePem) }))).status).toBe(200);
      const a = standinAdresser(s.url);
      const fraP12 = sertifikatFraPkcs12(sert.pkcs12('pw'), 'pw');
      const mp = new MaskinportenKlient({
        tokenUrl: a.tokenUrl,
        audience: a.audience,
        klientId: KLIENT,
        noekkel: fraP12.noekkel,
        x5c: fraP12.x5c,
      });
      const g = await mp.lagGrant('skatteetaten:avregning');
      expect(decodeProtectedHeader(g).x5c).toEqual(fraP12.x5c);
      expect(decodeProtectedHeader(g).kid).toBeUndefined();
      expect(await mp.token('skatteetaten:avregning')).toMatch(/\S{20,}/);
    });

    it('the product’s client refuses to be made with neither kid nor x5c, naming the setting', () => {
      expect(
        () => new MaskinportenKlient({ tokenUrl: 'x', audience: 'x', klientId: 'k', noekkel: PRIVAT }),
      ).toThrow(/MASKINPORTEN_KID/);
    });

    it('refuses a jti used before, and a wrong grant_type', async () => {
      const g = await grant(gyldig());
      expect((await send(g)).status).toBe(200);
      expect((await send(g)).body.error_description).toMatch(/jti er brukt før/);
      expect((await send(await grant(gyldig()), 'client_credentials')).body.error).toBe(
        'unsupported_grant_type',
      );
    });
  });
});

describe('faults', () => {
  it('with 30 % injected 5xx errors every lookup of 100 persons still succeeds, ≤ 5 calls per API at once', async () => {
    const s = await start({ froe: 7, feilrate: 0.3, forsinkelseVariasjonMs: 3 });
    try {
      const http = klient(s);
      const innebygd = innebygdeKilder();
      const personer = [...innebygdPopulasjon().personer.values()]
        .filter((p) => p.aar.get(2023)?.oppgjoer)
        .slice(0, 100);
      expect(personer).toHaveLength(100);
      const resultater = await Promise.all(personer.map((p) => alt(http, p.identifikator, 2023)));
      const forventet = await Promise.all(personer.map((p) => alt(innebygd, p.identifikator, 2023)));
      expect(resultater).toEqual(forventet);
      for (const r of resultater) expect(r.every((x) => 'ok' in x || x.kode !== undefined)).toBe(true);
      const st = s.statistikk();
      expect(st.injiserteFeil).toBeGreaterThan(100);
      for (const api of ['SSG', 'BSA', 'AR', 'FREG'] as const) {
        expect(st.maksSamtidige[api], api).toBeLessThanOrEqual(5);
        expect(st.maksSamtidige[api], api).toBeGreaterThan(1);
      }
    } finally {
      await s.stopp();
    }
  });

  it('retries 429', async () => {
    const s = await start({ froe: 3, rate429: 0.5 });
    try {
      const r = await klient(s).avregning.hent({
        rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
        inntektsaar: 2023,
        identifikator: '04817299771',
      });
      expect(r.fastland?.beloepTilgode).toBe(8211577);
    } finally {
      await s.stopp();
    }
  });

  it('a source that does not answer gives a clear timeout within the configured deadline', async () => {
    const s = await start({ hengRate: 1, hengMs: 20_000 });
    try {
      const k = klient(s, { forsoek: { ...RASKT, tidsavbruddMs: 150, fristMs: 600 } });
      const start = performance.now();
      const e = await k.summertSkattegrunnlag
        .hent({
          stadie: 'OPPGJOER',
          rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
          inntektsaar: 2023,
          identifikator: '04817299771',
        })
        .catch((x: unknown) => x);
      const brukt = performance.now() - start;
      expect(e).toBeInstanceOf(Tidsavbrudd);
      expect((e as Error).message).toMatch(
        /^Summert skattegrunnlag svarte ikke innen fristen på (150|600) ms for 048172\*\*\*\*\* for inntektsåret 2023/,
      );
      // The deadline, plus slack for a loaded test machine (the token call is not delayed).
      expect(brukt).toBeLessThan(600 + 1_500);
    } finally {
      await s.stopp();
    }
  });
});
