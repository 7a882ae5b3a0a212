import type { Lagring } from '@inntektsgrunnlag/lagring';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URN } from './skjema.js';
import { scimTestapp, T0 } from './testapp.js';

let app: Express;
let lagring: Lagring;
let logg: string[];
let token: string;
let annetToken: string;
let utloeptToken: string;

const SCIM = 'application/scim+json';
const auth = (t = token) => ({ Authorization: `Bearer ${t}` });
const post = (sti: string, kropp: unknown, t = token) =>
  request(app).post(`/scim/v2${sti}`).set(auth(t)).set('Content-Type', SCIM).send(JSON.stringify(kropp));
const patch = (sti: string, ops: unknown[], t = token) =>
  request(app)
    .patch(`/scim/v2${sti}`)
    .set(auth(t))
    .set('Content-Type', SCIM)
    .send(JSON.stringify({ schemas: [URN.patch], Operations: ops }));
const put = (sti: string, kropp: unknown) =>
  request(app).put(`/scim/v2${sti}`).set(auth()).set('Content-Type', SCIM).send(JSON.stringify(kropp));
const get = (sti: string, t = token) => request(app).get(`/scim/v2${sti}`).set(auth(t));

/** RFC 7644 § 3.3, the example of creating a user. */
const BJENSEN = {
  schemas: [URN.bruker],
  userName: 'bjensen',
  externalId: 'bjensen',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
};

function forventFeil(res: request.Response, status: number, scimType?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
  expect(res.body.schemas).toEqual([URN.feil]);
  expect(res.body.status).toBe(String(status));
  if (scimType) expect(res.body.scimType).toBe(scimType);
  else expect(res.body.scimType).toBeUndefined();
  expect(typeof res.body.detail).toBe('string');
}

beforeAll(async () => {
  ({ app, lagring, logg } = await scimTestapp());
  token = (await lagring.kildesystemer.opprett({ id: 'entra', navn: 'Entra ID', naa: T0 })).token;
  annetToken = (await lagring.kildesystemer.opprett({ id: 'annet', navn: 'Annet', naa: T0 })).token;
  utloeptToken = (
    await lagring.kildesystemer.opprett({
      id: 'gammelt',
      navn: 'Gammelt',
      levetidDager: 1,
      naa: new Date('2026-01-01T00:00:00Z'),
    })
  ).token;
});
afterAll(() => lagring.lukk());

