import { KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { SATSFORVALTNING } from '@inntektsgrunnlag/tilgang';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kommunesatsSkjema, satsoversiktSkjema } from './openapi/satser.js';
import { problemSkjema, resultatSkjema } from './openapi/skjema.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

/**
 * /api/v1/satser: two rate administrators (API clients in a SATSFORVALTNING role) add the missing
 * kjernetid limit; the first cannot approve their own entry, the second approves it, and a
 * BARNEHAGE_SFO beregning then uses it and names it.
 */

let lagring: Lagring;
let t: Testapp;
let anne: string;
let bjorn: string;

beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  await lagring.roller.lagre({ id: 'satser', navn: 'Satsforvalter', tjenesteomraade: SATSFORVALTNING });
  anne = (await lagring.klienter.opprett({ id: 'anne', navn: 'Anne (satser)', rolleId: 'satser' })).noekkel;
  bjorn = (await lagring.klienter.opprett({ id: 'bjorn', navn: 'Bjørn (satser)', rolleId: 'satser' }))
    .noekkel;
  t = await startTestapp({ lagring });
});
afterAll(async () => {
  await t.lukk();
  await lagring.lukk();
});

const GRENSE = {
  tabell: 'foreldrebetaling.kjernetidInntektsgrense',
  gyldigFra: '2026-08-01',
  dekketTil: '2027-07-31',
  verdi: '700000',
  kilde: { tittel: 'Testkilde (ikke en ekte sats)', url: 'https://www.udir.no/' },
  verifisert: '2026-11-27',
};

const barnehage = {
  beregningstype: 'BARNEHAGE_SFO',
  inntektsaar: 2023,
  beregningsdato: '2026-09-01',
  personer: [
    { identifikator: KS_SOEKER, type: 'SOEKER' },
    { identifikator: KS_PARTNER, type: 'EKTEFELLE' },
  ],
  vedtak: {
    barn: [{ tilbud: 'BARNEHAGE', foedselsdato: '2021-03-01', prisPerMaaned: 3000, oppholdstimerPerUke: 41 }],
  },
};

describe('/api/v1/satser', () => {
  it('is for rate administrators only: a case worker gets 403, no credential 401', async () => {
    await request(t.server).get('/api/v1/satser').expect(401);
    const svar = await request(t.server)
      .post('/api/v1/satser')
      .set(noekkel('demo-foreldrebetaling'))
      .send(GRENSE)
      .expect(403);
    expect(problemSkjema.parse(svar.body).kode).toBe('FEIL_TJENESTEOMRAADE');
    // …and a rate administrator looks up no one.
    await request(t.server).post('/api/v1/beregning').set(noekkel(anne)).send(barnehage).expect(403);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const inne = await request(t.server)
      .post('/api/v1/satser')
      .set(noekkel(anne))
      .send({ ...GRENSE, gyldigFra: '2026-01-01' })
      .expect(400);
    expect(problemSkjema.parse(inne.body).errors).toEqual([
      { felt: 'gyldigFra', melding: expect.stringMatching(/innenfor produktets egne verdier/) },
    ]);
    const form = await request(t.server)
      .post('/api/v1/satser')
      .set(noekkel(anne))
      .send({ ...GRENSE, verdi: { beloep: 1 } })
      .expect(400);
    expect(problemSkjema.parse(form.body).errors?.map((e) => e.felt)).toEqual(['verdi']);
    await request(t.server)
      .post('/api/v1/satser')
      .set(noekkel(anne))
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(400);
  });

  it('enters, refuses the own approval, approves by another, and the beregning names the value', async () => {
    const foer = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-foreldrebetaling'))
      .send(barnehage);
    expect(foer.status).toBe(422);

    const lagt = await request(t.server).post('/api/v1/satser').set(noekkel(anne)).send(GRENSE).expect(201);
    const sats = kommunesatsSkjema.parse(lagt.body);
    expect(sats).toMatchObject({ godkjenning: null, innlagtAv: { id: 'anne', navn: 'Anne (satser)' } });

    const oversikt = satsoversiktSkjema.parse(
      (await request(t.server).get('/api/v1/satser').set(noekkel(bjorn)).expect(200)).body,
    );
    const tabell = oversikt.tabeller.find((x) => x.navn === GRENSE.tabell);
    expect(tabell?.satser.map((s) => [s.id, s.status, s.kanGodkjennes])).toEqual([
      [sats.id, 'VENTER_PAA_GODKJENNING', true],
    ]);

    const egen = await request(t.server)
      .post(`/api/v1/satser/${sats.id}/godkjenning`)
      .set(noekkel(anne))
      .expect(403);
    expect(problemSkjema.parse(egen.body)).toMatchObject({ kode: 'EGEN_SATS', errors: [{ felt: 'id' }] });
    await request(t.server)
      .post('/api/v1/satser/00000000-0000-4000-8000-000000000000/godkjenning')
      .set(noekkel(bjorn))
      .expect(404);

    const godkjent = kommunesatsSkjema.parse(
      (await request(t.server).post(`/api/v1/satser/${sats.id}/godkjenning`).set(noekkel(bjorn)).expect(200))
        .body,
    );
    expect(godkjent.godkjenning?.av).toEqual({ id: 'bjorn', navn: 'Bjørn (satser)' });
    const igjen = await request(t.server)
      .post(`/api/v1/satser/${sats.id}/godkjenning`)
      .set(noekkel(bjorn))
      .expect(409);
    expect(problemSkjema.parse(igjen.body).kode).toBe('ALLEREDE_GODKJENT');

    const etter = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-foreldrebetaling'))
      .send(barnehage)
      .expect(200);
    const resultat = resultatSkjema.parse(etter.body);
    expect(resultat.regelverk.satser.find((s) => s.tabell === GRENSE.tabell)).toMatchObject({
      kommunesats: { innlagtAv: { id: 'anne' }, godkjentAv: { id: 'bjorn', navn: 'Bjørn (satser)' } },
    });
    expect(resultat.advarsler.map((a) => a.kode)).toContain('KOMMUNESATS_BRUKT');

    const logg = await lagring.revisjonslogg.liste({ siste: 50 });
    expect(
      logg
        .filter((p) => p.tjenesteomraade === SATSFORVALTNING && p.utfall === 'TILLATT')
        .map((p) => p.formaal?.split(':')[0]),
    ).toEqual(['SATS_LAGT_INN', 'SATS_GODKJENT']);
    // Nothing about the rates' values reaches the application log but the table and date.
    expect(t.logg()).toContain('Sats godkjent');
  });

  it('is described in the OpenAPI document', async () => {
    const dok = (await request(t.server).get('/api/openapi.json').expect(200)).body;
    expect(Object.keys(dok.paths)).toEqual(
      expect.arrayContaining(['/api/v1/satser', '/api/v1/satser/{id}/godkjenning']),
    );
    for (const navn of ['NyKommunesats', 'Kommunesats', 'Satsoversikt']) {
      expect(dok.components.schemas[navn], navn).toBeDefined();
    }
  });
});
