import { generateKeyPair } from 'jose';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDAG, startTestapp, type Testapp } from '../testoppsett.js';
import { kodeutfordring, type OidcKonfig } from './klient.js';
import { cookie, loggInn } from './testflyt.js';
import { startTestutsteder, type Testutsteder } from './testutsteder.js';

const KLIENT = 'inntektsgrunnlag-test';
const HEMMELIGHET = 'hemmelig-test-hemmelighet';
const REDIRECT = 'https://inntektsgrunnlag.kommune.example/auth/callback';
const KARI_FNR = '04817299771';

let utsteder: Testutsteder;
let t: Testapp;
let kari: string;
let ola: string;

function oidcKonfig(over: Partial<OidcKonfig> = {}): OidcKonfig {
  return {
    issuer: utsteder.issuer,
    klientId: KLIENT,
    klientautentisering: { metode: 'client_secret_basic', hemmelighet: HEMMELIGHET },
    redirectUri: REDIRECT,
    acrValues: 'idporten-loa-substantial',
    ...over,
  };
}

beforeAll(async () => {
  utsteder = await startTestutsteder({
    klientId: KLIENT,
    hemmelighet: HEMMELIGHET,
    redirectUri: REDIRECT,
    klokke: () => IDAG,
    medUtlogging: true,
  });
  t = await startTestapp({ innlogging: { oidc: oidcKonfig() } });
  const l = t.lagring;
  await l.kildesystemer.opprett({ id: 'entra', navn: 'Entra ID', naa: IDAG });
  const felles = { navn: null, aktiv: true, epost: [] };
  kari = (
    await l.scim.opprettBruker(
      'entra',
      {
        ...felles,
        brukernavn: 'kari',
        visningsnavn: 'Kari Saksbehandler',
        eksternId: 'kari-oid',
        foedselsnummer: KARI_FNR,
      },
      IDAG,
    )
  ).id;
  ola = (
    await l.scim.opprettBruker(
      'entra',
      {
        ...felles,
        brukernavn: 'ola',
        visningsnavn: 'Ola Saksbehandler',
        eksternId: 'ola-oid',
        foedselsnummer: null,
      },
      IDAG,
    )
  ).id;
  const g = await l.scim.opprettGruppe(
    'entra',
    { visningsnavn: 'Hjemmetjenesten', eksternId: null, medlemmer: [kari] },
    IDAG,
  );
  await l.grupper.tildelRolle(g.id, 'demo-praktisk-bistand');
});
afterAll(async () => {
  await t.lukk();
  await utsteder.lukk();
});
afterEach(() => {
  utsteder.person = { sub: 'person-1' };
  utsteder.avvis = null;
  utsteder.endreIdToken = null;
});

