import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beredskapSkjema } from './openapi/skjema.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

let lagring: Lagring;
let t: Testapp;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  t = await startTestapp({ lagring });
});
afterAll(async () => {
  await t.lukk();
  await lagring.lukk();
});

describe('OpenAPI and the docs page', () => {
  it('GET /api/openapi.json is a valid OpenAPI 3.1 document that describes every route', async () => {
    const svar = await request(t.server).get('/api/openapi.json').expect(200);
    const dok = svar.body;
    expect(dok.openapi).toBe('3.1.0');
    const resultat = await new Validator().validate(structuredClone(dok));
    expect(resultat.errors ?? []).toEqual([]);
    expect(resultat.valid).toBe(true);
    const stier = Object.keys(dok.paths);
    for (const sti of [
      '/api/v1/beregning',
      '/api/v1/beregning/pdf',
      '/api/v1/verdier',
      '/api/v1/poster/{beregningstype}/{inntektsaar}',
      '/api/v1/tjenesteomraader',
      '/api/v1/personer/navn',
      '/api/v1/meg',
      '/api/v1/arkiv',
      '/api/v1/arkiv/forsendelser',
      '/api/v1/arkiv/forsendelser/{id}',
      '/api/v1/arkiv/forsendelser/{id}/send-igjen',
      '/api/v1/arkiv/pakke',
      '/api/openapi.json',
      '/api/docs',
      '/health/live',
      '/health/ready',
      '/metrics',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning/pdf',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning/praktisk-bistand',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning/praktisk-bistand/pdf',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning/redusert-foreldrebetaling',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning/redusert-foreldrebetaling/pdf',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/verdier',
      '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/yaml/{beregningstype}/{inntektsaar}',
      '/api/v1/admin/ks-integrasjoner',
      '/api/v1/admin/ks-integrasjoner/{id}',
      '/api/v1/admin/ks-integrasjoner/{id}/passord',
      '/api/v1/admin/ks-integrasjoner/{id}/trekk-tilbake',
    ]) {
      expect(stier).toContain(sti);
    }
    // Request, result and problem bodies are described.
    for (const navn of [
      'NativBeregningsforespoersel',
      'KsBeregningsforespoersel',
      'Beregningsresultat',
      'KsBeregningssvar',
      'Problem',
      'KsFeil',
      'KsIntegrasjon',
      'NyKsIntegrasjon',
      'Arkivforespoersel',
      'Arkivforsendelse',
    ]) {
      expect(dok.components.schemas[navn], navn).toBeDefined();
    }
    expect(
      dok.components.schemas.Beregningsforespoersel.properties.personer.items.properties.identifikator.type,
    ).toBe('string');
  });

  it('the validator rejects a broken document (the check can fail)', async () => {
    const svar = await request(t.server).get('/api/openapi.json');
    const brutt = structuredClone(svar.body);
    brutt.paths['/api/v1/beregning'].post.responses = { '200': { content: {} } };
    expect((await new Validator().validate(brutt)).valid).toBe(false);
  });

  it('GET /api/docs is a readable page rendered from the document, with nothing fetched from elsewhere', async () => {
    const svar = await request(t.server)
      .get('/api/docs')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(svar.text).toContain('<h1>Inntektsgrunnlag API');
    expect(svar.text).toContain('/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger/beregning');
    expect(svar.text).toContain('id="skjema-Beregningsresultat"');
    expect(svar.text).not.toMatch(/<script|https?:\/\/[^"<]*\.(js|css)/);
  });
});

describe('health and metrics', () => {
  it('live and ready', async () => {
    await request(t.server).get('/health/live').expect(200, { status: 'ok' });
    const klar = await request(t.server).get('/health/ready').expect(200);
    expect(beredskapSkjema.parse(klar.body)).toMatchObject({
      status: 'ok',
      lager: { status: 'ok', modus: 'PGLITE' },
      kilde: { status: 'ok', beskrivelse: 'innebygd syntetisk populasjon' },
    });
  });

  it('ready is 503 when the store does not answer', async () => {
    const nede = await startTestapp({
      lagring: {
        ...lagring,
        sql: {
          query: async () => {
            throw new Error('tilkoblingen er brutt');
          },
        },
      } as unknown as Lagring,
    });
    try {
      const svar = await request(nede.server).get('/health/ready').expect(503);
      expect(beredskapSkjema.parse(svar.body)).toMatchObject({ status: 'feil', lager: { status: 'feil' } });
    } finally {
      await nede.lukk();
    }
  });

  it('GET /metrics is Prometheus text with requests by route and status, durations and lookups by outcome', async () => {
    await request(t.server).get('/api/v1/tjenesteomraader').expect(200);
    await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-praktisk-bistand'))
      .send({ beregningstype: 'PRAKTISK_BISTAND', inntektsaar: 1990, personer: [] })
      .expect(400);
    await request(t.server).get('/finnes/12345678901').expect(404);
    const svar = await request(t.server)
      .get('/metrics')
      .expect(200)
      .expect('Content-Type', /text\/plain; version=0.0.4/);
    expect(svar.text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(svar.text).toContain(
      'http_requests_total{method="GET",route="/api/v1/tjenesteomraader",status="200"} 1',
    );
    expect(svar.text).toContain('http_requests_total{method="GET",route="ukjent",status="404"} 1');
    expect(svar.text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(svar.text).toMatch(
      /http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/beregning",le="\+Inf"\} 1/,
    );
    expect(svar.text).toContain(
      'inntektsgrunnlag_oppslag_total{beregningstype="PRAKTISK_BISTAND",utfall="UGYLDIG"} 1',
    );
    expect(svar.text).not.toMatch(/\d{11}/);
  });
});

describe('hardening', () => {
  it('sets security headers and no X-Powered-By', async () => {
    const svar = await request(t.server).get('/health/live');
    expect(svar.headers['x-content-type-options']).toBe('nosniff');
    expect(svar.headers['content-security-policy']).toContain("default-src 'self'");
    expect(svar.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(svar.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(svar.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(svar.headers['x-powered-by']).toBeUndefined();
  });

  it('answers a broken %-escape in the path with a 400 problem, not a 500', async () => {
    for (const sti of [
      '/api/v1/poster/%E0%A4%A/2023',
      '/register/api/v1/ks/demo-foreldrebetaling/skatteoginntektsopplysninger/yaml/%E0%A4%A/2023',
    ]) {
      const svar = await request(t.server).get(sti).set(noekkel('demo-foreldrebetaling'));
      expect(svar.status, sti).toBe(400);
      // The KS route answers in KS's error body, with the same field errors.
      const errors = sti.startsWith('/register/') ? svar.body.errorJson?.errors : svar.body.errors;
      expect(errors, sti).toEqual([{ felt: 'path', melding: 'adressen har en ugyldig %-koding' }]);
    }
  });

  it('gives every response a request id: a sane incoming one is kept, anything else replaced', async () => {
    const egen = await request(t.server).get('/health/live').set('X-Request-Id', 'fagsystem-abc-123');
    expect(egen.headers['x-request-id']).toBe('fagsystem-abc-123');
    for (const inn of ['04817299771-sak', 'a b c d e f g h', 'x'.repeat(200), 'kort']) {
      const svar = await request(t.server).get('/health/live').set('X-Request-Id', inn);
      expect(svar.headers['x-request-id']).not.toBe(inn);
      expect(svar.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    const feil = await request(t.server).get('/ingenting').expect(404);
    expect(feil.body.requestId).toBe(feil.headers['x-request-id']);
  });

  it('keeps CORS closed by default, and opens it only to listed origins', async () => {
    const lukket = await request(t.server)
      .get('/api/v1/tjenesteomraader')
      .set('Origin', 'https://annen.example');
    expect(lukket.headers['access-control-allow-origin']).toBeUndefined();
    const aapen = await startTestapp({ lagring, corsOrigins: ['https://saksbehandling.example'] });
    try {
      const ja = await request(aapen.server)
        .get('/api/v1/tjenesteomraader')
        .set('Origin', 'https://saksbehandling.example');
      expect(ja.headers['access-control-allow-origin']).toBe('https://saksbehandling.example');
      const nei = await request(aapen.server)
        .get('/api/v1/tjenesteomraader')
        .set('Origin', 'https://annen.example');
      expect(nei.headers['access-control-allow-origin']).toBeUndefined();
      const forhaand = await request(aapen.server)
        .options('/api/v1/beregning')
        .set('Origin', 'https://saksbehandling.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(forhaand.status).toBe(204);
      expect(forhaand.headers['access-control-allow-headers']).toContain('X-Rolle-Id');
    } finally {
      await aapen.lukk();
    }
  });

  it('limits each client’s requests per window, with 429 and Retry-After, per client', async () => {
    const begrenset = await startTestapp({ lagring, hastighet: { maks: 3, vinduMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) {
        await request(begrenset.server).get('/api/v1/meg').set(noekkel('demo-langtidsopphold')).expect(200);
      }
      const svar = await request(begrenset.server)
        .get('/api/v1/meg')
        .set(noekkel('demo-langtidsopphold'))
        .expect(429);
      expect(svar.headers['retry-after']).toBe('60');
      expect(svar.body.type).toBe('urn:inntektsgrunnlag:problem:for-mange-foresporsler');
      // Another client has its own count; health checks are never limited.
      await request(begrenset.server).get('/api/v1/meg').set(noekkel('demo-praktisk-bistand')).expect(200);
      await request(begrenset.server).get('/health/live').expect(200);
    } finally {
      await begrenset.lukk();
    }
  });

  it('serves the web app’s build at / when there is one, and never in place of the API', async () => {
    const katalog = mkdtempSync(join(tmpdir(), 'web-'));
    writeFileSync(join(katalog, 'index.html'), '<!doctype html><title>Inntektsgrunnlag</title>');
    writeFileSync(join(katalog, 'app.js'), 'export {};');
    const web = await startTestapp({ lagring, webKatalog: katalog });
    try {
      expect((await request(web.server).get('/').expect(200)).text).toContain(
        '<title>Inntektsgrunnlag</title>',
      );
      await request(web.server)
        .get('/app.js')
        .expect(200)
        .expect('Content-Type', /javascript/);
      expect((await request(web.server).get('/sak/123').expect(200)).text).toContain('<title>');
      await request(web.server)
        .get('/api/v1/finnes-ikke')
        .expect(404)
        .expect('Content-Type', /problem/);
      await request(t.server).get('/').expect(404);
    } finally {
      await web.lukk();
      rmSync(katalog, { recursive: true, force: true });
    }
  });
});
