import { innebygdeKilder, KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feilTilLogg, lagLogger, vaskFeiltekst, vaskTekst } from './logg.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};

let lagring: Lagring;
let t: Testapp;
let uventet: Testapp;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  t = await startTestapp({ lagring });
  // A source that breaks in a way nobody foresaw, with an identifier and an amount in its message.
  const k = innebygdeKilder();
  uventet = await startTestapp({
    lagring,
    kilder: {
      ...k,
      beregnetSkatt: {
        hent: async () => {
          throw new TypeError(`uventet svar for ${KS_SOEKER}: beløp 567 127 kr`);
        },
      },
    },
  });
});
afterAll(async () => {
  await t.lukk();
  await uventet.lukk();
  await lagring.lukk();
});

describe('the log of a full run', () => {
  it('has one JSON line per request with method, route template, status, duration, request id and client, and no 11-digit number', async () => {
    const s = t.server;
    const L = noekkel('demo-langtidsopphold');
    const kjoering = [
      request(s).get('/health/live'),
      request(s).get('/health/ready'),
      request(s).get('/metrics'),
      request(s).get('/api/openapi.json'),
      request(s).get('/api/docs'),
      request(s).get('/api/v1/tjenesteomraader'),
      request(s).get('/api/v1/verdier?beregningstype=BARNEHAGE_SFO&inntektsaar=2023'),
      request(s).get('/api/v1/poster/PRAKTISK_BISTAND/2022?format=yaml'),
      request(s).get('/api/v1/meg').set(L),
      request(s).post('/api/v1/beregning').set(L).send(ks.foresporsel),
      request(s)
        .post('/api/v1/beregning')
        .set(L)
        .send({ ...ks.foresporsel, beregningsdato: '2024-06-01' }),
      request(s)
        .post('/api/v1/beregning')
        .set(L)
        .send({ ...ks.foresporsel, beregningsdato: '2030-01-01' }),
      request(s)
        .post('/api/v1/beregning')
        .set(L)
        .send({ ...ks.foresporsel, personer: [{ identifikator: '04817299772', type: 'SOEKER' }] }),
      request(s).post('/api/v1/beregning').set(noekkel('demo-praktisk-bistand')).send(ks.foresporsel),
      request(s).post('/api/v1/beregning').set(noekkel('ukjent-04817299771')).send(ks.foresporsel),
      request(s).post('/api/v1/beregning').send(ks.foresporsel),
      request(s)
        .post('/api/v1/beregning')
        .set(L)
        .set('Content-Type', 'application/json')
        .send('{"personer":[{"identifikator":"04817299771"'),
      request(s)
        .post('/api/v1/personer/navn')
        .set(noekkel('demo-praktisk-bistand'))
        .send({ identifikator: KS_PARTNER }),
      request(s)
        .post('/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger/beregning')
        .set(L)
        .send(ks.foresporsel),
      request(s)
        .post('/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger/verdier')
        .set(L)
        .send({ beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' }),
      request(s)
        .get(
          '/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger/yaml/LANGTIDSOPPHOLD_INSTITUSJON/2023',
        )
        .set(L),
      request(s)
        .get(`/api/v1/personer/${KS_SOEKER}?fnr=${KS_PARTNER}`)
        .set('X-Request-Id', `sak-${KS_SOEKER}`),
    ];
    for (const r of kjoering) await r;
    const ut = await request(uventet.server)
      .post('/api/v1/beregning')
      .set(L)
      .send(ks.foresporsel)
      .expect(500);
    expect(ut.body.detail).not.toMatch(/uventet svar|567|TypeError/);
    expect(ut.body).not.toHaveProperty('stack');

    const logg = t.logg() + uventet.logg();
    const linjer = logg
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const foresporsler = linjer.filter((l) => l.msg === 'forespørsel');
    expect(foresporsler).toHaveLength(kjoering.length + 1);
    for (const l of foresporsler) {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['level', 'time', 'requestId', 'metode', 'rute', 'status', 'varighetMs']),
      );
    }
    expect(foresporsler.map((l) => l.rute)).toEqual(
      expect.arrayContaining([
        '/api/v1/beregning',
        '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning',
        '/api/v1/poster/{beregningstype}/{inntektsaar}',
        'ukjent',
      ]),
    );
    expect(foresporsler.find((l) => l.rute === '/api/v1/meg')?.aktoer).toEqual({
      type: 'KLIENT',
      id: 'demo-klient-langtidsopphold',
    });
    const feil = linjer.find((l) => l.msg === 'uventet feil');
    expect(feil?.feil).toMatchObject({
      type: 'TypeError',
      melding: expect.stringContaining('[identifikator]'),
    });
    expect(feil?.feil.melding).not.toMatch(/567/);
    // The rule of the whole run: no fødselsnummer (nor any 11-digit number) and no amount of the example.
    expect(logg).not.toMatch(/\d{11}/);
    for (const beloep of ['567127', '801718', '234591', '767670']) expect(logg).not.toContain(beloep);
  });
});

describe('cleaning', () => {
  it('replaces identifiers, and in error texts also amounts', () => {
    expect(vaskTekst('person 04817299771 og 123456789012')).toBe('person [identifikator] og [identifikator]');
    expect(vaskTekst('år 2023, 1234 kr')).toBe('år 2023, 1234 kr');
    expect(vaskFeiltekst('beløp 567 127 kr og 1 234,50 for 04817299771 i 2023; linje 12')).toBe(
      'beløp [tall] kr og [tall] for [identifikator] i [tall]; linje 12',
    );
    const e = new Error('feil for 04817299771');
    expect(feilTilLogg(e).stakk).toMatch(/^at /);
    expect(JSON.stringify(feilTilLogg(e))).not.toMatch(/\d{11}/);
  });

  it('hides fields with amounts or personal data whoever logs them', () => {
    const linjer: string[] = [];
    const logger = lagLogger({ destinasjon: { write: (s: string) => void linjer.push(s) } });
    logger.info(
      {
        beloep: 567127,
        identifikator: KS_SOEKER,
        nested: { vederlag: { perAar: 1 } },
        tall: 12345678901,
        status: 200,
      },
      `oppslag for ${KS_PARTNER}`,
    );
    const l = JSON.parse(linjer[0] as string);
    expect(l).toMatchObject({
      beloep: '[skjult]',
      identifikator: '[skjult]',
      nested: { vederlag: '[skjult]' },
      tall: '[identifikator]',
      status: 200,
      msg: 'oppslag for [identifikator]',
    });
  });
});