describe('OIDC sign-in (authorization code + PKCE) against the test issuer', () => {
  it('sends the browser to the issuer with PKCE S256, state, nonce and a state cookie', async () => {
    const login = await request(t.server).get('/auth/login');
    expect(login.status).toBe(302);
    const url = new URL(login.headers.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${utsteder.issuer}/authorize`);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      response_type: 'code',
      client_id: KLIENT,
      redirect_uri: REDIRECT,
      scope: 'openid profile',
      code_challenge_method: 'S256',
      acr_values: 'idporten-loa-substantial',
    });
    expect(q.state).toMatch(/^[\w-]{43}$/);
    expect(q.nonce).toMatch(/^[\w-]{43}$/);
    expect(q.code_challenge).toMatch(/^[\w-]{43}$/);
    const satt = (login.headers['set-cookie'] as unknown as string[])[0] as string;
    expect(satt).toMatch(
      /^__Host-ig_innlogging=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=600$/,
    );
    expect(cookie(login.headers['set-cookie'], '__Host-ig_innlogging')).toBe(
      `__Host-ig_innlogging=${q.state}`,
    );
  });

  it('signs Kari in by her fødselsnummer (claim pid): a session cookie, redirect to /, her roles', async () => {
    utsteder.person = { sub: 'pairwise-xyz', pid: KARI_FNR };
    const f = await loggInn(t.server);
    expect(f.callback.status).toBe(302);
    expect(f.callback.headers.location).toBe('/');
    const satt = (f.callback.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('__Host-ig_sesjon='),
    );
    expect(satt).toMatch(/^__Host-ig_sesjon=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    // The token request carried the PKCE verifier that matches the challenge, and the client's secret.
    const tf = utsteder.tokenforespoersler.at(-1) as Record<string, string>;
    expect(kodeutfordring(tf.code_verifier as string)).toBe(
      f.autorisasjonsUrl.searchParams.get('code_challenge'),
    );
    expect(tf.authorization).toBe('Basic');
    const s = await request(t.server)
      .get('/api/v1/sesjon')
      .set('Cookie', f.sesjon as string);
    expect(s.status).toBe(200);
    expect(s.headers['cache-control']).toBe('no-store');
    expect(s.body).toMatchObject({
      innlogget: true,
      modus: 'INNEBYGD',
      bruker: { id: kari, visningsnavn: 'Kari Saksbehandler' },
      roller: [
        {
          id: 'demo-praktisk-bistand',
          tjenesteomraade: 'PRAKTISK_BISTAND',
          beregningstyper: ['PRAKTISK_BISTAND'],
          avregning: false,
        },
      ],
      innloggingUrl: '/auth/login',
    });
    expect(s.body.csrfToken).toMatch(/^[\w-]{43}$/);
    // Nothing of the fødselsnummer reaches the log.
    expect(t.logg()).not.toContain(KARI_FNR);
  });

  it('signs Ola in by externalId = sub when the token has no fødselsnummer', async () => {
    utsteder.person = { sub: 'ola-oid' };
    const f = await loggInn(t.server);
    expect(f.callback.headers.location).toBe('/');
    const s = await request(t.server)
      .get('/api/v1/sesjon')
      .set('Cookie', f.sesjon as string);
    expect(s.body).toMatchObject({ innlogget: true, bruker: { id: ola }, roller: [] });
  });

  it("refuses an unknown person, a cancelled sign-in, another browser's state, a reused code", async () => {
    utsteder.person = { sub: 'ukjent', pid: '27847099416' };
    expect((await loggInn(t.server)).callback.headers.location).toBe('/?innloggingsfeil=BRUKER_UKJENT');
    utsteder.person = { sub: 'ola-oid' };
    utsteder.avvis = 'access_denied';
    const avbrutt = await loggInn(t.server);
    expect(avbrutt.callback.headers.location).toBe('/?innloggingsfeil=AVBRUTT');
    expect(avbrutt.sesjon).toBeNull();
    utsteder.avvis = null;
    const annen = await loggInn(t.server, { medInnloggingscookie: false });
    expect(annen.callback.headers.location).toBe('/?innloggingsfeil=UGYLDIG_TILSTAND');
    expect(annen.sesjon).toBeNull();
    // The same callback twice: the state is spent.
    const tilbake: URL[] = [];
    const foerste = await loggInn(t.server, { endreCallback: (u) => tilbake.push(u) });
    expect(foerste.sesjon).not.toBeNull();
    const forrige = tilbake[0] as URL;
    const igjen = await request(t.server)
      .get(`${forrige.pathname}${forrige.search}`)
      .set('Cookie', `__Host-ig_innlogging=${forrige.searchParams.get('state')}`);
    expect(igjen.headers.location).toBe('/?innloggingsfeil=UGYLDIG_TILSTAND');
    // A forged code.
    const falsk = await loggInn(t.server, { endreCallback: (u) => u.searchParams.set('code', 'forfalsket') });
    expect(falsk.callback.headers.location).toBe('/?innloggingsfeil=TOKEN_AVVIST');
  });

  it('validates the ID token: nonce, audience, issuer, expiry and signature', async () => {
    utsteder.person = { sub: 'ola-oid' };
    const tilfeller: Array<(c: Record<string, unknown>) => Record<string, unknown>> = [
      (c) => ({ ...c, nonce: 'en-annen' }),
      (c) => ({ ...c, aud: 'en-annen-klient' }),
      (c) => ({ ...c, iss: 'https://falsk.example' }),
      (c) => ({ ...c, exp: Math.floor(IDAG.getTime() / 1000) - 3600 }),
      (c) => ({ ...c, aud: [KLIENT, 'en-annen'], azp: 'en-annen' }),
      // Issue 19: the level the issuer reports must meet the configured one (substantial).
      (c) => ({ ...c, acr: 'idporten-loa-low' }),
      (c) => {
        const { acr: _acr, ...uten } = c;
        return uten;
      },
    ];
    for (const endre of tilfeller) {
      utsteder.endreIdToken = endre;
      const f = await loggInn(t.server);
      expect(f.callback.headers.location, endre.toString()).toBe('/?innloggingsfeil=ID_TOKEN_UGYLDIG');
      expect(f.sesjon).toBeNull();
    }
  });

  it('refuses a user deactivated over SCIM', async () => {
    const felles = { navn: null, aktiv: false, epost: [] };
    await t.lagring.scim.opprettBruker(
      'entra',
      { ...felles, brukernavn: 'per', visningsnavn: 'Per', eksternId: 'per-oid', foedselsnummer: null },
      IDAG,
    );
    utsteder.person = { sub: 'per-oid' };
    expect((await loggInn(t.server)).callback.headers.location).toBe('/?innloggingsfeil=BRUKER_INAKTIV');
  });

  it("logs out: the session ends, the cookie is cleared, the issuer's end_session URL is returned", async () => {
    utsteder.person = { sub: 'ola-oid' };
    const f = await loggInn(t.server);
    const s = await request(t.server)
      .get('/api/v1/sesjon')
      .set('Cookie', f.sesjon as string);
    // Without the CSRF token: refused.
    const uten = await request(t.server)
      .post('/api/v1/sesjon/logg-ut')
      .set('Cookie', f.sesjon as string);
    expect(uten.status).toBe(403);
    expect(uten.body.kode).toBe('CSRF_UGYLDIG');
    const ut = await request(t.server)
      .post('/api/v1/sesjon/logg-ut')
      .set('Cookie', f.sesjon as string)
      .set('X-CSRF-Token', s.body.csrfToken);
    expect(ut.status).toBe(200);
    const url = new URL(ut.body.utloggingUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${utsteder.issuer}/endsession`);
    expect(url.searchParams.get('client_id')).toBe(KLIENT);
    // Issue 19: never the ID token (it carries the fødselsnummer) in an address; the hint is `sub`.
    expect(url.searchParams.get('id_token_hint')).toBeNull();
    expect(url.searchParams.get('logout_hint')).toBe('ola-oid');
    expect(url.toString()).not.toMatch(/eyJ/);
    expect(ut.headers['set-cookie']).toContainEqual(expect.stringMatching(/^__Host-ig_sesjon=; .*Max-Age=0/));
    expect(
      (
        await request(t.server)
          .get('/api/v1/sesjon')
          .set('Cookie', f.sesjon as string)
      ).body.innlogget,
    ).toBe(false);
  });
});

