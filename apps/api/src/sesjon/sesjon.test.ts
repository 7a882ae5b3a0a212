import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookie } from '../oidc/testflyt.js';
import { IDAG, noekkel, startTestapp, type Testapp } from '../testoppsett.js';

const [gull] = lesGullfiler('praktisk-bistand-ks-2021');
const DEMO = 'demo-bruker-praktisk-bistand';

let lagring: Lagring;
let t: Testapp;
let naa = IDAG;

async function demoInnlogging(app: Testapp, brukerId = DEMO, navn = '__Host-ig_sesjon') {
  const res = await request(app.server).post('/api/v1/sesjon/demo').send({ brukerId });
  return { res, sesjon: cookie(res.headers['set-cookie'], navn) as string };
}

beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  t = await startTestapp({ lagring, klokke: () => naa });
});
afterAll(async () => {
  await t.lukk();
  await lagring.lukk();
});

describe('sessions in embedded mode (the demo picker)', () => {
  it('GET /api/v1/sesjon without a session: not signed in, embedded, no OIDC', async () => {
    const res = await request(t.server).get('/api/v1/sesjon');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ innlogget: false, modus: 'INNEBYGD', roller: [] });
  });

  it('lists the demo users with their roles', async () => {
    const res = await request(t.server).get('/api/v1/demo/brukere');
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({
      id: DEMO,
      visningsnavn: 'Tålmodig Oter (demo)',
      roller: [
        {
          id: 'demo-praktisk-bistand',
          navn: 'Demo: Helse og omsorg, praktisk bistand',
          tjenesteomraade: 'PRAKTISK_BISTAND',
          beregningstyper: ['PRAKTISK_BISTAND'],
          avregning: false,
        },
      ],
    });
    expect(res.body).toHaveLength(3);
    // The picker can say which demo role sees avregning.
    const langtid = (res.body as Array<{ roller: Array<{ id: string; avregning: boolean }> }>)
      .flatMap((b) => b.roller)
      .find((r) => r.id === 'demo-langtidsopphold');
    expect(langtid?.avregning).toBe(true);
  });

  it('a demo sign-in sets an httpOnly, Secure, SameSite=Lax cookie and answers as GET /api/v1/sesjon', async () => {
    const { res, sesjon } = await demoInnlogging(t);
    expect(res.status).toBe(200);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(
      /^__Host-ig_sesjon=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(res.body).toMatchObject({
      innlogget: true,
      modus: 'INNEBYGD',
      bruker: { id: DEMO },
      roller: [{ id: 'demo-praktisk-bistand', avregning: false }],
    });
    const get = await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon);
    expect(get.body).toEqual(res.body);
    expect((await request(t.server).get('/api/v1/meg').set('Cookie', sesjon)).body.aktoer).toMatchObject({
      type: 'BRUKER',
      id: DEMO,
    });
  });

  it('refuses an unknown or non-demo user, and a body that is not JSON', async () => {
    const ukjent = await request(t.server).post('/api/v1/sesjon/demo').send({ brukerId: 'finnes-ikke' });
    expect(ukjent.status).toBe(400);
    expect(ukjent.body.errors).toEqual([
      { felt: 'brukerId', melding: expect.stringContaining('finnes-ikke') },
    ]);
    await lagring.brukere.opprett({ id: 'ekte', visningsnavn: 'Ekte bruker' });
    expect((await request(t.server).post('/api/v1/sesjon/demo').send({ brukerId: 'ekte' })).status).toBe(400);
    const skjema = await request(t.server)
      .post('/api/v1/sesjon/demo')
      .type('form')
      .send('brukerId=demo-bruker-praktisk-bistand');
    expect(skjema.status).toBe(400);
    expect(skjema.headers['set-cookie']).toBeUndefined();
  });

  it('CSRF: a state-changing request with the session needs X-CSRF-Token; an API-key request does not', async () => {
    const { res, sesjon } = await demoInnlogging(t);
    const beregn = () =>
      request(t.server)
        .post('/api/v1/beregning')
        .set('Cookie', sesjon)
        .set('X-Rolle-Id', 'demo-praktisk-bistand')
        .send(gull?.foresporsel as object);
    const uten = await beregn();
    expect(uten.status).toBe(403);
    expect(uten.body).toMatchObject({ status: 403, kode: 'CSRF_UGYLDIG' });
    expect((await beregn().set('X-CSRF-Token', 'feil')).body.kode).toBe('CSRF_UGYLDIG');
    const med = await beregn().set('X-CSRF-Token', res.body.csrfToken);
    expect(med.status).toBe(200);
    expect(avvikFraGullfil(med.body, gull?.forventet as Record<string, number>)).toEqual([]);
    // An integration client with the API key (and a stray cookie): no CSRF token, the key decides.
    const klient = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-praktisk-bistand'))
      .set('Cookie', sesjon)
      .send(gull?.foresporsel as object);
    expect(klient.status).toBe(200);
    // Another session's token does not do.
    const annen = await demoInnlogging(t, 'demo-bruker-langtidsopphold');
    expect((await beregn().set('X-CSRF-Token', annen.res.body.csrfToken)).status).toBe(403);
  });

  it('a new sign-in replaces the old session; a session ends after 30 idle minutes', async () => {
    const foerste = await demoInnlogging(t);
    const andre = await request(t.server)
      .post('/api/v1/sesjon/demo')
      .set('Cookie', foerste.sesjon)
      .set('X-CSRF-Token', foerste.res.body.csrfToken)
      .send({ brukerId: 'demo-bruker-langtidsopphold' });
    expect(andre.body.bruker.id).toBe('demo-bruker-langtidsopphold');
    expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', foerste.sesjon)).body.innlogget).toBe(
      false,
    );
    const { sesjon } = await demoInnlogging(t);
    naa = new Date(IDAG.getTime() + 29 * 60_000);
    expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(true);
    naa = new Date(naa.getTime() + 30 * 60_000);
    expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(false);
    expect((await request(t.server).get('/api/v1/meg').set('Cookie', sesjon)).status).toBe(401);
    naa = IDAG;
  });

  it('a session of a user deactivated since is over at the next request', async () => {
    const { sesjon } = await demoInnlogging(t, 'demo-bruker-foreldrebetaling');
    await lagring.brukere.settAktiv('demo-bruker-foreldrebetaling', false);
    expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(false);
    await lagring.brukere.settAktiv('demo-bruker-foreldrebetaling', true);
    expect((await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(false);
  });

  it('logout with a session needs X-CSRF-Token, also when the request has Authorization', async () => {
    const { res, sesjon } = await demoInnlogging(t);
    const loggUt = () => request(t.server).post('/api/v1/sesjon/logg-ut').set('Cookie', sesjon);
    const innlogget = async () =>
      (await request(t.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget;
    const uten = await loggUt();
    expect(uten.status).toBe(403);
    expect(uten.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(uten.body).toMatchObject({ status: 403, kode: 'CSRF_UGYLDIG' });
    expect(uten.body.detail).toContain('X-CSRF-Token');
    expect(uten.headers['set-cookie']).toBeUndefined();
    // The authenticator leaves the cookie alone when Authorization is there, but logout still uses it.
    for (const authorization of ['Bearer ukjent-noekkel', 'Bearer demo-praktisk-bistand']) {
      const medNoekkel = await loggUt().set('Authorization', authorization);
      expect(medNoekkel.status, authorization).toBe(403);
      expect(medNoekkel.body.kode).toBe('CSRF_UGYLDIG');
    }
    expect((await loggUt().set('X-CSRF-Token', 'feil')).status).toBe(403);
    expect(await innlogget()).toBe(true);
    const ut = await loggUt().set('X-CSRF-Token', res.body.csrfToken);
    expect(ut.status).toBe(200);
    expect(ut.body).toEqual({ innlogget: false });
    expect(ut.headers['set-cookie']).toContainEqual(expect.stringMatching(/^__Host-ig_sesjon=; .*Max-Age=0/));
    expect(await innlogget()).toBe(false);
    // The session is over: the same cookie again is harmless, with or without the token.
    expect((await loggUt()).status).toBe(200);
  });

  it('a demo sign-in over a live session needs its X-CSRF-Token; the old session stays until then', async () => {
    const foerste = await demoInnlogging(t);
    const bytt = () =>
      request(t.server)
        .post('/api/v1/sesjon/demo')
        .set('Cookie', foerste.sesjon)
        .send({ brukerId: 'demo-bruker-langtidsopphold' });
    const uten = await bytt();
    expect(uten.status).toBe(403);
    expect(uten.body).toMatchObject({ status: 403, kode: 'CSRF_UGYLDIG' });
    expect(uten.body.detail).toContain('X-CSRF-Token');
    expect(uten.headers['set-cookie']).toBeUndefined();
    const medNoekkel = await bytt().set('Authorization', 'Bearer ukjent-noekkel');
    expect(medNoekkel.status).toBe(403);
    expect(medNoekkel.body.kode).toBe('CSRF_UGYLDIG');
    const fortsatt = await request(t.server).get('/api/v1/sesjon').set('Cookie', foerste.sesjon);
    expect(fortsatt.body).toMatchObject({ innlogget: true, bruker: { id: DEMO } });
    const med = await bytt().set('X-CSRF-Token', foerste.res.body.csrfToken);
    expect(med.status).toBe(200);
    expect(med.body.bruker.id).toBe('demo-bruker-langtidsopphold');
    // A cookie whose session is over is no session: a plain sign-in, no token needed.
    const igjen = await bytt();
    expect(igjen.status).toBe(200);
  });

  it('logout without a session clears the cookie and says signed out', async () => {
    const res = await request(t.server).post('/api/v1/sesjon/logg-ut');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ innlogget: false });
  });
});

describe('cookie settings and production mode', () => {
  it('Secure may be off in embedded mode (http://localhost): the cookie then has no __Host- prefix', async () => {
    const app = await startTestapp({ lagring, innlogging: { sikkerCookie: false } });
    try {
      const { res, sesjon } = await demoInnlogging(app, DEMO, 'ig_sesjon');
      expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(
        /^ig_sesjon=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
      );
      expect((await request(app.server).get('/api/v1/sesjon').set('Cookie', sesjon)).body.innlogget).toBe(
        true,
      );
    } finally {
      await app.lukk();
    }
  });

  it('outside embedded mode: no demo picker, modus PRODUKSJON, Secure cannot be turned off', async () => {
    const produksjon: Lagring = { ...lagring, innebygd: false };
    const app = await startTestapp({ lagring: produksjon });
    try {
      expect((await request(app.server).get('/api/v1/demo/brukere')).status).toBe(404);
      expect((await request(app.server).post('/api/v1/sesjon/demo').send({ brukerId: DEMO })).status).toBe(
        404,
      );
      expect((await request(app.server).get('/api/v1/sesjon')).body).toEqual({
        innlogget: false,
        modus: 'PRODUKSJON',
        roller: [],
      });
    } finally {
      await app.lukk();
    }
    await expect(startTestapp({ lagring: produksjon, innlogging: { sikkerCookie: false } })).rejects.toThrow(
      /innebygd modus/,
    );
  });
});
