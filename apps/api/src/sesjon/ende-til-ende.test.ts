// Issue 13, "done when": a user created over SCIM and added to a group that holds
// demo-praktisk-bistand signs in through OIDC, runs a PRAKTISK_BISTAND beregning, and is refused the
// moment the group membership is removed over SCIM. Run in embedded mode and in production mode, since
// production is what the issue is for: no demo picker there, and the cookie must hold up on its own.
import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kodeutfordring } from '../oidc/klient.js';
import { cookie, loggInn } from '../oidc/testflyt.js';
import { startTestutsteder, type Testutsteder } from '../oidc/testutsteder.js';
import { knyttRolle, opprettKildesystem } from '../scim/administrasjon.js';
import { URN } from '../scim/skjema.js';
import { IDAG, startTestapp, type Testapp } from '../testoppsett.js';

const KLIENT = 'inntektsgrunnlag';
const HEMMELIGHET = 'test-hemmelighet';
const REDIRECT = 'https://inntektsgrunnlag.kommune.example/auth/callback';
const FNR = '27847099416';
const ROLLE = 'demo-praktisk-bistand';
const [gull] = lesGullfiler('praktisk-bistand-ks-2021');

/** The storage suite's PostgreSQL (docs/lagring.md), in a schema of this run's own. */
const PG_URL = process.env.INNTEKTSGRUNNLAG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_SKJEMA = `test_api_${process.pid}_${Date.now().toString(36)}`;
const postgres = await aapneLagring({ databaseUrl: PG_URL, skjema: PG_SKJEMA }).then(
  (lagring) => ({ ok: true as const, lagring }),
  (e: unknown) => ({ ok: false as const, grunn: (e as Error).message }),
);
if (!postgres.ok) {
  // In CI PostgreSQL is required: the variant is never skipped there.
  if (process.env.CI === 'true')
    throw new Error(`PostgreSQL kreves i CI, men ${PG_URL} svarer ikke (${postgres.grunn})`);
  // Visible in the output: the PostgreSQL variant is skipped only because the server is not there.
  console.warn(
    `\n[api] MERK: ende-til-ende i produksjonsmodus på PostgreSQL HOPPES OVER: ${PG_URL} svarer ikke (${postgres.grunn}).\n`,
  );
}

interface Variant {
  navn: string;
  modus: 'INNEBYGD' | 'PRODUKSJON';
  med: boolean;
  /** The storage the app runs on, and how to be rid of it. */
  aapne(): Promise<{ lagring: Lagring; lukk(): Promise<void> }>;
}

const VARIANTER: Variant[] = [
  {
    navn: 'embedded mode (PGlite with the demo data)',
    modus: 'INNEBYGD',
    med: true,
    async aapne() {
      const lagring = await aapneLagring({ iMinne: true, demodata: true });
      return { lagring, lukk: () => lagring.lukk() };
    },
  },
  {
    // What production runs on. No demo data here: the operator has made the role, as in docs/scim.md.
    navn: 'production mode (PostgreSQL)',
    modus: 'PRODUKSJON',
    med: postgres.ok,
    async aapne() {
      if (!postgres.ok) throw new Error('PostgreSQL svarer ikke');
      const rolle = DEMODATA.find((d) => d.rolle.id === ROLLE)?.rolle;
      await postgres.lagring.roller.lagre(rolle);
      // Closed with the schema at the end of the file.
      return { lagring: postgres.lagring, lukk: async () => undefined };
    },
  },
  {
    // The app's mode follows `lagring.innebygd`; turned off over the embedded database (which still
    // holds the demo users), so production mode runs here even without a PostgreSQL server, and the
    // demo picker is shown to be refused with demo users there to pick.
    navn: 'production mode over the embedded database (innebygd: false)',
    modus: 'PRODUKSJON',
    med: true,
    async aapne() {
      const lagring = await aapneLagring({ iMinne: true, demodata: true });
      return { lagring: { ...lagring, innebygd: false }, lukk: () => lagring.lukk() };
    },
  },
];

let utsteder: Testutsteder;

