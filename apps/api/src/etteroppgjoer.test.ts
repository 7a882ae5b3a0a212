import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etteroppgjoersresultatSkjema } from './openapi/etteroppgjoer.js';
import { problemSkjema, vedtaksbrevinnholdSkjema } from './openapi/skjema.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const LANG = noekkel('demo-langtidsopphold');
const FORESPOERSEL = {
  ...ks.foresporsel,
  saksreferanse: '2024/88',
  vedtak: { innflyttingsdato: '2023-02-14', oppholdskostnadPerMaaned: 60_000 },
};
// Moved in 14 February 2023: free to 13 March, vederlag from 14 March.
const FAKTURERT = Array.from({ length: 10 }, (_, i) => ({
  maaned: `2023-${String(i + 3).padStart(2, '0')}`,
  beloep: 36_000,
}));

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

const sisteRevisjon = async () => (await lagring.revisjonslogg.liste({ siste: 1 }))[0];

describe('POST /api/v1/etteroppgjoer', () => {
  it('looks the settlement up (audited), settles month by month, and is not cached', async () => {
    const foer = (await sisteRevisjon())?.id;
    const svar = await request(t.server)
      .post('/api/v1/etteroppgjoer')
      .set(LANG)
      .send({ foresporsel: FORESPOERSEL, fakturert: FAKTURERT, formaal: 'Etteroppgjør 2023' })
      .expect(200);
    expect(svar.headers['cache-control']).toBe('no-store');
    const resultat = etteroppgjoersresultatSkjema.parse(svar.body);
    const e = resultat.etteroppgjoer;
    expect(e.maaneder.map((m) => m.maaned)).toEqual(['2023-02', ...FAKTURERT.map((f) => f.maaned)]);
    expect(e.maaneder[0]).toMatchObject({ vederlagsdager: 0, endelig: 0, fakturert: 0 });
    expect(e.maaneder[1]?.hjemler).toContain('egenandelsforskriften § 6 første ledd');
    expect(e.maaneder[1]?.vederlagsdager).toBe(18);
    expect(e.sumFakturert).toBe(360_000);
    expect(e.differanse).toBe(e.sumEndelig - 360_000);
    const post = await sisteRevisjon();
    expect(post?.id).not.toBe(foer);
    expect(post).toMatchObject({ utfall: 'TILLATT', formaal: 'Etteroppgjør 2023', saksreferanse: '2024/88' });
  });

  it('a month charged twice or outside the stay: 400 naming the month, before any lookup', async () => {
    const foer = (await sisteRevisjon())?.id;
    const svar = await request(t.server)
      .post('/api/v1/etteroppgjoer')
      .set(LANG)
      .send({
        foresporsel: FORESPOERSEL,
        fakturert: [...FAKTURERT, { maaned: '2023-01', beloep: 100 }, { maaned: '2023-05', beloep: 1 }],
      })
      .expect(400);
    const problem = problemSkjema.parse(svar.body);
    expect(problem.errors?.map((f) => f.felt)).toEqual(['fakturert.10.maaned', 'fakturert.11.maaned']);
    expect(JSON.stringify(problem.errors)).toContain('2023-01: beboeren bodde ikke på institusjonen');
    expect(JSON.stringify(problem.errors)).toContain('2023-05 er oppgitt to ganger');
    expect((await sisteRevisjon())?.id).toBe(foer);
  });

  it('refuses another role (audited refusal)', async () => {
    await request(t.server)
      .post('/api/v1/etteroppgjoer')
      .set(noekkel('demo-praktisk-bistand'))
      .send({ foresporsel: FORESPOERSEL, fakturert: FAKTURERT })
      .expect(403);
    expect(await sisteRevisjon()).toMatchObject({ utfall: 'AVVIST', formaal: 'ETTEROPPGJOER' });
  });

  it('gives the etteroppgjør as PDF/A-2b with Accept: application/pdf', async () => {
    const svar = await request(t.server)
      .post('/api/v1/etteroppgjoer')
      .set(LANG)
      .set('Accept', 'application/pdf')
      .send({ foresporsel: FORESPOERSEL, fakturert: FAKTURERT })
      .buffer(true)
      .parse((r, ferdig) => {
        const deler: Buffer[] = [];
        r.on('data', (d: Buffer) => deler.push(d));
        r.on('end', () => ferdig(null, Buffer.concat(deler)));
      })
      .expect(200);
    expect(svar.headers['content-type']).toMatch(/^application\/pdf/);
    expect(svar.headers['content-disposition']).toBe('attachment; filename="etteroppgjoer-2023-2024_88.pdf"');
    const pdf = (svar.body as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });

  it('POST /api/v1/etteroppgjoer/vedtaksbrev: the decision letter on the etteroppgjør (PDF/A-2b, nynorsk)', async () => {
    const foer = (await sisteRevisjon())?.id;
    const svar = await request(t.server)
      .post('/api/v1/etteroppgjoer/vedtaksbrev')
      .set(LANG)
      .send({
        foresporsel: FORESPOERSEL,
        fakturert: FAKTURERT,
        vedtaksbrev: {
          spraak: 'nn',
          vurderinger: 'Kommunen har lagt inn tenkt etterlattepensjon etter dokumentasjon i saka.',
          etteroppgjoer: { betalingsfrist: '2024-12-01', betaling: 'Beløpet kjem på neste faktura.' },
        },
      })
      .buffer(true)
      .parse((r, ferdig) => {
        const deler: Buffer[] = [];
        r.on('data', (d: Buffer) => deler.push(d));
        r.on('end', () => ferdig(null, Buffer.concat(deler)));
      })
      .expect(200);
    expect(svar.headers['content-type']).toMatch(/^application\/pdf/);
    expect(svar.headers['cache-control']).toBe('no-store');
    expect(svar.headers['content-disposition']).toBe(
      'attachment; filename="vedtaksbrev-etteroppgjoer-langtidsopphold-2023.pdf"',
    );
    const fil = join(mkdtempSync(join(tmpdir(), 'eo-brev-')), 'brev.pdf');
    writeFileSync(fil, svar.body as Buffer);
    expect(execFileSync('pdfinfo', ['-meta', fil], { encoding: 'utf8' })).toContain(
      '<pdfaid:conformance>B</pdfaid:conformance>',
    );
    const tekst = execFileSync('pdftotext', ['-enc', 'UTF-8', fil, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(tekst).toContain('Vedtak om etteroppgjer for vederlag for langtidsopphald i institusjon for 2023');
    expect(tekst).toContain('Beløpet kjem på neste faktura.');
    expect(tekst).toContain('eigendelsforskrifta § 3 sjette ledd');
    expect(tekst).toContain('fire veker');
    const post = await sisteRevisjon();
    expect(post?.id).not.toBe(foer);
    expect(post).toMatchObject({ utfall: 'TILLATT' });
  });

  it('POST /api/v1/etteroppgjoer/vedtaksbrev: the letter as JSON for a preview; a bad letter field is 400 before any lookup', async () => {
    const svar = await request(t.server)
      .post('/api/v1/etteroppgjoer/vedtaksbrev')
      .set(LANG)
      .set('Accept', 'application/json')
      .send({
        foresporsel: FORESPOERSEL,
        fakturert: FAKTURERT,
        vedtaksbrev: { vurderinger: 'Tenkt etterlattepensjon er lagt inn etter dokumentasjon.' },
      })
      .expect(200);
    const innhold = vedtaksbrevinnholdSkjema.parse(svar.body);
    expect(innhold.filnavn).toBe('vedtaksbrev-etteroppgjoer-langtidsopphold-2023.pdf');
    expect(innhold.vedtaksbrev.deler.map((d) => d.id)).toContain('underretning');

    const foer = (await sisteRevisjon())?.id;
    const feil = await request(t.server)
      .post('/api/v1/etteroppgjoer/vedtaksbrev')
      .set(LANG)
      .send({
        foresporsel: FORESPOERSEL,
        fakturert: FAKTURERT,
        vedtaksbrev: { etteroppgjoer: { betalingsfrist: 'snart' } },
      })
      .expect(400);
    expect(problemSkjema.parse(feil.body).errors?.map((f) => f.felt)).toEqual([
      'vedtaksbrev.etteroppgjoer.betalingsfrist',
    ]);
    expect((await sisteRevisjon())?.id).toBe(foer);
  });

  it('is described in OpenAPI', async () => {
    const dok = (await request(t.server).get('/api/openapi.json').expect(200)).body;
    expect(dok.paths['/api/v1/etteroppgjoer'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Etteroppgjoersforespoersel',
    });
    expect(dok.components.schemas.Etteroppgjoersresultat.properties.etteroppgjoer).toBeDefined();
    expect(dok.components.schemas.Etteroppgjoersforespoersel.properties.fakturert).toBeDefined();
    expect(
      dok.paths['/api/v1/etteroppgjoer/vedtaksbrev'].post.requestBody.content['application/json'].schema,
    ).toEqual({ $ref: '#/components/schemas/EtteroppgjoersVedtaksbrevforespoersel' });
    expect(dok.components.schemas.EtteroppgjoersVedtaksbrevforespoersel.properties.vedtaksbrev).toEqual({
      $ref: '#/components/schemas/Vedtaksbrevdata',
    });
  });
});
