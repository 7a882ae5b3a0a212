import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ksFeilSkjema, ksSvarSkjema, verdierSkjema } from './openapi/skjema.js';
import { IDAG, noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: { personer: Array<{ identifikator: string; type: string }> } & Record<string, unknown>;
};
const publisert = JSON.parse(
  (await import('node:fs')).readFileSync(
    new URL(
      '../../../packages/skattegrunnlag/testdata/ks-fiks-visningsposter-langtidsopphold-2023.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as { visningsposter: Array<{ kategori: string; poster: Array<Record<string, unknown>> }> };

const GRUNN = '/register/api/v1/ks/demo-langtidsopphold/skatteoginntektsopplysninger';

/** The top-level fields of KS's published answer («Svar», 2024-08-13), in its order. */
const KS_FELT = [
  'inntektsaar',
  'stadie',
  'personer',
  'visningsposter',
  'beregningsbeloep',
  'inntekt',
  'fradrag',
  'soeketidspunkt',
  'beregningstype',
  'feilmeldinger',
];

let t: Testapp;
beforeAll(async () => {
  t = await startTestapp();
});
afterAll(async () => {
  await t.lukk();
});

describe('the KS-compatible beregning (langtidsopphold)', () => {
  it('answers the published KS example with beregningsbeloep 567 127 and KS’s field names', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send(ks.foresporsel)
      .expect(200)
      .expect('Content-Type', /application\/json/);
    const b = ksSvarSkjema.parse(svar.body);
    expect(b.beregningsbeloep).toBe(567127);
    expect(Object.keys(svar.body).slice(0, KS_FELT.length)).toEqual(KS_FELT);
    expect(b.inntekt.beloep).toBe(801718);
    expect(b.fradrag.beloep).toBe(234591);
    expect(b.stadie).toBe('OPPGJOER');
    expect(b.soeketidspunkt).toBe('2026-11-27T10:00:00.000Z');
    expect(b.feilmeldinger).toEqual([]);
    // The persons as KS shows them, registreringstidpunkt included.
    expect(b.personer.map(({ postkilde: _p, ...p }) => p)).toEqual([
      {
        identifikator: '04817299771',
        type: 'SOEKER',
        skjermet: false,
        stadie: 'OPPGJOER',
        navn: { etternavn: 'PÅFUNN', fornavn: 'UPERSONLIG', mellomnavn: null },
        skatteoppgjoersdato: '2024-02-15',
        registreringstidpunkt: '2024-02-15T09:47:37.874Z',
      },
      {
        identifikator: '27847099416',
        type: 'PARTNER',
        skjermet: false,
        stadie: 'OPPGJOER',
        navn: { etternavn: 'DAMESYKKEL', fornavn: 'OPPRIKTIG', mellomnavn: null },
        skatteoppgjoersdato: '2024-02-19',
        registreringstidpunkt: '2024-02-19T07:21:24.518Z',
      },
    ]);
    // The visningsposter field for field as KS publishes them, but for our spelling of one text and
    // the help texts (infotekst), which are the catalogue's own, in the same field.
    const utenInfotekst = (g: { kategori: string; poster: Array<Record<string, unknown>> }) => ({
      kategori: g.kategori,
      poster: g.poster.map(({ infotekst: _i, ...p }) => ({
        ...p,
        visningstekst: String(p.visningstekst).replace('Formuesskatt til stat', 'Formueskatt til stat'),
      })),
    });
    expect(b.visningsposter.map(utenInfotekst)).toEqual(publisert.visningsposter.map(utenInfotekst));
    for (const g of b.visningsposter) for (const p of g.poster) expect(p).toHaveProperty('infotekst');
    // KS's groups and posts in inntekt, with KS's item fields.
    expect(b.inntekt.beregning.map((g) => [g.tekniskNavn, g.beloep])).toEqual([
      ['arbeidsinntekt', 772062],
      ['renteinntekt', 2163],
      ['avkastningFormue', 27493],
    ]);
    const post = b.inntekt.beregning[0]?.beregningsposter[0];
    expect(Object.keys(post ?? {})).toEqual(
      expect.arrayContaining([
        'tekniskNavn',
        'visningstekst',
        'operasjon',
        'beloep',
        'kilde',
        'kanEndreVisningstekst',
        'identifikator',
        'infotekst',
        'eksempeltekst',
      ]),
    );
    // Our fields are there too; without a beregningsdato the fee is for "today" (2026-11-27), inside the
    // 2026 amounts of egenandelsforskriften (FOR-2025-12-17-2619): G 136 549, fribeløp 10 950,
    // 75 % × 125 599 + 85 % × 430 578 = 460 190.55 → 460 190 a year (issue 17).
    expect(b.avgiftsnoekkel).toBe('vederlag');
    expect(b.vederlag).toMatchObject({ perAar: 460_190, perMaaned: 38_349 });
    expect(b.advarsler.map((a) => a.kode)).not.toContain('AVGIFT_IKKE_BEREGNET');
    expect(b.regelverk.pakke.navn).toBe('@inntektsgrunnlag/langtidsopphold');
    expect(b.utfoert).toMatchObject({ rolleId: 'demo-langtidsopphold', revidert: true, grunnlag: 'HENTET' });
  });

  it('nests fradrag as KS does: skatt → beregnetSkatt, forsorgerfradrag → mellomregningPaarorende', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send(ks.foresporsel)
      .expect(200);
    const b = ksSvarSkjema.parse(svar.body);
    // KS's published «fradrag» (ks-no.github.io, «Skatte- og inntektsopplysninger (Ny)», 2024-08-13),
    // field for field, but for the texts that are the catalogue's own (infotekst, eksempeltekst), our
    // additions (persontype, hjemmel), and the kilde of the kommune.* extra post, which our catalogue
    // calls KOMMUNE where KS says MANUELL_INPUT (docs/api.md); the order of posts is not significant.
    const post = (
      tekniskNavn: string,
      visningstekst: string,
      operasjon: string,
      beloep: number,
      kilde: string,
      identifikator: string,
    ) => ({
      tekniskNavn,
      visningstekst,
      operasjon,
      beloep,
      kilde,
      kanEndreVisningstekst: false,
      identifikator,
    });
    const ksFradrag = {
      beloep: 234591,
      beregning: [
        {
          tekniskNavn: 'skatt',
          visningstekst: 'Skatt',
          beloep: 234591,
          operasjon: 'ADDERE',
          type: 'GRUNNLAG',
          beregningsgrunnlag: [
            {
              tekniskNavn: 'beregnetSkatt',
              visningstekst: 'Beregnet skatt',
              beloep: 234591,
              operasjon: 'ADDERE',
              beregningsposter: [
                post(
                  '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
                  'Beregnet skatt',
                  'ADDERE',
                  234591,
                  'SKATTEETATEN',
                  '04817299771',
                ),
              ],
            },
          ],
          beregningsposter: [],
        },
        {
          tekniskNavn: 'forsorgerfradrag',
          visningstekst: 'Forsørgerfradrag',
          beloep: 0,
          operasjon: 'ADDERE',
          type: 'GRUNNLAG',
          beregningsgrunnlag: [
            {
              tekniskNavn: 'mellomregningPaarorende',
              visningstekst: 'Forsørgerfradrag OPPRIKTIG DAMESYKKEL (PARTNER)',
              beloep: 0,
              operasjon: 'ADDERE',
              beregningsposter: [
                post(
                  'kommune.tenktEtterlattePensjon',
                  'Tenkt etterlattepensjon',
                  'ADDERE',
                  0,
                  'KOMMUNE',
                  '27847099416',
                ),
                post(
                  'avkortetFordelVedElektroniskKommunikasjon',
                  'Fordel elektronisk kommunikasjon',
                  'SUBTRAHERE',
                  3600,
                  'SKATTEETATEN',
                  '27847099416',
                ),
                post(
                  'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
                  'Lønn og naturalytelser med mer',
                  'SUBTRAHERE',
                  142622,
                  'SKATTEETATEN',
                  '27847099416',
                ),
              ],
            },
          ],
          beregningsposter: [],
        },
      ],
    };
    type P = { tekniskNavn: string } & Record<string, unknown>;
    const utenTekster = (poster: P[]) =>
      poster
        .map(({ infotekst: _i, eksempeltekst: _e, persontype: _p, ...p }) => p)
        .sort((x, y) => String(x.tekniskNavn).localeCompare(String(y.tekniskNavn)));
    const vaar = {
      beloep: b.fradrag.beloep,
      beregning: b.fradrag.beregning.map(({ hjemmel: _h, ...g }) => ({
        ...g,
        beregningsgrunnlag: g.beregningsgrunnlag.map((u) => ({
          ...u,
          beregningsposter: utenTekster(u.beregningsposter),
        })),
        beregningsposter: utenTekster(g.beregningsposter),
      })),
    };
    expect(vaar).toEqual({
      ...ksFradrag,
      beregning: ksFradrag.beregning.map((g) => ({
        ...g,
        beregningsgrunnlag: g.beregningsgrunnlag.map((u) => ({
          ...u,
          beregningsposter: utenTekster(u.beregningsposter),
        })),
      })),
    });
    // inntekt has no nested groups in KS's example: type POST with the posts.
    expect(b.inntekt.beregning.every((g) => g.type === 'POST' && g.beregningsgrunnlag.length === 0)).toBe(
      true,
    );
  });

  it('accepts and ignores fields KS may send that the product does not use, and logs their names only', async () => {
    const forespoersel = {
      ...ks.foresporsel,
      kommunenummer: '5001',
      personer: ks.foresporsel.personer.map((p, i) => ({
        ...p,
        navn: 'HEMMELIG NAVN',
        ekstraposter:
          i === 1
            ? [{ tekniskNavn: 'kommune.tenktEtterlattePensjon', beloep: 0, visningsnavn: 'Tenkt 4242' }]
            : [],
      })),
    };
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send(forespoersel)
      .expect(200);
    expect(svar.body.beregningsbeloep).toBe(567127);
    const linje = t
      .logg()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === svar.headers['x-request-id'] && l.ukjenteFelt);
    expect(linje?.ukjenteFelt).toEqual([
      'kommunenummer',
      'personer[].navn',
      'personer[].ekstraposter[].visningsnavn',
    ]);
    expect(t.logg()).not.toContain('HEMMELIG');
    expect(t.logg()).not.toContain('5001');
    expect(t.logg()).not.toContain('4242');
    // Our own fields are still checked: a wrong type is refused, naming the field.
    const feil = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ ...ks.foresporsel, inntektsaar: 'i fjor' })
      .expect(400);
    expect(feil.body.errorJson.errors[0].felt).toBe('inntektsaar');
  });

  it('gives the fee too when the request has a beregningsdato (our addition)', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ ...ks.foresporsel, beregningsdato: '2024-06-01' })
      .expect(200);
    const b = ksSvarSkjema.parse(svar.body);
    expect(b.beregningsbeloep).toBe(567127);
    expect((b.vederlag as { perAar: number } | null)?.perAar).toBeGreaterThan(0);
    expect(b.advarsler.map((a) => a.kode)).not.toContain('AVGIFT_IKKE_BEREGNET');
  });

  it('refuses a {rolleId} the caller does not hold with 403 ROLLE_MANGLER, in KS’s error body', async () => {
    const svar = await request(t.server)
      .post('/register/api/v1/ks/demo-praktisk-bistand/skatteoginntektsopplysninger/beregning')
      .set(noekkel('demo-langtidsopphold'))
      .send(ks.foresporsel)
      .expect(403)
      .expect('Content-Type', /^application\/json/);
    const p = ksFeilSkjema.parse(svar.body);
    expect(p).toMatchObject({
      errorCode: 'ROLLE_MANGLER',
      error: 'Forbidden',
      status: 403,
      timestamp: IDAG.getTime(),
      path: '/register/api/v1/ks/demo-praktisk-bistand/skatteoginntektsopplysninger/beregning',
      errorJson: { type: 'urn:inntektsgrunnlag:problem:ingen-tilgang' },
    });
    expect(p.message).toMatch(/har ikke rollen/);
    // KS's fields and nothing else: no RFC 9457 members on the KS routes.
    expect(Object.keys(svar.body).sort()).toEqual(
      ['error', 'errorCode', 'errorId', 'errorJson', 'message', 'path', 'status', 'timestamp'].sort(),
    );
    expect(p.errorId).toBe(svar.headers['x-request-id']);
    const [siste] = await t.lagring.revisjonslogg.liste({ siste: 1 });
    expect(siste).toMatchObject({ utfall: 'AVVIST', aarsakskode: 'ROLLE_MANGLER' });
  });

  it('refuses the caller’s own role on the path of another area with 403 FEIL_TJENESTEOMRAADE', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning/praktisk-bistand`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ ...ks.foresporsel, beregningstype: undefined })
      .expect(403);
    expect(svar.body.errorCode).toBe('FEIL_TJENESTEOMRAADE');
  });

  it('refuses a body whose beregningstype differs from the path’s, naming the field', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ ...ks.foresporsel, beregningstype: 'PRAKTISK_BISTAND' })
      .expect(400);
    expect(ksFeilSkjema.parse(svar.body).errorJson.errors).toEqual([
      expect.objectContaining({ felt: 'beregningstype' }),
    ]);
  });

  it('gives 401 with WWW-Authenticate without a key, and for an unknown key', async () => {
    const uten = await request(t.server).post(`${GRUNN}/beregning`).send(ks.foresporsel).expect(401);
    expect(uten.headers['www-authenticate']).toBe('Bearer realm="inntektsgrunnlag"');
    const feil = await request(t.server)
      .post(`${GRUNN}/beregning`)
      .set(noekkel('ikke-en-noekkel'))
      .send(ks.foresporsel)
      .expect(401);
    expect(feil.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(feil.body.errorCode).toBe('AKTOER_UKJENT');
    expect(ksFeilSkjema.parse(uten.body).message).toMatch(/^Klarte ikke å validere access_token/);
  });

  it('returns the PDF', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/beregning/pdf`)
      .set(noekkel('demo-langtidsopphold'))
      .send(ks.foresporsel)
      .buffer(true)
      .parse((res, ferdig) => {
        const deler: Buffer[] = [];
        res.on('data', (d: Buffer) => deler.push(d));
        res.on('end', () => ferdig(null, Buffer.concat(deler)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    expect((svar.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(svar.headers['content-disposition']).toBe(
      'attachment; filename="beregning-langtidsopphold_institusjon-2023.pdf"',
    );
  });
});

describe('the other KS beregning paths', () => {
  const husstand = {
    inntektsaar: 2023,
    personer: [
      { identifikator: ks.foresporsel.personer[0]?.identifikator, type: 'SOEKER', ekstraposter: [] },
      { identifikator: ks.foresporsel.personer[1]?.identifikator, type: 'EKTEFELLE', ekstraposter: [] },
    ],
  };

  it('praktisk bistand: the household’s basis', async () => {
    const svar = await request(t.server)
      .post(
        '/register/api/v1/ks/demo-praktisk-bistand/skatteoginntektsopplysninger/beregning/praktisk-bistand',
      )
      .set(noekkel('demo-praktisk-bistand'))
      .send({ ...husstand, beregningstype: 'PRAKTISK_BISTAND' })
      .expect(200);
    const b = ksSvarSkjema.parse(svar.body);
    expect(b.beregningstype).toBe('PRAKTISK_BISTAND');
    expect(b.avgiftsnoekkel).toBe('egenandel');
    expect(b.beregningsbeloep).toBeGreaterThan(0);
  });

  it('redusert foreldrebetaling without vedtak (as KS takes it): the basis, and AVGIFT_IKKE_BEREGNET', async () => {
    const svar = await request(t.server)
      .post(
        '/register/api/v1/ks/demo-foreldrebetaling/skatteoginntektsopplysninger/beregning/redusert-foreldrebetaling',
      )
      .set(noekkel('demo-foreldrebetaling'))
      .send(husstand)
      .expect(200);
    const b = ksSvarSkjema.parse(svar.body);
    expect(b.beregningstype).toBe('BARNEHAGE_SFO');
    expect(b.beregningsbeloep).toBeGreaterThan(0);
    expect(b.foreldrebetaling).toBeNull();
    expect(b.advarsler.map((a) => a.kode)).toContain('AVGIFT_IKKE_BEREGNET');
  });

  it('both have a /pdf variant', async () => {
    for (const [rolle, sti] of [
      ['demo-praktisk-bistand', 'praktisk-bistand'],
      ['demo-foreldrebetaling', 'redusert-foreldrebetaling'],
    ] as const) {
      const svar = await request(t.server)
        .post(`/register/api/v1/ks/${rolle}/skatteoginntektsopplysninger/beregning/${sti}/pdf`)
        .set(noekkel(rolle))
        .send(husstand)
        .buffer(true)
        .parse((res, ferdig) => {
          const deler: Buffer[] = [];
          res.on('data', (d: Buffer) => deler.push(d));
          res.on('end', () => ferdig(null, Buffer.concat(deler)));
        })
        .expect(200)
        .expect('Content-Type', 'application/pdf');
      expect((svar.body as Buffer).subarray(0, 5).toString(), sti).toBe('%PDF-');
    }
  });

  it('takes a role id as KS issues them, a UUID, in any case', async () => {
    const uuid = '0b7f3b9e-2a4c-4d6e-8f10-1a2b3c4d5e6f';
    await t.lagring.roller.lagre({ id: uuid, navn: 'Sykehjem (KS)', tjenesteomraade: 'LANGTIDSOPPHOLD' });
    const { noekkel: n } = await t.lagring.klienter.opprett({ navn: 'Fagsystem KS-rolle', rolleId: uuid });
    for (const rolle of [uuid, uuid.toUpperCase()]) {
      const svar = await request(t.server)
        .post(`/register/api/v1/ks/${rolle}/skatteoginntektsopplysninger/beregning`)
        .set(noekkel(n))
        .send(ks.foresporsel)
        .expect(200);
      expect(svar.body.utfoert.rolleId).toBe(uuid);
    }
    await request(t.server)
      .post(`/register/api/v1/ks/${uuid.toUpperCase()}/skatteoginntektsopplysninger/verdier`)
      .set(noekkel(n))
      .send({ beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' })
      .expect(200);
  });

  it('maps SI-02 into feilmeldinger when avregning is left out for a role without it', async () => {
    await t.lagring.roller.lagre({
      id: 'sykehjem-uten-avregning',
      navn: 'Sykehjem uten avregning',
      tjenesteomraade: 'LANGTIDSOPPHOLD',
      avregning: false,
    });
    const { noekkel: n } = await t.lagring.klienter.opprett({
      navn: 'Fagsystem uten avregning',
      rolleId: 'sykehjem-uten-avregning',
    });
    const svar = await request(t.server)
      .post('/register/api/v1/ks/sykehjem-uten-avregning/skatteoginntektsopplysninger/beregning')
      .set(noekkel(n))
      .send(ks.foresporsel)
      .expect(200);
    expect(svar.body.feilmeldinger).toEqual([
      {
        kode: 'SI-02',
        melding:
          'Du mangler rettighet i Altinn for å få informasjon om skatt til gode, restskatt og innbetalt skatt.',
      },
    ]);
  });
});

describe('KS verdier and yaml', () => {
  it('POST verdier gives the person types and extra posts of the area', async () => {
    const svar = await request(t.server)
      .post(`${GRUNN}/verdier`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON', inntektsaar: 2023 })
      .expect(200);
    const v = verdierSkjema.parse(svar.body);
    expect(v.persontyper.map((p) => p.type)).toContain('SOEKER');
    expect(v.ekstraposter.map((e) => e.tekniskNavn)).toContain('kommune.tenktEtterlattePensjon');
    await request(t.server)
      .post('/register/api/v1/ks/demo-foreldrebetaling/skatteoginntektsopplysninger/verdier')
      .set(noekkel('demo-langtidsopphold'))
      .send({ beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON' })
      .expect(403);
    const feil = await request(t.server)
      .post(`${GRUNN}/verdier`)
      .set(noekkel('demo-langtidsopphold'))
      .send({ beregningstype: 'NOE_ANNET' })
      .expect(400);
    expect(feil.body.errorJson.errors[0].felt).toBe('beregningstype');
  });

  it('GET yaml gives a ZIP with the beregning and visning files', async () => {
    const svar = await request(t.server)
      .get(`${GRUNN}/yaml/LANGTIDSOPPHOLD_INSTITUSJON/2023`)
      .set(noekkel('demo-langtidsopphold'))
      .buffer(true)
      .parse((res, ferdig) => {
        const deler: Buffer[] = [];
        res.on('data', (d: Buffer) => deler.push(d));
        res.on('end', () => ferdig(null, Buffer.concat(deler)));
      })
      .expect(200)
      .expect('Content-Type', 'application/zip');
    const filer = unzipSync(new Uint8Array(svar.body as Buffer));
    const navn = Object.keys(filer).sort();
    expect(navn).toEqual([
      'beregning-LANGTIDSOPPHOLD_INSTITUSJON-2023.yaml',
      'visning-LANGTIDSOPPHOLD_INSTITUSJON-2023.yaml',
    ]);
    const beregning = parse(strFromU8(filer[navn[0] as string] as Uint8Array));
    expect(beregning.inntekt.map((g: { tekniskNavn: string }) => g.tekniskNavn)).toEqual(
      expect.arrayContaining(['arbeidsinntekt', 'renteinntekt', 'avkastningFormue']),
    );
    const visning = parse(strFromU8(filer[navn[1] as string] as Uint8Array));
    expect(visning.grupper.map((g: { kategori: string }) => g.kategori)).toContain('INNTEKT');
    await request(t.server)
      .get(`${GRUNN}/yaml/LANGTIDSOPPHOLD_INSTITUSJON/1999`)
      .set(noekkel('demo-langtidsopphold'))
      .expect(400);
    await request(t.server).get(`${GRUNN}/yaml/LANGTIDSOPPHOLD_INSTITUSJON/2023`).expect(401);
  });
});