beforeAll(async () => {
  utsteder = await startTestutsteder({
    klientId: KLIENT,
    hemmelighet: HEMMELIGHET,
    redirectUri: REDIRECT,
    klokke: () => IDAG,
    medUtlogging: true,
  });
});
afterAll(async () => {
  await utsteder.lukk();
  if (postgres.ok) {
    await postgres.lagring.sql.exec(`DROP SCHEMA IF EXISTS ${PG_SKJEMA} CASCADE`);
    await postgres.lagring.lukk();
  }
});

for (const v of VARIANTER) {
  describe.skipIf(!v.med)(v.navn, () => {
    let t: Testapp;
    let lukkLagring: () => Promise<void>;

    beforeAll(async () => {
      const { lagring, lukk } = await v.aapne();
      lukkLagring = lukk;
      t = await startTestapp({
        lagring,
        innlogging: {
          oidc: {
            issuer: utsteder.issuer,
            klientId: KLIENT,
            klientautentisering: { metode: 'client_secret_basic', hemmelighet: HEMMELIGHET },
            redirectUri: REDIRECT,
          },
        },
      });
    });
    afterAll(async () => {
      await t?.lukk();
      await lukkLagring?.();
    });

    it(`the demo picker is ${v.modus === 'INNEBYGD' ? 'there' : 'gone'}`, async () => {
      const brukere = await request(t.server).get('/api/v1/demo/brukere');
      const demo = await request(t.server)
        .post('/api/v1/sesjon/demo')
        .send({ brukerId: 'demo-bruker-praktisk-bistand' });
      if (v.modus === 'INNEBYGD') {
        expect(brukere.status).toBe(200);
        expect(demo.status).toBe(200);
        return;
      }
      for (const svar of [brukere, demo]) {
        expect(svar.status).toBe(404);
        expect(svar.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(svar.headers['set-cookie']).toBeUndefined();
      }
      expect((await request(t.server).get('/api/v1/sesjon')).body).toEqual({
        innlogget: false,
        modus: 'PRODUKSJON',
        innloggingUrl: '/auth/login',
        roller: [],
      });
    });

    it('SCIM user in a group holding demo-praktisk-bistand signs in (OIDC), calculates, and is refused once removed', async () => {
      // The municipality's identity system gets its SCIM token.
      const { token } = await opprettKildesystem(t.lagring, { id: 'entra', navn: 'Entra ID', naa: IDAG });
      const scim = (metode: 'post' | 'patch', sti: string, kropp: unknown) =>
        request(t.server)
          [metode](`/scim/v2${sti}`)
          .set('Authorization', `Bearer ${token}`)
          .set('Content-Type', 'application/scim+json')
          .send(JSON.stringify(kropp));

      // It provisions the case worker (with her fødselsnummer) and a group.
      const bruker = await scim('post', '/Users', {
        schemas: [URN.bruker, URN.ksPerson],
        userName: 'kari.nordmann@kommune.example',
        externalId: 'e5a1c0de',
        name: { givenName: 'Kari', familyName: 'Nordmann' },
        emails: [{ value: 'kari.nordmann@kommune.example', type: 'work', primary: true }],
        [URN.ksPerson]: { foedselsnummer: FNR },
      });
      expect(bruker.status).toBe(201);
      const gruppe = await scim('post', '/Groups', {
        schemas: [URN.gruppe],
        displayName: 'Hjemmetjenesten praktisk bistand',
      });
      expect(gruppe.status).toBe(201);
      // The operator binds the role to the group; the identity system adds her to it.
      await knyttRolle(t.lagring, {
        kildesystem: 'entra',
        gruppe: 'Hjemmetjenesten praktisk bistand',
        rolle: ROLLE,
      });
      const lagtTil = await scim('patch', `/Groups/${gruppe.body.id}`, {
        schemas: [URN.patch],
        Operations: [{ op: 'add', path: 'members', value: [{ value: bruker.body.id }] }],
      });
      expect(lagtTil.status).toBe(200);

      // She signs in with ID-porten (the test issuer), matched by the pid claim.
      utsteder.person = { sub: 'idporten-pairwise-1', pid: FNR };
      const innlogging = await loggInn(t.server);
      // Authorization code with PKCE: the token request carried the verifier of the challenge sent.
      expect(innlogging.autorisasjonsUrl.searchParams.get('code_challenge_method')).toBe('S256');
      const tf = utsteder.tokenforespoersler.at(-1) as Record<string, string>;
      expect(kodeutfordring(tf.code_verifier as string)).toBe(
        innlogging.autorisasjonsUrl.searchParams.get('code_challenge'),
      );
      // The state cookie and the session cookie: httpOnly, Secure, SameSite=Lax, __Host- prefixed.
      expect(innlogging.login.headers['set-cookie']).toEqual([
        expect.stringMatching(
          /^__Host-ig_innlogging=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=600$/,
        ),
      ]);
      expect(innlogging.callback.status).toBe(302);
      expect(innlogging.callback.headers.location).toBe('/');
      const satt = innlogging.callback.headers['set-cookie'] as unknown as string[];
      expect(satt.filter((c) => c.startsWith('__Host-ig_sesjon='))).toEqual([
        expect.stringMatching(/^__Host-ig_sesjon=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/),
      ]);
      expect(satt.some((c) => /^ig_sesjon=/.test(c))).toBe(false);
      const sesjon = innlogging.sesjon as string;
      expect(sesjon).toBe(cookie(satt, '__Host-ig_sesjon'));
      const s = await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon);
      expect(s.headers['cache-control']).toBe('no-store');
      expect(s.body).toMatchObject({
        innlogget: true,
        modus: v.modus,
        bruker: { id: bruker.body.id, visningsnavn: 'Kari Nordmann' },
        roller: [{ id: ROLLE, beregningstyper: ['PRAKTISK_BISTAND'] }],
      });

      const beregn = () =>
        request(t.server)
          .post('/api/v1/beregning')
          .set('Cookie', sesjon)
          .set('X-CSRF-Token', s.body.csrfToken)
          .set('X-Rolle-Id', ROLLE)
          .send(gull?.foresporsel as object);

      const tillatt = await beregn();
      expect(tillatt.status).toBe(200);
      expect(tillatt.body.beregningstype).toBe('PRAKTISK_BISTAND');
      expect(avvikFraGullfil(tillatt.body, gull?.forventet as Record<string, number>)).toEqual([]);

      // The identity system removes her from the group (Entra ID's path form).
      const fjernet = await scim('patch', `/Groups/${gruppe.body.id}`, {
        schemas: [URN.patch],
        Operations: [{ op: 'Remove', path: `members[value eq "${bruker.body.id}"]` }],
      });
      expect(fjernet.status).toBe(200);
      expect(fjernet.body.members).toEqual([]);

      // The very next request is refused, with the reason code.
      const avvist = await beregn();
      expect(avvist.status).toBe(403);
      expect(avvist.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(avvist.body).toMatchObject({ status: 403, kode: 'ROLLE_MANGLER' });
      // (A calculation on posts given in the request fetches nothing and is not audited; the refusal is.)
      const [siste] = await t.lagring.revisjonslogg.liste({ siste: 1 });
      expect([siste?.aktoerId, siste?.utfall, siste?.aarsakskode]).toEqual([
        bruker.body.id,
        'AVVIST',
        'ROLLE_MANGLER',
      ]);
      // Still signed in, just without the role.
      expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body).toMatchObject({
        innlogget: true,
        roller: [],
      });

      // Logging out is state-changing like the rest: without the session's token it is refused.
      const loggUt = () => request(t.server).post('/api/v1/sesjon/logg-ut').set('Cookie', sesjon);
      const uten = await loggUt();
      expect(uten.status).toBe(403);
      expect(uten.body).toMatchObject({
        kode: 'CSRF_UGYLDIG',
        detail: expect.stringContaining('X-CSRF-Token'),
      });
      const ut = await loggUt().set('X-CSRF-Token', s.body.csrfToken);
      expect(ut.status).toBe(200);
      expect(new URL(ut.body.utloggingUrl).pathname).toBe('/endsession');
      expect(ut.headers['set-cookie']).toContainEqual(
        expect.stringMatching(/^__Host-ig_sesjon=; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=0$/),
      );
      expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(
        false,
      );
    });
  });
}
