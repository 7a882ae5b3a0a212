import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Abonnement,
  FiksArkiv,
  FiksIoKlient,
  lagSelvsignertNoekkelpar,
  skjemafil,
  validerMotSkjema,
} from '@inntektsgrunnlag/arkiv';
import {
  brokerForTest,
  type FiksIoStandin,
  type StandinArkiv,
  startFiksIoStandin,
  startStandinArkiv,
  TEST_AMQP_URL,
} from '@inntektsgrunnlag/arkiv/standin';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { Arkivtjeneste, validerKommuneinnstillinger } from '@inntektsgrunnlag/oppslag';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arkivoppsettSkjema, forsendelsesstatusSkjema } from './openapi/arkiv.js';
import { problemSkjema } from './openapi/skjema.js';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const LANG = noekkel('demo-langtidsopphold');
const KROPP = {
  ...ks.foresporsel,
  beregningsdato: '2024-06-01',
  saksreferanse: '2026/1',
  arkiv: { journalposttype: 'X', saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 1 } },
};
const OPPRETT = skjemafil('no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett');
/** The case worker's reasons: the KS example has a post the municipality put in, so the letter needs them. */
const VURDERINGER = 'Postene kommunen har lagt inn, er dokumentert i saken.';

/** The text of a PDF, as pdftotext (poppler) reads it, spaces normalised. */
function pdftekst(pdf: Uint8Array): string {
  const mappe = mkdtempSync(join(tmpdir(), 'api-arkiv-'));
  try {
    writeFileSync(join(mappe, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(mappe, 'd.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}

/** A binary body from supertest as bytes. */
const binaer = (r: request.Test): request.Test =>
  r.buffer(true).parse((res, ferdig) => {
    const biter: Buffer[] = [];
    res.on('data', (b: Buffer) => biter.push(b));
    res.on('end', () => ferdig(null, Buffer.concat(biter)));
  }) as request.Test;

describe('without Fiks Arkiv: the zip for manual import', () => {
  let t: Testapp;
  beforeAll(async () => {
    t = await startTestapp();
  });
  afterAll(() => t.lukk());

  it('GET /api/v1/arkiv says so, and offers U (the vedtaksbrev is made here), X and N', async () => {
    const svar = await request(t.server).get('/api/v1/arkiv').set(LANG).expect(200);
    expect(arkivoppsettSkjema.parse(svar.body)).toEqual({
      fiksArkiv: false,
      journalposttyper: ['U', 'X', 'N'],
      kvitteringsfristSekunder: 300,
      arkivpakke: true,
    });
    await request(t.server).get('/api/v1/arkiv').expect(401);
  });

  it('refuses to send, before any lookup', async () => {
    const foer = (await t.lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const svar = await request(t.server).post('/api/v1/arkiv/forsendelser').set(LANG).send(KROPP).expect(409);
    expect(problemSkjema.parse(svar.body)).toMatchObject({ kode: 'ARKIV_IKKE_SATT_OPP' });
    expect((await t.lagring.revisjonslogg.liste({ siste: 1000 })).length).toBe(foer);
  });

  it('POST /api/v1/arkiv/pakke gives the message and the PDF as a zip, audited', async () => {
    const svar = await binaer(request(t.server).post('/api/v1/arkiv/pakke').set(LANG).send(KROPP)).expect(
      200,
    );
    expect(svar.headers['content-type']).toBe('application/zip');
    expect(svar.headers['cache-control']).toBe('no-store');
    expect(svar.headers['content-disposition']).toMatch(
      /^attachment; filename="arkivpakke-langtidsopphold-institusjon-2023-[0-9a-f]{8}\.zip"$/,
    );
    const filer = unzipSync(new Uint8Array(svar.body as Buffer));
    expect(Object.keys(filer)).toEqual([
      'arkivmelding.xml',
      '01-beregning-langtidsopphold_institusjon-2023.pdf',
    ]);
    const xml = strFromU8(filer['arkivmelding.xml'] as Uint8Array);
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    const poster = await t.lagring.revisjonslogg.liste({ siste: 1000 });
    expect(poster.map((p) => p.formaal)).toContain('ARKIVPAKKE: lastet ned for manuell import i arkivet');
  });

  it('the zip of an outgoing letter: the vedtaksbrev as main document with the case worker’s text, the beregning attached', async () => {
    const svar = await binaer(
      request(t.server)
        .post('/api/v1/arkiv/pakke')
        .set(LANG)
        .send({
          ...KROPP,
          arkiv: { journalposttype: 'U', saksmappe: { type: 'NY' } },
          vedtaksbrev: { spraak: 'nn', vurderinger: VURDERINGER },
        }),
    ).expect(200);
    const filer = unzipSync(new Uint8Array(svar.body as Buffer));
    expect(Object.keys(filer)).toEqual([
      'arkivmelding.xml',
      '01-vedtaksbrev-langtidsopphold-institusjon-2023.pdf',
      '02-beregning-langtidsopphold_institusjon-2023.pdf',
    ]);
    const xml = strFromU8(filer['arkivmelding.xml'] as Uint8Array);
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    expect(xml).toContain(
      '<tittel>Vedtak om vederlag for langtidsopphold i institusjon, inntektsår 2023</tittel>',
    );
    const brev = pdftekst(filer['01-vedtaksbrev-langtidsopphold-institusjon-2023.pdf'] as Uint8Array);
    // The letter in the standard asked for, with the case worker's considerations and the appeal.
    expect(brev).toContain(VURDERINGER);
    expect(brev).toContain('Statsforvaltaren');
    expect(brev).toContain('fire veker');
    const beregning = pdftekst(filer['02-beregning-langtidsopphold_institusjon-2023.pdf'] as Uint8Array);
    expect(beregning).not.toContain(VURDERINGER);
  });

  it('names the letter’s faults before anything is looked up, and refuses its fields on a note', async () => {
    const foer = (await t.lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const feil = await request(t.server)
      .post('/api/v1/arkiv/pakke')
      .set(LANG)
      .send({
        ...KROPP,
        arkiv: { journalposttype: 'U', saksmappe: { type: 'NY' } },
        vedtaksbrev: { spraak: 'se', vurderinger: 7 },
      })
      .expect(400);
    expect(problemSkjema.parse(feil.body).errors?.map((e) => e.felt)).toEqual([
      'vedtaksbrev.spraak',
      'vedtaksbrev.vurderinger',
    ]);
    const notat = await request(t.server)
      .post('/api/v1/arkiv/pakke')
      .set(LANG)
      .send({ ...KROPP, vedtaksbrev: { vurderinger: VURDERINGER } })
      .expect(400);
    expect(problemSkjema.parse(notat.body).errors).toEqual([
      {
        felt: 'vedtaksbrev',
        melding: 'hører bare til journalposttype U (utgående brev); X og N journalfører beregningen alene',
      },
    ]);
    expect((await t.lagring.revisjonslogg.liste({ siste: 1000 })).length).toBe(foer);
  });

  it('names bad choices before anything is looked up', async () => {
    const foer = (await t.lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const uten = await request(t.server)
      .post('/api/v1/arkiv/pakke')
      .set(LANG)
      .send(ks.foresporsel)
      .expect(400);
    expect(problemSkjema.parse(uten.body).errors).toEqual([
      { felt: 'arkiv', melding: 'mangler (journalposttype og saksmappe)' },
    ]);
    const feil = await request(t.server)
      .post('/api/v1/arkiv/pakke')
      .set(LANG)
      .send({ ...KROPP, arkiv: { journalposttype: 'I', saksmappe: { type: 'NY' } } })
      .expect(400);
    expect(problemSkjema.parse(feil.body).errors?.[0]?.felt).toBe('arkiv.journalposttype');
    const saksnr = await request(t.server)
      .post('/api/v1/arkiv/pakke')
      .set(LANG)
      .send({
        ...KROPP,
        arkiv: { journalposttype: 'X', saksmappe: { type: 'EKSISTERENDE', saksaar: '2026' } },
      })
      .expect(400);
    expect(problemSkjema.parse(saksnr.body).errors?.map((e) => e.felt)).toEqual([
      'arkiv.saksmappe.saksaar',
      'arkiv.saksmappe.sakssekvensnummer',
    ]);
    expect((await t.lagring.revisjonslogg.liste({ siste: 1000 })).length).toBe(foer);
  });

  it('a sending that does not exist is 404, and not cached', async () => {
    const svar = await request(t.server)
      .get(`/api/v1/arkiv/forsendelser/${randomUUID()}`)
      .set(LANG)
      .expect(404);
    expect(problemSkjema.parse(svar.body).title).toBe('Finnes ikke');
  });
});

const medBroker = await brokerForTest('api');

describe.skipIf(!medBroker)('with Fiks Arkiv, over the real broker', () => {
  let lagring: Lagring;
  let t: Testapp;
  let fiksio: FiksIoStandin;
  let arkiv: StandinArkiv;
  let lytter: Abonnement;
  let forskyvning = 0;

  async function vent(id: string, status: string) {
    const slutt = Date.now() + 20_000;
    for (;;) {
      const s = await request(t.server).get(`/api/v1/arkiv/forsendelser/${id}`).set(LANG).expect(200);
      expect(s.headers['cache-control']).toBe('no-store');
      const f = forsendelsesstatusSkjema.parse(s.body);
      if (f.status === status) return f;
      if (Date.now() > slutt) throw new Error(`Ventet forgjeves på ${status}; er ${f.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    lagring = await aapneLagring({ iMinne: true, demodata: true });
    const T0 = new Date('2026-12-07T08:00:00Z');
    const [fagsystem, arkivpar] = await Promise.all([
      lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
      lagSelvsignertNoekkelpar('Arkivet', T0),
    ]);
    const [fk, ak] = [randomUUID(), randomUUID()];
    const [fi, ai] = [
      { id: randomUUID(), passord: 'a' },
      { id: randomUUID(), passord: 'b' },
    ];
    fiksio = await startFiksIoStandin({
      amqpUrl: TEST_AMQP_URL,
      kontoer: [
        { kontoId: fk, navn: 'Inntektsgrunnlag', sertifikat: fagsystem.sertifikat, integrasjoner: [fi] },
        { kontoId: ak, navn: 'Arkivet', sertifikat: arkivpar.sertifikat, integrasjoner: [ai] },
      ],
    });
    const felles = { apiUrl: fiksio.url, amqpUrl: TEST_AMQP_URL, token: async () => 'token' };
    arkiv = await startStandinArkiv({
      fiksio: new FiksIoKlient({ ...felles, kontoId: ak, noekkelpar: arkivpar, integrasjon: ai }),
      saker: [{ saksaar: 2026, sakssekvensnummer: 1, tittel: 'Sak' }],
    });
    const innstillinger = validerKommuneinnstillinger({ kommunenavn: 'Testkommune' });
    const tjeneste = new Arkivtjeneste({
      lagring,
      kanal: new FiksArkiv(
        new FiksIoKlient({ ...felles, kontoId: fk, noekkelpar: fagsystem, integrasjon: fi }),
        ak,
      ),
      mottakerKonto: ak,
      innstillinger: innstillinger.arkiv,
      klokke: () => new Date(Date.now() + forskyvning),
      kvitteringsfristMs: 60_000,
    });
    lytter = await tjeneste.lytt();
    t = await startTestapp({
      lagring,
      innstillinger,
      // The app's own vedtaksbrev (packages/dokument), as in production.
      arkiv: { tjeneste },
    });
  });

  afterAll(async () => {
    await t?.lukk();
    await lytter?.stopp();
    await arkiv?.stopp();
    await fiksio?.stopp({ slettKoeer: true });
    await lagring?.lukk();
  });

  it('offers U when the vedtaksbrev can be made', async () => {
    const svar = await request(t.server).get('/api/v1/arkiv').set(LANG).expect(200);
    expect(svar.body).toMatchObject({
      fiksArkiv: true,
      journalposttyper: ['U', 'X', 'N'],
      kvitteringsfristSekunder: 60,
    });
  });

  it('sends, and the journalpost id from the archive’s receipt shows on the sending', async () => {
    const svar = await request(t.server).post('/api/v1/arkiv/forsendelser').set(LANG).send(KROPP).expect(202);
    const f = forsendelsesstatusSkjema.parse(svar.body);
    expect(svar.headers.location).toBe(`/api/v1/arkiv/forsendelser/${f.id}`);
    expect(f).toMatchObject({
      status: 'SENDT',
      journalposttype: 'X',
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    });
    const ferdig = await vent(f.id, 'JOURNALFOERT');
    const jp = arkiv.journalposter().find((j) => j.eksternNoekkel?.noekkel === f.id);
    expect(ferdig.journalpost?.id).toBe(`${jp?.journalaar}/${jp?.journalsekvensnummer}`);
    expect(ferdig.journalpost?.saksnummer).toBe('2026/1');
    const igjen = await request(t.server)
      .post(`/api/v1/arkiv/forsendelser/${f.id}/send-igjen`)
      .set(LANG)
      .expect(409);
    expect(problemSkjema.parse(igjen.body).kode).toBe('FORSENDELSE_KONFLIKT');
    // Another actor does not see it.
    await request(t.server)
      .get(`/api/v1/arkiv/forsendelser/${f.id}`)
      .set(noekkel('demo-praktisk-bistand'))
      .expect(404);
  });

  it('an outgoing letter: the vedtaksbrev as main document, the beregning attached, in a new case', async () => {
    const svar = await request(t.server)
      .post('/api/v1/arkiv/forsendelser')
      .set(LANG)
      .send({
        ...KROPP,
        arkiv: { journalposttype: 'U', saksmappe: { type: 'NY' } },
        vedtaksbrev: { vurderinger: VURDERINGER },
      })
      .expect(202);
    const ferdig = await vent(svar.body.id, 'JOURNALFOERT');
    const jp = arkiv.journalposter().find((j) => j.eksternNoekkel?.noekkel === ferdig.id);
    expect(jp?.dokumenter.map((d) => [d.rolle, d.filnavn])).toEqual([
      ['H', 'vedtaksbrev-langtidsopphold-institusjon-2023.pdf'],
      ['V', 'beregning-langtidsopphold_institusjon-2023.pdf'],
    ]);
    expect(jp?.journalposttype).toBe('U');
    expect(ferdig.journalpost?.saksnummer).toBe(`${jp?.saksaar}/${jp?.sakssekvensnummer}`);
  });

  it('a lost receipt shows as none in time, and «send igjen» gives one journalpost (an outgoing letter)', async () => {
    arkiv.mistKvitteringer(1);
    const kropp = {
      ...KROPP,
      arkiv: { journalposttype: 'U', saksmappe: { type: 'NY' } },
      vedtaksbrev: { vurderinger: VURDERINGER },
    };
    const f = forsendelsesstatusSkjema.parse(
      (await request(t.server).post('/api/v1/arkiv/forsendelser').set(LANG).send(kropp).expect(202)).body,
    );
    await vent(f.id, 'MOTTATT');
    forskyvning += 61_000;
    const uten = await vent(f.id, 'INGEN_KVITTERING');
    expect(uten.kanSendesIgjen).toBe(true);
    await request(t.server).post(`/api/v1/arkiv/forsendelser/${f.id}/send-igjen`).set(LANG).expect(202);
    const ferdig = await vent(f.id, 'JOURNALFOERT');
    const alle = arkiv.journalposter().filter((j) => j.eksternNoekkel?.noekkel === f.id);
    expect(alle).toHaveLength(1);
    // One new case too: the resend names the same folder key, which the archive already knows.
    expect(arkiv.saker().filter((s) => s.eksternNoekkel?.noekkel === `${f.id}-saksmappe`)).toHaveLength(1);
    expect(alle[0]?.dokumenter.map((d) => d.rolle)).toEqual(['H', 'V']);
    expect(ferdig).toMatchObject({
      antallSendinger: 2,
      journalpost: { id: `${alle[0]?.journalaar}/${alle[0]?.journalsekvensnummer}` },
    });
  });

  it('an error answer is shown, and can be sent again', async () => {
    const svar = await request(t.server)
      .post('/api/v1/arkiv/forsendelser')
      .set(LANG)
      .send({
        ...KROPP,
        arkiv: {
          journalposttype: 'X',
          saksmappe: { type: 'EKSISTERENDE', saksaar: 2025, sakssekvensnummer: 9 },
        },
      })
      .expect(202);
    const feilet = await vent(svar.body.id, 'FEILET');
    expect(feilet).toMatchObject({
      feil: { type: 'UGYLDIG_FORESPOERSEL', melding: 'Saksmappe 2025/9 finnes ikke i arkivet' },
      kanSendesIgjen: true,
    });
  });
});