describe('SCIM authentication', () => {
  it('refuses a missing, unknown or expired token with 401 and WWW-Authenticate', async () => {
    for (const res of [
      await request(app).get('/scim/v2/Users'),
      await get('/Users', 'scim_ukjent'),
      await get('/Users', utloeptToken),
      await request(app).get('/scim/v2/Users').set('Authorization', 'Basic YTpi'),
    ]) {
      forventFeil(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    }
    // The reason is logged, never the token.
    expect(logg.join('')).toContain('TOKEN_UTLOEPT');
    expect(logg.join('')).not.toContain(utloeptToken);
  });
});

describe('SCIM discovery (RFC 7643 §§ 5–7)', () => {
  it('ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const spc = await request(app).get('/scim/v2/ServiceProviderConfig');
    expect(spc.status).toBe(200);
    expect(spc.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(spc.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
    });
    const typer = await request(app).get('/scim/v2/ResourceTypes');
    expect(typer.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect(typer.body.Resources[0].schemaExtensions).toEqual([{ schema: URN.ksPerson, required: false }]);
    expect((await request(app).get('/scim/v2/ResourceTypes/Group')).body.endpoint).toBe('/Groups');
    const skjemaer = await request(app).get('/scim/v2/Schemas');
    expect(skjemaer.body.totalResults).toBe(3);
    const ks = await request(app).get(`/scim/v2/Schemas/${URN.ksPerson}`);
    expect(ks.body.attributes[0]).toMatchObject({
      name: 'foedselsnummer',
      returned: 'never',
      mutability: 'writeOnly',
    });
    forventFeil(await request(app).get('/scim/v2/Schemas/urn:finnes:ikke'), 404);
  });
});

describe('SCIM Users (RFC 7644 examples)', () => {
  let id: string;

  it('creates a user (§ 3.3): 201, Location, meta, ETag; the fødselsnummer is stored and never returned', async () => {
    const res = await post('/Users', {
      ...BJENSEN,
      schemas: [URN.bruker, URN.ksPerson],
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      [URN.ksPerson]: { foedselsnummer: '04817299771' },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.location).toBe(`${res.body.meta.location}`);
    expect(res.headers.location).toMatch(new RegExp(`/scim/v2/Users/${id}$`));
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.body).toMatchObject({
      schemas: [URN.bruker],
      userName: 'bjensen',
      externalId: 'bjensen',
      displayName: 'Ms. Barbara J Jensen III',
      active: true,
      groups: [],
      meta: {
        resourceType: 'User',
        created: T0.toISOString(),
        lastModified: T0.toISOString(),
        version: 'W/"1"',
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('04817299771');
    expect((await lagring.brukere.finnMedFoedselsnummer('04817299771'))?.id).toBe(id);
  });

  it('refuses a duplicate userName (409 uniqueness) and a bad body (400)', async () => {
    forventFeil(await post('/Users', { ...BJENSEN, externalId: 'annen' }), 409, 'uniqueness');
    forventFeil(
      await post('/Users', { ...BJENSEN, schemas: undefined, userName: 'x' }),
      400,
      'invalidSyntax',
    );
    forventFeil(await post('/Users', { schemas: [URN.bruker] }), 400, 'invalidValue');
    forventFeil(await post('/Users', { ...BJENSEN, userName: 'y', active: 'kanskje' }), 400, 'invalidValue');
    const fnr = await post('/Users', {
      ...BJENSEN,
      userName: 'z',
      externalId: 'z',
      [URN.ksPerson]: { foedselsnummer: '04817299772' },
    });
    forventFeil(fnr, 400, 'invalidValue');
    expect(fnr.body.detail).toMatch(/foedselsnummer: .*kontrollsiffer/);
    expect(fnr.body.detail).not.toContain('04817299772');
    // The same fødselsnummer on another user: 409, without the number.
    const dobbel = await post('/Users', {
      ...BJENSEN,
      userName: 'w',
      externalId: 'w',
      [URN.ksPerson]: { foedselsnummer: '04817299771' },
    });
    forventFeil(dobbel, 409, 'uniqueness');
    expect(dobbel.body.detail).not.toContain('04817299771');
    forventFeil(
      await request(app).post('/scim/v2/Users').set(auth()).set('Content-Type', SCIM).send('{"schemas":'),
      400,
      'invalidSyntax',
    );
  });

  it('filters with userName, externalId and displayName eq (§ 3.4.2.2), case rules as RFC 7643 says', async () => {
    const f = async (filter: string) => get(`/Users?filter=${encodeURIComponent(filter)}`);
    const res = await f('userName Eq "BJENSEN"');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [URN.liste], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(res.body.Resources[0].id).toBe(id);
    expect((await f('externalId eq "bjensen"')).body.totalResults).toBe(1);
    expect((await f('externalId eq "BJENSEN"')).body.totalResults).toBe(0);
    expect((await f(`${URN.bruker}:displayName eq "ms. barbara j jensen iii"`)).body.totalResults).toBe(1);
    expect((await f('userName eq "finnes-ikke"')).body).toMatchObject({ totalResults: 0, Resources: [] });
    forventFeil(await f('userName co "jen"'), 400, 'invalidFilter');
    forventFeil(await f('emails.value eq "bjensen@example.com"'), 400, 'invalidFilter');
    forventFeil(await f('userName eq "a" and active eq true'), 400, 'invalidFilter');
    // Another source system sees none of it.
    expect(
      (await get(`/Users?filter=${encodeURIComponent('userName eq "bjensen"')}`, annetToken)).body
        .totalResults,
    ).toBe(0);
    forventFeil(await get(`/Users/${id}`, annetToken), 404);
  });

  it('pages with startIndex and count, and honours excludedAttributes', async () => {
    for (const n of ['a', 'b', 'c'])
      expect((await post('/Users', { schemas: [URN.bruker], userName: `side-${n}` })).status).toBe(201);
    const alle = (await get('/Users')).body.Resources.map((r: { userName: string }) => r.userName);
    expect([...alle].sort()).toEqual(['bjensen', 'side-a', 'side-b', 'side-c']);
    const res = await get('/Users?startIndex=2&count=2&excludedAttributes=groups,emails');
    expect(res.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(res.body.Resources.map((r: { userName: string }) => r.userName)).toEqual(alle.slice(1, 3));
    expect(res.body.Resources[0].groups).toBeUndefined();
    const kun = await get(`/Users/${id}?attributes=userName`);
    expect(Object.keys(kun.body).sort()).toEqual(['id', 'schemas', 'userName']);
    expect((await get('/Users?count=0')).body).toMatchObject({
      totalResults: 4,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('replaces a user with PUT (§ 3.5.1): what is left out is cleared, the write-only fødselsnummer kept', async () => {
    const res = await put(`/Users/${id}`, {
      schemas: [URN.bruker],
      userName: 'bjensen',
      externalId: 'bjensen',
      name: {
        formatted: 'Ms. Barbara J Jensen III',
        familyName: 'Jensen',
        givenName: 'Barbara',
        middleName: 'Jane',
      },
      roles: [],
      userType: 'Employee',
      emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.name.middleName).toBe('Jane');
    expect(res.body.emails).toEqual([{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }]);
    expect(res.body.meta.version).toBe('W/"2"');
    expect((await lagring.brukere.hent(id))?.foedselsnummer).toBe('04817299771');
    // If-Match with an old version: 412.
    const gammel = await request(app)
      .put(`/scim/v2/Users/${id}`)
      .set(auth())
      .set('If-Match', 'W/"1"')
      .set('Content-Type', SCIM)
      .send(JSON.stringify(BJENSEN));
    forventFeil(gammel, 412);
    forventFeil(await put('/Users/finnes-ikke', BJENSEN), 404);
  });

  it("PATCH (§ 3.5.2): replace with a filter, add without a path, remove; Entra ID's forms", async () => {
    const r1 = await patch(`/Users/${id}`, [
      { op: 'replace', path: 'emails[type eq "work"]', value: { value: 'feil@example.com' } },
    ]);
    forventFeil(r1, 400, 'noTarget');
    const r2 = await patch(`/Users/${id}`, [
      { op: 'Add', path: 'emails[type eq "work"].value', value: 'babs@example.com' },
      { op: 'Replace', path: 'name.givenName', value: 'Babs' },
      {
        op: 'replace',
        value: { displayName: 'Babs Jensen', nickName: 'Babs', 'name.familyName': 'Jensen-Hansen' },
      },
      { op: 'add', path: `${URN.enterprise}:employeeNumber`, value: '701984' },
    ]);
    expect(r2.status).toBe(200);
    expect(r2.body).toMatchObject({
      displayName: 'Babs Jensen',
      name: { givenName: 'Babs', familyName: 'Jensen-Hansen' },
    });
    expect(r2.body.emails).toContainEqual({ type: 'work', value: 'babs@example.com' });
    expect(r2.body.nickName).toBeUndefined();
    const r3 = await patch(`/Users/${id}`, [
      { op: 'remove', path: 'emails[value eq "babs@jensen.org"]' },
      { op: 'remove', path: 'name.middleName' },
    ]);
    expect(r3.body.emails.map((e: { value: string }) => e.value)).toEqual([
      'bjensen@example.com',
      'babs@example.com',
    ]);
    expect(r3.body.name.middleName).toBeUndefined();
    // Entra ID sends booleans as text.
    const r4 = await patch(`/Users/${id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(r4.body.active).toBe(false);
    expect((await lagring.brukere.hent(id))?.aktiv).toBe(false);
    expect((await patch(`/Users/${id}`, [{ op: 'replace', value: { active: true } }])).body.active).toBe(
      true,
    );
    // The fødselsnummer through the extension path; removing it; a bad one refused.
    await patch(`/Users/${id}`, [{ op: 'remove', path: `${URN.ksPerson}:foedselsnummer` }]);
    expect((await lagring.brukere.hent(id))?.foedselsnummer).toBeNull();
    await patch(`/Users/${id}`, [
      { op: 'add', path: `${URN.ksPerson}:foedselsnummer`, value: '27847099416' },
    ]);
    expect((await lagring.brukere.hent(id))?.foedselsnummer).toBe('27847099416');
    forventFeil(
      await patch(`/Users/${id}`, [{ op: 'add', path: `${URN.ksPerson}:foedselsnummer`, value: '123' }]),
      400,
      'invalidValue',
    );
    // Errors: read-only attribute, malformed path, missing path on remove, wrong schema, bad op.
    forventFeil(await patch(`/Users/${id}`, [{ op: 'replace', path: 'id', value: 'x' }]), 400, 'mutability');
    forventFeil(
      await patch(`/Users/${id}`, [{ op: 'replace', path: 'emails[type eq "work"', value: 'x' }]),
      400,
      'invalidPath',
    );
    forventFeil(await patch(`/Users/${id}`, [{ op: 'remove' }]), 400, 'noTarget');
    forventFeil(
      await patch(`/Users/${id}`, [{ op: 'move', path: 'userName', value: 'x' }]),
      400,
      'invalidSyntax',
    );
    forventFeil(await patch(`/Users/${id}`, [{ op: 'remove', path: 'userName' }]), 400, 'invalidValue');
    const utenSkjema = await request(app)
      .patch(`/scim/v2/Users/${id}`)
      .set(auth())
      .set('Content-Type', SCIM)
      .send('{"Operations":[]}');
    forventFeil(utenSkjema, 400, 'invalidSyntax');
    forventFeil(await patch('/Users/finnes-ikke', [{ op: 'replace', path: 'active', value: false }]), 404);
  });
});

describe('SCIM Groups (RFC 7644 examples)', () => {
  let bruker: string;
  let annen: string;
  let gruppe: string;

  beforeAll(async () => {
    bruker = (await post('/Users', { schemas: [URN.bruker], userName: 'kari', displayName: 'Kari' })).body.id;
    annen = (await post('/Users', { schemas: [URN.bruker], userName: 'ola', displayName: 'Ola' })).body.id;
  });

  it('creates a group with members; refuses members from another source system', async () => {
    const fremmed = (await post('/Users', { schemas: [URN.bruker], userName: 'fremmed' }, annetToken)).body
      .id;
    forventFeil(
      await post('/Groups', {
        schemas: [URN.gruppe],
        displayName: 'Tour Guides',
        members: [{ value: fremmed }],
      }),
      400,
      'invalidValue',
    );
    const res = await post('/Groups', {
      schemas: [URN.gruppe],
      displayName: 'Tour Guides',
      externalId: 'tg',
      members: [{ value: bruker }],
    });
    expect(res.status).toBe(201);
    gruppe = res.body.id;
    expect(res.body.members).toEqual([
      {
        value: bruker,
        $ref: expect.stringMatching(new RegExp(`/Users/${bruker}$`)),
        display: 'Kari',
        type: 'User',
      },
    ]);
    expect((await get(`/Users/${bruker}`)).body.groups).toEqual([
      { value: gruppe, $ref: expect.stringMatching(/\/Groups\//), display: 'Tour Guides', type: 'direct' },
    ]);
    const funnet = await get(
      `/Groups?filter=${encodeURIComponent('displayName eq "tour guides"')}&excludedAttributes=members`,
    );
    expect(funnet.body.totalResults).toBe(1);
    expect(funnet.body.Resources[0].members).toBeUndefined();
    forventFeil(await get(`/Groups?filter=${encodeURIComponent('userName eq "x"')}`), 400, 'invalidFilter');
  });

  it('PATCH adds members (§ 3.5.2.1) and removes one by path filter (§ 3.5.2.2) and by value (Entra ID)', async () => {
    const add = await patch(`/Groups/${gruppe}`, [
      {
        op: 'add',
        path: 'members',
        value: [{ display: 'Ola', $ref: `https://example.com/v2/Users/${annen}`, value: annen }],
      },
    ]);
    expect(add.status).toBe(200);
    expect(add.body.members.map((m: { value: string }) => m.value).sort()).toEqual([bruker, annen].sort());
    const fjern = await patch(`/Groups/${gruppe}`, [{ op: 'remove', path: `members[value eq "${bruker}"]` }]);
    expect(fjern.body.members.map((m: { value: string }) => m.value)).toEqual([annen]);
    const entra = await patch(`/Groups/${gruppe}`, [
      { op: 'Remove', path: 'members', value: [{ value: annen }] },
    ]);
    expect(entra.body.members).toEqual([]);
    // Removing one who is not a member changes nothing; adding an unknown user is refused.
    expect(
      (await patch(`/Groups/${gruppe}`, [{ op: 'remove', path: `members[value eq "${annen}"]` }])).status,
    ).toBe(200);
    forventFeil(
      await patch(`/Groups/${gruppe}`, [{ op: 'add', path: 'members', value: [{ value: 'finnes-ikke' }] }]),
      400,
      'invalidValue',
    );
  });

  it('PATCH replaces members and attributes, removes all members; the whole sequence in one transaction', async () => {
    const res = await patch(`/Groups/${gruppe}`, [
      { op: 'replace', path: 'members', value: [{ value: bruker }, { value: annen }] },
      { op: 'remove', path: `members[value eq "${annen}"]` },
      { op: 'replace', value: { displayName: 'Reiseledere', externalId: 'rl' } },
    ]);
    expect(res.body).toMatchObject({ displayName: 'Reiseledere', externalId: 'rl' });
    expect(res.body.members.map((m: { value: string }) => m.value)).toEqual([bruker]);
    const feilet = await patch(`/Groups/${gruppe}`, [
      { op: 'replace', path: 'displayName', value: 'Skal ikke lagres' },
      { op: 'add', path: 'members', value: [{ value: 'finnes-ikke' }] },
    ]);
    forventFeil(feilet, 400, 'invalidValue');
    expect((await get(`/Groups/${gruppe}`)).body.displayName).toBe('Reiseledere');
    const tom = await patch(`/Groups/${gruppe}?excludedAttributes=members`, [
      { op: 'remove', path: 'members' },
    ]);
    expect(tom.body.members).toBeUndefined();
    expect((await get(`/Groups/${gruppe}`)).body.members).toEqual([]);
  });

  it("PUT replaces a group with its members; membership confers the group's roles at once", async () => {
    await lagring.grupper.tildelRolle(gruppe, 'demo-praktisk-bistand');
    const res = await put(`/Groups/${gruppe}`, {
      schemas: [URN.gruppe],
      displayName: 'Reiseledere',
      members: [{ value: annen }],
    });
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { value: string }) => m.value)).toEqual([annen]);
    expect(res.body.externalId).toBeUndefined();
    expect(await lagring.brukere.effektiveRoller(annen)).toEqual(['demo-praktisk-bistand']);
    expect(await lagring.brukere.effektiveRoller(bruker)).toEqual([]);
  });

  it('DELETE (§ 3.6): 204, then 404; deleting a user removes it from its groups', async () => {
    const d = await request(app).delete(`/scim/v2/Users/${annen}`).set(auth());
    expect(d.status).toBe(204);
    forventFeil(await get(`/Users/${annen}`), 404);
    forventFeil(await request(app).delete(`/scim/v2/Users/${annen}`).set(auth()), 404);
    expect((await get(`/Groups/${gruppe}`)).body.members).toEqual([]);
    expect((await request(app).delete(`/scim/v2/Groups/${gruppe}`).set(auth())).status).toBe(204);
    forventFeil(await get(`/Groups/${gruppe}`), 404);
    forventFeil(await get('/Finnesikke'), 404);
    forventFeil(await post('/Bulk', {}), 501);
  });
});
