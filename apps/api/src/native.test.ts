import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import {
  demopersoner,
  innebygdeKilder,
  KildeNede,
  type Kilder,
  KildeUtilgjengelig,
  KS_PARTNER,
  KS_SOEKER,
  Tidsavbrudd,
} from '@inntektsgrunnlag/kilder';
import { aapneLagring, demooppsettFor, Klientlager, type Lagring } from '@inntektsgrunnlag/lagring';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  megSkjema,
  navnesvarSkjema,
  postdefinisjonSkjema,
  problemSkjema,
  resultatSkjema,
  tjenesteomraaderSkjema,
  verdierSkjema,
} from './openapi/skjema.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const LANG = noekkel('demo-langtidsopphold');

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

/** A request's problem body, checked against the documented schema. */
function problem(body: unknown) {
  return problemSkjema.parse(body);
}

describe('rules: tjenesteomraader, verdier, poster (open)', () => {
  it('GET /api/v1/tjenesteomraader lists the three areas with their provisions', async () => {
    const svar = await request(t.server).get('/api/v1/tjenesteomraader').expect(200);
    const o = tjenesteomraaderSkjema.parse(svar.body);
    expect(o.map((x) => x.id)).toEqual(['FORELDREBETALING', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD']);
    expect(o.every((x) => x.lovhjemler.length > 0)).toBe(true);
  });

  it('GET /api/v1/verdier gives person types, extra posts with help texts, and the vedtak schema', async () => {
    const svar = await request(t.server)
      .get('/api/v1/verdier?beregningstype=PRAKTISK_BISTAND&inntektsaar=2021')
      .expect(200);
    const v = verdierSkjema.parse(svar.body);
    expect(v.persontyper.map((p) => p.type)).toEqual([...BEREGNERE.PRAKTISK_BISTAND.persontyper]);
    const hjelp = v.ekstraposter.find((e) => e.tekniskNavn === 'nav.hjelpestoenadFraFolketrygden');
    expect(hjelp?.infotekst).toMatch(/Hjelpestønad/);
    expect(v.vedtak).toMatchObject({ type: 'object' });
    const feil = await request(t.server)
      .get('/api/v1/verdier?beregningstype=PRAKTISK_BISTAND&inntektsaar=1990')
      .expect(400);
    expect(problem(feil.body).errors?.[0]?.felt).toBe('inntektsaar');
    const feil2 = await request(t.server).get('/api/v1/verdier?inntektsaar=2023').expect(400);
    expect(problem(feil2.body).errors?.[0]?.felt).toBe('beregningstype');
  });

  it('GET /api/v1/verdier names the income years each area covers, and without a year gives the latest', async () => {
    for (const type of ['BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON'] as const) {
      const v = verdierSkjema.parse(
        (await request(t.server).get(`/api/v1/verdier?beregningstype=${type}`).expect(200)).body,
      );
      const { fraOgMedAar, tilOgMedAar } = BEREGNERE[type].postdefinisjon;
      expect(v.dekkedeInntektsaar).toEqual(
        Array.from({ length: tilOgMedAar - fraOgMedAar + 1 }, (_, i) => fraOgMedAar + i),
      );
      expect(v.inntektsaar).toBe(tilOgMedAar);
    }
  });

  it('GET /api/v1/poster/{type}/{aar} gives the post definition, as JSON or YAML', async () => {
    const svar = await request(t.server).get('/api/v1/poster/LANGTIDSOPPHOLD_INSTITUSJON/2023').expect(200);
    const d = postdefinisjonSkjema.parse(svar.body);
    expect(d.inntekt.map((g) => g.tekniskNavn)).toContain('arbeidsinntekt');
    const yaml = await request(t.server)
      .get('/api/v1/poster/LANGTIDSOPPHOLD_INSTITUSJON/2023?format=yaml')
      .expect(200)
      .expect('Content-Type', /application\/yaml/);
    expect(parse(yaml.text)).toEqual(svar.body);
    await request(t.server).get('/api/v1/poster/LANGTIDSOPPHOLD_INSTITUSJON/2023?format=xml').expect(400);
    await request(t.server).get('/api/v1/poster/UKJENT/2023').expect(400);
    await request(t.server).get('/api/v1/poster/LANGTIDSOPPHOLD_INSTITUSJON/tjue').expect(400);
  });
});

describe('POST /api/v1/beregning', () => {
  it('gives the KS example 567 127 through the native path, audited, with a reference for recalculation', async () => {
    const svar = await request(t.server).post('/api/v1/beregning').set(LANG).send(ks.foresporsel).expect(200);
    const r = resultatSkjema.parse(svar.body);
    expect(r.beregningsbeloep).toBe(567127);
    expect(r.utfoert).toMatchObject({ rolleId: 'demo-langtidsopphold', revidert: true, grunnlag: 'HENTET' });
    expect(r.grunnlagsreferanse).toBeDefined();
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1 });
    expect(siste).toMatchObject({
      utfall: 'TILLATT',
      aktoerType: 'KLIENT',
      identifikatorer: [KS_SOEKER, KS_PARTNER],
    });

    // Recalculation with an edited extra post: no new lookup, no new audit entry.
    const foer = siste?.id;
    const ny = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .send({
        ...ks.foresporsel,
        grunnlagsreferanse: r.grunnlagsreferanse,
        personer: [
          { identifikator: KS_SOEKER, type: 'SOEKER' },
          {
            identifikator: KS_PARTNER,
            type: 'PARTNER',
            ekstraposter: [{ tekniskNavn: 'kommune.tenktEtterlattePensjon', beloep: 250000 }],
          },
        ],
      })
      .expect(200);
    expect(resultatSkjema.parse(ny.body).utfoert).toMatchObject({ grunnlag: 'GJENBRUKT', revidert: false });
    expect(ny.body.beregningsbeloep).toBeLessThan(567127);
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]?.id).toBe(foer);
    // Another client cannot use the reference.
    const annen = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-praktisk-bistand'))
      .send({
        ...ks.foresporsel,
        beregningstype: 'PRAKTISK_BISTAND',
        grunnlagsreferanse: r.grunnlagsreferanse,
        // Valid for PRAKTISK_BISTAND in every other respect (the KS partner's extra post is not), so
        // the refusal is the reference's.
        personer: [
          { identifikator: KS_SOEKER, type: 'SOEKER' },
          { identifikator: KS_PARTNER, type: 'PARTNER' },
        ],
      })
      .expect(400);
    expect(annen.body.errors).toEqual([expect.objectContaining({ felt: 'grunnlagsreferanse' })]);
  });

  it('reproduces every golden case over HTTP', async () => {
    const gullfiler = lesGullfiler('');
    expect(gullfiler.length).toBeGreaterThanOrEqual(5);
    for (const g of gullfiler) {
      const type = (g.foresporsel as { beregningstype: string }).beregningstype;
      const demo = demooppsettFor(type);
      const svar = await request(t.server)
        .post('/api/v1/beregning')
        .set(noekkel(demo?.klient.noekkel ?? ''))
        .send(g.foresporsel as object);
      expect(svar.status, g.fil).toBe(200);
      resultatSkjema.parse(svar.body);
      expect(avvikFraGullfil(svar.body, g.forventet), g.fil).toEqual([]);
      expect(svar.body.utfoert.grunnlag).toBe('FORESPOERSEL');
    }
  });

  it('refuses a bad fødselsnummer with 400 naming the field', async () => {
    const svar = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .send({
        ...ks.foresporsel,
        personer: [{ identifikator: '04817299772', type: 'SOEKER' }],
      })
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    const p = problem(svar.body);
    expect(p.errors).toEqual([
      { felt: 'personer.0.identifikator', melding: expect.stringMatching(/kontrollsiffer/i) },
    ]);
    expect(p.title).toBe('Ugyldig forespørsel');
  });

  it('refuses the wrong role with 403 and its code, and audits it', async () => {
    const svar = await request(t.server)
      .post('/api/v1/beregning')
      .set(noekkel('demo-praktisk-bistand'))
      .send(ks.foresporsel)
      .expect(403);
    expect(problem(svar.body).kode).toBe('FEIL_TJENESTEOMRAADE');
    const annen = await request(t.server)
      .post('/api/v1/beregning')
      .set({ ...LANG, 'X-Rolle-Id': 'demo-praktisk-bistand' })
      .send(ks.foresporsel)
      .expect(403);
    expect(annen.body.kode).toBe('ROLLE_MANGLER');
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      utfall: 'AVVIST',
      aarsakskode: 'ROLLE_MANGLER',
    });
    const ugyldig = await request(t.server)
      .post('/api/v1/beregning')
      .set({ ...LANG, 'X-Rolle-Id': 'Ikke Gyldig' })
      .send(ks.foresporsel)
      .expect(400);
    expect(ugyldig.body.errors[0].felt).toBe('X-Rolle-Id');
  });

  it('gives 401 with WWW-Authenticate without a key, with a malformed header, and for a demo key outside embedded mode', async () => {
    const uten = await request(t.server).post('/api/v1/beregning').send(ks.foresporsel).expect(401);
    expect(uten.headers['www-authenticate']).toBe('Bearer realm="inntektsgrunnlag"');
    await request(t.server)
      .post('/api/v1/beregning')
      .set('Authorization', 'Basic dXNlcjpwYXNz')
      .send(ks.foresporsel)
      .expect(401);
    // The same database as PostgreSQL would be: demo keys are refused.
    const drift = await startTestapp({
      lagring: { ...lagring, innebygd: false, klienter: new Klientlager(lagring.sql, false) } as Lagring,
    });
    try {
      const svar = await request(drift.server)
        .post('/api/v1/beregning')
        .set(LANG)
        .send(ks.foresporsel)
        .expect(401);
      expect(svar.body.kode).toBe('DEMONOEKKEL_AVVIST');
    } finally {
      await drift.lukk();
    }
  });

  it('gives 404 when Skatteetaten has no data for the person and year, naming the person', async () => {
    const person = demopersoner().find((p) => p.kategori === 'NYLIG_INNFLYTTET');
    const def = BEREGNERE.LANGTIDSOPPHOLD_INSTITUSJON.postdefinisjon;
    const aar = [2019, 2020, 2021, 2022, 2023].find(
      (a) => a >= def.fraOgMedAar && !person?.aarMedOppgjoer.includes(a),
    );
    expect(person && aar).toBeTruthy();
    const svar = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .send({
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        inntektsaar: aar,
        personer: [{ identifikator: person?.identifikator, type: 'SOEKER' }],
      })
      .expect(404);
    const p = problem(svar.body);
    expect(p.errors?.[0]?.felt).toBe('personer.0.identifikator');
    expect(p.detail).not.toContain(person?.identifikator);
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      utfall: 'FEILET',
      aarsakskode: 'INGEN_SKATTEOPPLYSNINGER',
    });
  });

  it('gives 422 for a beregningsdato outside the rates', async () => {
    const svar = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .send({ ...ks.foresporsel, beregningsdato: '2030-01-01' })
      .expect(422);
    expect(problem(svar.body).errors?.[0]?.felt).toBe('beregningsdato');
  });

  it('refuses malformed JSON, a wrong content type and an over-large body as bad input', async () => {
    const json = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .set('Content-Type', 'application/json')
      .send('{"beregningstype": ')
      .expect(400);
    expect(problem(json.body).errors?.[0]?.felt).toBe('');
    const type = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .set('Content-Type', 'text/plain')
      .send('hei')
      .expect(400);
    expect(problem(type.body).errors?.[0]?.felt).toBe('Content-Type');
    const stor = await request(t.server)
      .post('/api/v1/beregning')
      .set(LANG)
      .set('Content-Type', 'application/json')
      .send(`{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`)
      .expect(413);
    expect(problem(stor.body).status).toBe(413);
  });

  it('returns the PDF for the native path', async () => {
    const svar = await request(t.server)
      .post('/api/v1/beregning/pdf')
      .set(LANG)
      .send({ ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: '2024/77' })
      .buffer(true)
      .parse((res, ferdig) => {
        const deler: Buffer[] = [];
        res.on('data', (d: Buffer) => deler.push(d));
        res.on('end', () => ferdig(null, Buffer.concat(deler)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    expect((svar.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await request(t.server).post('/api/v1/beregning/pdf').set(LANG).send({}).expect(400);
  });
});

describe('POST /api/v1/personer/navn and GET /api/v1/meg', () => {
  it('gives the name of a typed number, audited as NAVNEOPPSLAG', async () => {
    const svar = await request(t.server)
      .post('/api/v1/personer/navn')
      .set(noekkel('demo-praktisk-bistand'))
      .send({ identifikator: KS_PARTNER })
      .expect(200);
    expect(navnesvarSkjema.parse(svar.body)).toMatchObject({
      navn: { fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL' },
      skjermet: false,
    });
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      formaal: 'NAVNEOPPSLAG',
      utfall: 'TILLATT',
      identifikatorer: [KS_PARTNER],
    });
    const feil = await request(t.server)
      .post('/api/v1/personer/navn')
      .set(noekkel('demo-praktisk-bistand'))
      .send({ identifikator: '123' })
      .expect(400);
    expect(feil.body.errors[0].felt).toBe('identifikator');
    await request(t.server).post('/api/v1/personer/navn').send({ identifikator: KS_PARTNER }).expect(401);
  });

  it('tells who is signed in and which roles they hold', async () => {
    const svar = await request(t.server).get('/api/v1/meg').set(LANG).expect(200);
    expect(megSkjema.parse(svar.body)).toEqual({
      aktoer: {
        type: 'KLIENT',
        id: 'demo-klient-langtidsopphold',
        visningsnavn: 'Demo-fagsystem langtidsopphold',
      },
      roller: [
        {
          id: 'demo-langtidsopphold',
          navn: 'Demo: Helse og omsorg, langtidsopphold institusjon',
          tjenesteomraade: 'LANGTIDSOPPHOLD',
          avregning: true,
          beregningstyper: ['LANGTIDSOPPHOLD_INSTITUSJON'],
        },
      ],
    });
    await request(t.server).get('/api/v1/meg').expect(401);
    await request(t.server).get('/api/v1/meg').set(noekkel('feil')).expect(401);
  });
});

describe('a failing source or store', () => {
  const feilendeKilder = (feil: (identifikator: string) => Error): Kilder => {
    const k = innebygdeKilder();
    return {
      ...k,
      summertSkattegrunnlag: {
        hent: async ({ identifikator }) => {
          throw feil(identifikator);
        },
      },
    };
  };

  it('gives 502 with Retry-After when the source is unavailable, 504 when it times out', async () => {
    const o = (identifikator: string) => ({
      api: 'SUMMERT_SKATTEGRUNNLAG' as const,
      identifikator,
      inntektsaar: 2023,
    });
    const nede = await startTestapp({
      lagring,
      kilder: feilendeKilder((id) => new KildeUtilgjengelig(o(id), 3)),
    });
    const treg = await startTestapp({
      lagring,
      kilder: feilendeKilder((id) => new Tidsavbrudd(o(id), 30000, 2)),
    });
    try {
      const a = await request(nede.server)
        .post('/api/v1/beregning')
        .set(LANG)
        .send(ks.foresporsel)
        .expect(502);
      expect(a.headers['retry-after']).toBe('30');
      expect(problem(a.body).errors?.map((e) => e.felt)).toEqual([
        'personer.0.identifikator',
        'personer.1.identifikator',
      ]);
      const b = await request(treg.server)
        .post('/api/v1/beregning')
        .set(LANG)
        .send(ks.foresporsel)
        .expect(504);
      expect(b.headers['retry-after']).toBe('30');
      const klar = await request(nede.server).get('/health/ready').expect(200);
      expect(klar.body).toMatchObject({ status: 'degradert', kilde: { status: 'feiler' } });
    } finally {
      await nede.lukk();
      await treg.lukk();
    }
  });

  it('gives 503 kilde-nede naming the source when its circuit breaker is open, not 502 or a wait', async () => {
    const nede = await startTestapp({
      lagring,
      kilder: feilendeKilder(
        (id) => new KildeNede({ api: 'AVREGNING', identifikator: id, inntektsaar: 2023 }, 5000),
      ),
    });
    try {
      const a = await request(nede.server)
        .post('/api/v1/beregning')
        .set(LANG)
        .send(ks.foresporsel)
        .expect(503);
      expect(a.headers['retry-after']).toBe('5');
      expect(a.body).toMatchObject({
        type: 'urn:inntektsgrunnlag:problem:kilde-nede',
        title: 'Avregning er nede',
        kode: 'KILDE_NEDE_AVREGNING',
        kilde: 'AVREGNING',
      });
      expect(JSON.stringify(a.body)).not.toMatch(/\d{11}/);
    } finally {
      await nede.lukk();
    }
  });

  it('gives 503 when the audit log cannot be written: nothing leaves unaudited', async () => {
    const brutt = {
      ...lagring,
      revisjonslogg: {
        ...lagring.revisjonslogg,
        liste: lagring.revisjonslogg.liste.bind(lagring.revisjonslogg),
        skriv: async () => {
          throw new Error('disk full');
        },
      },
    } as unknown as Lagring;
    const app = await startTestapp({ lagring: brutt });
    try {
      const svar = await request(app.server)
        .post('/api/v1/beregning')
        .set(LANG)
        .send(ks.foresporsel)
        .expect(503);
      expect(svar.headers['retry-after']).toBe('30');
      expect(svar.body).not.toHaveProperty('beregningsbeloep');
    } finally {
      await app.lukk();
    }
  });
});

describe('unknown routes', () => {
  it('answers 404 as a problem', async () => {
    const svar = await request(t.server).get('/api/v1/finnes-ikke').expect(404);
    expect(problem(svar.body).type).toBe('urn:inntektsgrunnlag:problem:ikke-funnet');
  });
});
