import { randomUUID } from 'node:crypto';
import { type Abonnement, FiksArkiv, FiksIoKlient, lagSelvsignertNoekkelpar } from '@inntektsgrunnlag/arkiv';
import {
  brokerForTest,
  type FiksIoStandin,
  type StandinArkiv,
  startFiksIoStandin,
  startStandinArkiv,
  TEST_AMQP_URL,
} from '@inntektsgrunnlag/arkiv/standin';
import { aapneLagring, demooppsettFor, type Lagring } from '@inntektsgrunnlag/lagring';
import type { Aktoer } from '@inntektsgrunnlag/tilgang';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Arkivtjeneste,
  arkivdokumenter,
  beregningsdokument,
  ForsendelseIkkeFunnet,
  ForsendelseKonflikt,
  type Forsendelsesstatus,
  type Oppslagsresultat,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

/**
 * The use case over the real broker: Arkivtjeneste with embedded storage sends through Fiks Arkiv (the
 * real Fiks IO client) to the Fiks IO stand-in, the stand-in archive journals, and the answers come
 * back on our queue and update the stored sending. The clock is the test's, so «no receipt in time» is
 * reached without waiting.
 */

const medBroker = await brokerForTest('oppslag');
const innstillinger = validerKommuneinnstillinger({ kommunenavn: 'Testkommune' });

