import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ksIntegrasjonerSkjema,
  ksIntegrasjonMedPassordSkjema,
  ksIntegrasjonSkjema,
  problemSkjema,
} from './openapi/skjema.js';
import { IDAG, startTestapp, type Testapp } from './testoppsett.js';

const ADMIN = 'test-admin-noekkel-som-er-lang-nok-0123456789';
const STI = '/api/v1/admin/ks-integrasjoner';
const admin = { Authorization: `Bearer ${ADMIN}` };

let t: Testapp;
beforeAll(async () => {
  t = await startTestapp({ adminNoekkel: ADMIN });
});
afterAll(() => t.lukk());

describe('the admin routes for KS integrations', () => {
  it('create (the password once, no-store), read, list, change, rotate, revoke', async () => {
    const opprettet = await request(t.server)
      .post(STI)
      .set(admin)
      .send({
        navn: 'Fagsystem sykehjem',
        organisasjonsnummer: '910753614',
        roller: ['demo-langtidsopphold'],
      })
      .expect(201)
      .expect('Cache-Control', 'no-store');
    const { integrasjon, passord } = ksIntegrasjonMedPassordSkjema.parse(opprettet.body);
    expect(integrasjon).toMatchObject({
      navn: 'Fagsystem sykehjem',
      roller: ['demo-langtidsopphold'],
      aktiv: true,
      demo: false,
      opprettet: IDAG.toISOString(),
    });
    expect(
      (await t.lagring.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).ok,
    ).toBe(true);

    const en = await request(t.server).get(`${STI}/${integrasjon.id.toUpperCase()}`).set(admin).expect(200);
    expect(ksIntegrasjonSkjema.parse(en.body)).toEqual(integrasjon);
    const alle = await request(t.server).get(STI).set(admin).expect(200).expect('Cache-Control', 'no-store');
    expect(ksIntegrasjonerSkjema.parse(alle.body).integrasjoner.map((i) => i.id)).toContain(integrasjon.id);
    expect(JSON.stringify(alle.body)).not.toContain(passord);

    const endret = await request(t.server)
      .patch(`${STI}/${integrasjon.id}`)
      .set(admin)
      .send({ roller: ['demo-langtidsopphold', 'demo-praktisk-bistand'] })
      .expect(200);
    expect(endret.body.roller).toEqual(['demo-langtidsopphold', 'demo-praktisk-bistand']);

    const rotert = ksIntegrasjonMedPassordSkjema.parse(
      (await request(t.server).post(`${STI}/${integrasjon.id}/passord`).set(admin).expect(200)).body,
    );
    expect(rotert.passord).not.toBe(passord);
    expect(
      (await t.lagring.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).ok,
    ).toBe(false);

    const tilbake = await request(t.server)
      .post(`${STI}/${integrasjon.id}/trekk-tilbake`)
      .set(admin)
      .expect(200);
    expect(tilbake.body.aktiv).toBe(false);
    expect(
      (await t.lagring.ksIntegrasjoner.autentiser(integrasjon.id, rotert.passord, { demoTillatt: false })).ok,
    ).toBe(false);

    // Neither password reached the log; the id did.
    expect(t.logg()).not.toContain(passord);
    expect(t.logg()).not.toContain(rotert.passord);
    expect(t.logg()).toContain(integrasjon.id);
  });

  it('bad input: 400 naming the field; an unknown id: 404', async () => {
    const feil = await request(t.server)
      .post(STI)
      .set(admin)
      .send({ navn: 'X', organisasjonsnummer: '123', roller: ['finnes-ikke'] })
      .expect(400);
    expect(problemSkjema.parse(feil.body).errors?.map((e) => e.felt)).toEqual([
      'integrasjon.organisasjonsnummer',
    ]);
    const rolle = await request(t.server)
      .post(STI)
      .set(admin)
      .send({ navn: 'X', organisasjonsnummer: '910753614', roller: ['finnes-ikke'] })
      .expect(400);
    expect(rolle.body.errors[0].felt).toBe('integrasjon.roller.0');
    for (const sti of [`${STI}/00000000-0000-4000-8000-000000000000`, `${STI}/ikke-en-uuid`]) {
      await request(t.server).get(sti).set(admin).expect(404);
    }
    await request(t.server)
      .post(`${STI}/00000000-0000-4000-8000-000000000000/passord`)
      .set(admin)
      .expect(404);
    await request(t.server)
      .post(`${STI}/00000000-0000-4000-8000-000000000000/trekk-tilbake`)
      .set(admin)
      .expect(404);
  });

  it('refuses a missing or wrong admin key (401), and an API key is no admin key', async () => {
    const uten = await request(t.server).get(STI).expect(401);
    expect(uten.headers['www-authenticate']).toMatch(/Bearer/);
    const feil = await request(t.server)
      .get(STI)
      .set({ Authorization: `Bearer ${ADMIN}x` })
      .expect(401);
    expect(feil.body.kode).toBe('ADMIN_NOEKKEL_UGYLDIG');
    await request(t.server).get(STI).set({ Authorization: 'Bearer demo-langtidsopphold' }).expect(401);
  });

  it('is closed (403) when no admin key is configured', async () => {
    const uten = await startTestapp();
    try {
      const svar = await request(uten.server).get(STI).set(admin).expect(403);
      expect(svar.body).toMatchObject({ kode: 'ADMIN_AV' });
      expect(svar.body.detail).toMatch(/ADMIN_API_KEY/);
    } finally {
      await uten.lukk();
    }
  });
});