describe('OIDC client authentication variants', () => {
  it('client_secret_post and private_key_jwt', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const u2 = await startTestutsteder({
      klientId: KLIENT,
      hemmelighet: HEMMELIGHET,
      klientnoekkel: publicKey,
      redirectUri: REDIRECT,
      klokke: () => IDAG,
    });
    try {
      for (const klientautentisering of [
        { metode: 'client_secret_post', hemmelighet: HEMMELIGHET } as const,
        { metode: 'private_key_jwt', noekkel: privateKey, alg: 'ES256', kid: 'k1' } as const,
        { metode: 'private_key_jwt', noekkel: privateKey, alg: 'ES256', publikum: 'issuer' } as const,
      ]) {
        const app = await startTestapp({
          lagring: t.lagring,
          innlogging: { oidc: { ...oidcKonfig(), issuer: u2.issuer, klientautentisering } },
        });
        try {
          u2.person = { sub: 'ola-oid' };
          const f = await loggInn(app.server);
          expect(f.callback.headers.location, klientautentisering.metode).toBe('/');
          const tf = u2.tokenforespoersler.at(-1) as Record<string, string>;
          expect(tf.authorization).toBeUndefined();
          expect(tf.client_id).toBe(KLIENT);
          if (klientautentisering.metode === 'private_key_jwt') expect(tf.client_secret).toBeUndefined();
        } finally {
          await app.lukk();
        }
      }
      // A wrong secret is refused by the issuer: TOKEN_AVVIST.
      const feil = await startTestapp({
        lagring: t.lagring,
        innlogging: {
          oidc: {
            ...oidcKonfig(),
            issuer: u2.issuer,
            klientautentisering: { metode: 'client_secret_basic', hemmelighet: 'feil' },
          },
        },
      });
      expect((await loggInn(feil.server)).callback.headers.location).toBe('/?innloggingsfeil=TOKEN_AVVIST');
      await feil.lukk();
    } finally {
      await u2.lukk();
    }
  });

  it('an issuer that cannot be reached: the API still starts, and sign-in says so', async () => {
    const app = await startTestapp({
      lagring: t.lagring,
      innlogging: { oidc: { ...oidcKonfig(), issuer: 'http://127.0.0.1:9' } },
    });
    try {
      const login = await request(app.server).get('/auth/login');
      expect(login.status).toBe(302);
      expect(login.headers.location).toBe('/?innloggingsfeil=UTSTEDER_UTILGJENGELIG');
    } finally {
      await app.lukk();
    }
  });
});

