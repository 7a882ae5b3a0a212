// Issue 19, item 7: demo credentials only where the source is the synthetic population (whatever the
// database), and a body labelled compressed that is not is a 400, never a 500.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingenTilgang } from './problem.js';
import { scimFeilFra } from './scim/feil.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const FORESPORSEL = { ...ks.foresporsel, beregningsdato: '2024-06-01' };

describe('the embedded database with a real source: no demo credential works', () => {
  let lagring: Lagring;
  let t: Testapp;
  beforeAll(async () => {
    lagring = await aapneLagring({ iMinne: true, demodata: true });
    // The embedded population's data behind a source that says it is real (as KILDE=http would be):
    // what the demo keys could fetch is then real tax data.
    t = await startTestapp({
      lagring,
      kilder: { ...innebygdeKilder(), syntetisk: false, beskrivelse: 'Skatteetaten (test)' },
    });
  });
  afterAll(async () => {
    await t.lukk();
    await lagring.lukk();
  });

  it('refuses the printed demo API keys (401 DEMONOEKKEL_AVVIST), and the refusal is audited', async () => {
    const foer = (await lagring.revisjonslogg.kjedehode()).id;
    const svar = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-langtidsopphold'))
      .send(FORESPORSEL)
      .expect(401);
    expect(svar.body.kode).toBe('DEMONOEKKEL_AVVIST');
    const poster = await lagring.revisjonslogg.liste({ siste: 5 });
    expect(poster.filter((p) => p.id > foer).map((p) => [p.utfall, p.aarsakskode])).toEqual([
      ['AVVIST', 'DEMONOEKKEL_AVVIST'],
    ]);
    await request(t.server).get('/api/v1/meg').set(noekkel('demo-langtidsopphold')).expect(401);
  });

  it('has no password-less demo sign-in, and says production mode', async () => {
    await request(t.server).get('/api/v1/demo/brukere').expect(404);
    const demo = await request(t.server)
      .post('/api/v1/sesjon/demo')
      .send({ brukerId: 'demo-saksbehandler-langtidsopphold' });
    expect(demo.status).toBe(404);
    expect(demo.headers['set-cookie']).toBeUndefined();
    const sesjon = await request(t.server).get('/api/v1/sesjon').expect(200);
    expect(sesjon.body.modus).toBe('PRODUKSJON');
  });

  it('a key made by the operator still works there', async () => {
    const { noekkel: n } = await lagring.klienter.opprett({
      navn: 'Fagsystem',
      rolleId: 'demo-langtidsopphold',
    });
    await request(t.server)
      .post('/api/v1/beregning')
      .set({ Authorization: `Bearer ${n}` })
      .send(FORESPORSEL)
      .expect(200);
  });
});

describe('the demo set-up (embedded database, synthetic population) keeps its demo credentials', () => {
  let t: Testapp;
  beforeAll(async () => {
    t = await startTestapp();
  });
  afterAll(() => t.lukk());

  it('the demo key and the demo sign-in work', async () => {
    await request(t.server).get('/api/v1/meg').set(noekkel('demo-langtidsopphold')).expect(200);
    expect((await request(t.server).get('/api/v1/sesjon').expect(200)).body.modus).toBe('INNEBYGD');
    await request(t.server).get('/api/v1/demo/brukere').expect(200);
  });
});

describe('Content-Encoding that does not match the body', () => {
  let t: Testapp;
  beforeAll(async () => {
    t = await startTestapp();
  });
  afterAll(() => t.lukk());

  for (const koding of ['gzip', 'deflate', 'br']) {
    it(`a body labelled ${koding} that is not is a 400 naming the encoding, not a 500`, async () => {
      const svar = await request(t.server)
        .post('/api/v1/beregning')
        .set(noekkel('demo-langtidsopphold'))
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', koding)
        .send(JSON.stringify(FORESPORSEL));
      expect(svar.status).toBe(400);
      expect(svar.body.detail).toMatch(/Content-Encoding/);
      expect(t.logg()).not.toMatch(/"uventet feil"/);
    });
  }

  it('a body that is gzip as labelled is read', async () => {
    const { port } = t.server.address() as AddressInfo;
    const svar = await fetch(`http://127.0.0.1:${port}/api/v1/beregning`, {
      method: 'POST',
      headers: {
        ...noekkel('demo-langtidsopphold'),
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(FORESPORSEL)),
    });
    expect(svar.status).toBe(200);
  });
});

describe('Cache-Control: no-store on every answer with personal data', () => {
  let t: Testapp;
  beforeAll(async () => {
    t = await startTestapp();
  });
  afterAll(() => t.lukk());

  it('results, the actor, the KS route, SCIM and problems are never cached', async () => {
    const svar = [
      await request(t.server)
        .post('/api/v1/beregning')
        .set(noekkel('demo-langtidsopphold'))
        .send(FORESPORSEL),
      await request(t.server)
        .post('/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger/beregning')
        .set(noekkel('demo-langtidsopphold'))
        .send(ks.foresporsel),
      await request(t.server).get('/api/v1/meg').set(noekkel('demo-langtidsopphold')),
      await request(t.server).post('/api/v1/beregning').set(noekkel('demo-langtidsopphold')).send({}),
      await request(t.server).get('/scim/v2/Users'),
      await request(t.server).get('/finnes-ikke'),
    ];
    expect(svar.map((s) => s.status)).toEqual([200, expect.any(Number), 200, 400, 401, 404]);
    for (const s of svar) expect(s.headers['cache-control']).toBe('no-store');
    // Nothing to revalidate, so no ETag hashed from the body either.
    for (const s of svar) expect(s.headers.etag).toBeUndefined();
  });
});

describe('SCIM reports 401, 403 and 429 as themselves', () => {
  let t: Testapp;
  beforeAll(async () => {
    t = await startTestapp({ hastighet: { maks: 2, vinduMs: 60_000 } });
  });
  afterAll(() => t.lukk());

  it('401 without a token, then the rate limit as 429 with Retry-After, each a SCIM error', async () => {
    const svar = [];
    for (let i = 0; i < 3; i++) svar.push(await request(t.server).get('/scim/v2/Users'));
    expect(svar.map((s) => s.status)).toEqual([401, 401, 429]);
    for (const s of svar) {
      expect(s.headers['content-type']).toMatch(/application\/scim\+json/);
      expect(s.body.status).toBe(String(s.status));
    }
    expect(Number(svar[2]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(t.logg()).not.toMatch(/uventet feil/);
  });

  it('an access refusal decided before the SCIM router keeps its status', () => {
    const f = scimFeilFra(ingenTilgang('INGEN_TILGANG', 'Kildesystemet har ikke tilgang'));
    expect(f?.status).toBe(403);
  });
});
