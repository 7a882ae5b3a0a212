// Issue 13, "done when": a user created over SCIM and added to a group that holds
// demo-praktisk-bistand signs in through OIDC, runs a PRAKTISK_BISTAND beregning, and is refused the
// moment the group membership is removed over SCIM.
import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loggInn } from '../oidc/testflyt.js';
import { startTestutsteder, type Testutsteder } from '../oidc/testutsteder.js';
import { knyttRolle, opprettKildesystem } from '../scim/administrasjon.js';
import { URN } from '../scim/skjema.js';
import { IDAG, startTestapp, type Testapp } from '../testoppsett.js';

const KLIENT = 'inntektsgrunnlag';
const HEMMELIGHET = 'test-hemmelighet';
const REDIRECT = 'https://inntektsgrunnlag.kommune.example/auth/callback';
const FNR = '27847099416';
const [gull] = lesGullfiler('praktisk-bistand-ks-2021');

let utsteder: Testutsteder;
let t: Testapp;

beforeAll(async () => {
  utsteder = await startTestutsteder({
    klientId: KLIENT,
    hemmelighet: HEMMELIGHET,
    redirectUri: REDIRECT,
    klokke: () => IDAG,
  });
  t = await startTestapp({
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
  await t.lukk();
  await utsteder.lukk();
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
    rolle: 'demo-praktisk-bistand',
  });
  const lagtTil = await scim('patch', `/Groups/${gruppe.body.id}`, {
    schemas: [URN.patch],
    Operations: [{ op: 'add', path: 'members', value: [{ value: bruker.body.id }] }],
  });
  expect(lagtTil.status).toBe(200);

  // She signs in with ID-porten (the test issuer), matched by the pid claim.
  utsteder.person = { sub: 'idporten-pairwise-1', pid: FNR };
  const innlogging = await loggInn(t.server);
  expect(innlogging.callback.headers.location).toBe('/');
  const sesjon = innlogging.sesjon as string;
  const s = await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon);
  expect(s.body).toMatchObject({
    innlogget: true,
    modus: 'INNEBYGD',
    bruker: { id: bruker.body.id, visningsnavn: 'Kari Nordmann' },
    roller: [{ id: 'demo-praktisk-bistand', beregningstyper: ['PRAKTISK_BISTAND'] }],
  });

  const beregn = () =>
    request(t.server)
      .post('/api/v1/beregning')
      .set('Cookie', sesjon)
      .set('X-CSRF-Token', s.body.csrfToken)
      .set('X-Rolle-Id', 'demo-praktisk-bistand')
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
});