describe("issue 19: the ID token's level, algorithm and the source system of the pid match", () => {
  it('accepts a higher level than the configured one, refuses a lower one', async () => {
    const { godtatteAcr } = await import('./klient.js');
    const g = godtatteAcr('idporten-loa-substantial');
    expect(g.has('idporten-loa-high')).toBe(true);
    expect(g.has('idporten-loa-substantial')).toBe(true);
    expect(g.has('idporten-loa-low')).toBe(false);
    expect(godtatteAcr('Level4').has('Level3')).toBe(false);
  });

  it('refuses an ID token signed with an algorithm outside the allow-list', async () => {
    const app = await startTestapp({ innlogging: { oidc: oidcKonfig({ idTokenAlgoritmer: ['ES256'] }) } });
    try {
      await app.lagring.kildesystemer.opprett({ id: 'entra', navn: 'Entra ID', naa: IDAG });
      await app.lagring.scim.opprettBruker(
        'entra',
        {
          navn: null,
          aktiv: true,
          epost: [],
          brukernavn: 'ola',
          visningsnavn: 'Ola',
          eksternId: 'ola-oid',
          foedselsnummer: null,
        },
        IDAG,
      );
      utsteder.person = { sub: 'ola-oid' };
      const f = await loggInn(app.server);
      expect(f.callback.headers.location).toBe('/?innloggingsfeil=ID_TOKEN_UGYLDIG');
    } finally {
      await app.lukk();
    }
  });

  it("matches the pid only among the configured source system's users", async () => {
    const app = await startTestapp({ innlogging: { oidc: oidcKonfig({ kildesystem: 'annet' }) } });
    try {
      await app.lagring.kildesystemer.opprett({ id: 'entra', navn: 'Entra ID', naa: IDAG });
      await app.lagring.kildesystemer.opprett({ id: 'annet', navn: 'Annet', naa: IDAG });
      await app.lagring.scim.opprettBruker(
        'entra',
        {
          navn: null,
          aktiv: true,
          epost: [],
          brukernavn: 'kari',
          visningsnavn: 'Kari',
          eksternId: 'kari-oid',
          foedselsnummer: KARI_FNR,
        },
        IDAG,
      );
      utsteder.person = { sub: 'ukjent-sub', pid: KARI_FNR };
      const f = await loggInn(app.server);
      expect(f.callback.headers.location).toBe('/?innloggingsfeil=BRUKER_UKJENT');
      expect(f.sesjon).toBeNull();
    } finally {
      await app.lukk();
    }
  });
});