describe.skipIf(!medBroker)('journaling through Fiks Arkiv, over the real broker', () => {
  let lagring: Lagring;
  let fiksio: FiksIoStandin;
  let arkiv: StandinArkiv;
  let tjeneste: Arkivtjeneste;
  let lytter: Abonnement;
  let resultat: Oppslagsresultat;
  let aktoer: Aktoer;
  let rolleId: string;
  let forskyvning = 0;
  const klokke = () => new Date(Date.now() + forskyvning);

  async function vent(id: string, ok: (s: Forsendelsesstatus) => boolean): Promise<Forsendelsesstatus> {
    const slutt = Date.now() + 20_000;
    for (;;) {
      const s = await tjeneste.status(id, aktoer);
      if (ok(s)) return s;
      if (Date.now() > slutt) throw new Error(`Ventet forgjeves; status ${s.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    lagring = await aapneLagring({ iMinne: true, demodata: true });
    const gull = lesGullfiler('praktisk')[0]?.foresporsel as { beregningstype: string };
    const demo = demooppsettFor(gull.beregningstype);
    const a = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
    if (!a || !demo) throw new Error('ingen demobruker');
    aktoer = a;
    rolleId = demo.rolle.id;
    resultat = (
      await new Oppslagstjeneste({
        lagring,
        kilder: (await import('@inntektsgrunnlag/kilder')).innebygdeKilder(),
        regelverk: standardRegelverk(),
        innstillinger,
        klokke,
      }).beregn({ autentisering: { ok: true, aktoer }, rolleId, foresporsel: gull, saksreferanse: '2026/1' })
    ).resultat;

    const T0 = new Date('2026-12-07T08:00:00Z');
    const [fagsystem, arkivpar] = await Promise.all([
      lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
      lagSelvsignertNoekkelpar('Arkivet', T0),
    ]);
    const fagsystemKonto = randomUUID();
    const arkivKonto = randomUUID();
    const fi = { id: randomUUID(), passord: 'p1' };
    const ai = { id: randomUUID(), passord: 'p2' };
    fiksio = await startFiksIoStandin({
      amqpUrl: TEST_AMQP_URL,
      kontoer: [
        {
          kontoId: fagsystemKonto,
          navn: 'Inntektsgrunnlag',
          sertifikat: fagsystem.sertifikat,
          integrasjoner: [fi],
        },
        { kontoId: arkivKonto, navn: 'Arkivet', sertifikat: arkivpar.sertifikat, integrasjoner: [ai] },
      ],
    });
    const felles = { apiUrl: fiksio.url, amqpUrl: TEST_AMQP_URL, token: async () => 'token' };
    arkiv = await startStandinArkiv({
      fiksio: new FiksIoKlient({ ...felles, kontoId: arkivKonto, noekkelpar: arkivpar, integrasjon: ai }),
      saker: [{ saksaar: 2026, sakssekvensnummer: 1, tittel: 'Sak' }],
    });
    const kanal = new FiksArkiv(
      new FiksIoKlient({ ...felles, kontoId: fagsystemKonto, noekkelpar: fagsystem, integrasjon: fi }),
      arkivKonto,
    );
    tjeneste = new Arkivtjeneste({
      lagring,
      kanal,
      mottakerKonto: arkivKonto,
      innstillinger: innstillinger.arkiv,
      klokke,
      kvitteringsfristMs: 60_000,
    });
    lytter = await tjeneste.lytt();
  });

  afterAll(async () => {
    await lytter?.stopp();
    await arkiv?.stopp();
    await fiksio?.stopp({ slettKoeer: true });
    await lagring?.lukk();
  });

  const send = async (saksmappe: object = { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 1 }) =>
    tjeneste.send({
      aktoer,
      rolleId,
      resultat,
      valg: { journalposttype: 'X', saksmappe, partnavn: 'Ola Nordmann' },
      dokumenter: arkivdokumenter('X', await beregningsdokument(resultat, innstillinger)),
    });

  it('sends, is received, and shows the journalpost id from the receipt; the package is then deleted', async () => {
    const sendt = await send();
    expect(sendt).toMatchObject({
      status: 'SENDT',
      antallSendinger: 1,
      journalpost: null,
      kanSendesIgjen: false,
    });
    const ferdig = await vent(sendt.id, (s) => s.status === 'JOURNALFOERT');
    const jp = arkiv.journalposter().find((j) => j.eksternNoekkel?.noekkel === sendt.id);
    expect(ferdig.journalpost).toEqual({
      id: `${jp?.journalaar}/${jp?.journalsekvensnummer}`,
      journalaar: jp?.journalaar,
      journalsekvensnummer: jp?.journalsekvensnummer,
      journalpostnummer: jp?.journalpostnummer,
      saksnummer: '2026/1',
      systemID: jp?.systemID,
    });
    expect(await lagring.arkivforsendelser.pakke(sendt.id)).toBeNull();
    const post = (await lagring.revisjonslogg.liste({ siste: 1000 })).find(
      (p) => p.korrelasjonsid === sendt.id,
    );
    expect(post).toMatchObject({
      formaal: 'ARKIVERING: sendt til arkivet gjennom Fiks Arkiv (journalposttype X)',
      identifikatorer: resultat.personer.map((p) => p.identifikator),
      aktoerId: aktoer.id,
      rolleId,
    });
    await expect(tjeneste.sendIgjen({ id: sendt.id, aktoer })).rejects.toThrow(ForsendelseKonflikt);
  });

  it('a lost receipt shows as none in time; sending again makes one journalpost, not two', async () => {
    arkiv.mistKvitteringer(1);
    const sendt = await send();
    // The archive has journaled, but its receipt is lost: the sending only gets «mottatt».
    await vent(sendt.id, (s) => s.status === 'MOTTATT');
    // The archive journals after it has acknowledged; wait for that (not a fixed time: under load it
    // can take longer), and the sending still shows «mottatt» because the receipt never comes.
    await vi.waitFor(
      () =>
        expect(arkiv.journalposter().filter((j) => j.eksternNoekkel?.noekkel === sendt.id)).toHaveLength(1),
      { timeout: 30_000, interval: 100 },
    );
    expect((await tjeneste.status(sendt.id, aktoer)).status).toBe('MOTTATT');
    forskyvning += 61_000;
    const uten = await tjeneste.status(sendt.id, aktoer);
    expect(uten).toMatchObject({ status: 'INGEN_KVITTERING', kanSendesIgjen: true });
    const igjen = await tjeneste.sendIgjen({ id: sendt.id, aktoer });
    expect(igjen).toMatchObject({ status: 'SENDT', antallSendinger: 2 });
    const ferdig = await vent(sendt.id, (s) => s.status === 'JOURNALFOERT');
    const alle = arkiv.journalposter().filter((j) => j.eksternNoekkel?.noekkel === sendt.id);
    expect(alle).toHaveLength(1);
    expect(ferdig.journalpost?.id).toBe(`${alle[0]?.journalaar}/${alle[0]?.journalsekvensnummer}`);
    const poster = (await lagring.revisjonslogg.liste({ siste: 1000 })).filter(
      (p) => p.korrelasjonsid === sendt.id,
    );
    expect(poster.map((p) => p.formaal)).toEqual([
      'ARKIVERING: sendt til arkivet gjennom Fiks Arkiv (journalposttype X)',
      'ARKIVERING: sendt på nytt til arkivet gjennom Fiks Arkiv (forsøk 2)',
    ]);
    expect(poster[1]?.identifikatorer).toEqual(poster[0]?.identifikatorer);
  });

  it('an error answer from the archive is shown and can be sent again', async () => {
    const sendt = await send({ type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 404 });
    const feilet = await vent(sendt.id, (s) => s.status === 'FEILET');
    expect(feilet).toMatchObject({
      feil: { type: 'UGYLDIG_FORESPOERSEL', melding: 'Saksmappe 2026/404 finnes ikke i arkivet' },
      kanSendesIgjen: true,
      journalpost: null,
    });
  });

  it('a new case folder: made once, even when the message is sent again', async () => {
    arkiv.mistKvitteringer(1);
    const sendt = await send({ type: 'NY' });
    await vent(sendt.id, (s) => s.status === 'MOTTATT');
    forskyvning += 61_000;
    await tjeneste.sendIgjen({ id: sendt.id, aktoer });
    const ferdig = await vent(sendt.id, (s) => s.status === 'JOURNALFOERT');
    const saker = arkiv.saker().filter((s) => s.eksternNoekkel?.noekkel === `${sendt.id}-saksmappe`);
    expect(saker).toHaveLength(1);
    expect(saker[0]?.tittel).toBe('Egenandel for praktisk bistand');
    expect(ferdig.journalpost?.saksnummer).toBe(`${saker[0]?.saksaar}/${saker[0]?.sakssekvensnummer}`);
  });

  it('another actor’s sending is not found', async () => {
    const sendt = await send();
    const annen = { ...aktoer, id: 'en-annen' };
    await expect(tjeneste.status(sendt.id, annen)).rejects.toThrow(ForsendelseIkkeFunnet);
    await expect(tjeneste.sendIgjen({ id: sendt.id, aktoer: annen })).rejects.toThrow(ForsendelseIkkeFunnet);
  });
});
