import { KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDokument } from './openapi/dokument.js';
import { husstandssvarSkjema } from './ruter/husstand.js';
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

describe('POST /api/v1/husstand', () => {
  it('proposes the KS example’s partner for its applicant, with name, audited as HUSSTANDSOPPSLAG', async () => {
    const svar = await request(t.server)
      .post('/api/v1/husstand')
      .set(noekkel('demo-langtidsopphold'))
      .send({ identifikator: KS_SOEKER, beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' })
      .expect(200)
      .expect('Cache-Control', 'no-store');
    const s = husstandssvarSkjema.parse(svar.body);
    expect(s.forslag.map((f) => [f.identifikator, f.persontype, f.navn?.etternavn])).toEqual([
      [KS_PARTNER, 'EKTEFELLE', 'DAMESYKKEL'],
    ]);
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      formaal: 'HUSSTANDSOPPSLAG',
      utfall: 'TILLATT',
      identifikatorer: [KS_SOEKER, KS_PARTNER],
    });
  });

  it('refuses a bad body field by field, a role of another area, and no authentication', async () => {
    const feil = await request(t.server)
      .post('/api/v1/husstand')
      .set(noekkel('demo-langtidsopphold'))
      .send({ identifikator: '123', beregningstype: 'SYKEHJEM', ekstra: 1 })
      .expect(400);
    expect(feil.body.errors.map((e: { felt: string }) => e.felt).sort()).toEqual(
      expect.arrayContaining(['beregningstype', 'identifikator']),
    );
    await request(t.server)
      .post('/api/v1/husstand')
      .set(noekkel('demo-foreldrebetaling'))
      .send({ identifikator: KS_SOEKER, beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' })
      .expect(403);
    await request(t.server)
      .post('/api/v1/husstand')
      .send({ identifikator: KS_SOEKER, beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' })
      .expect(401);
  });

  it('is in the OpenAPI document', () => {
    const dok = openApiDokument() as unknown as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(dok.paths['/api/v1/husstand']).toBeDefined();
    expect(dok.components.schemas.Husstandsforespoersel).toBeDefined();
    expect(dok.components.schemas.Husstandsoppslag).toBeDefined();
  });
});
