import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Abonnement,
  FiksIoKlient,
  lagSelvsignertNoekkelpar,
  privatNoekkelTilPem,
  sertifikatTilPem,
} from '@inntektsgrunnlag/arkiv';
import {
  brokerForTest,
  startFiksIoStandin,
  startStandinArkiv,
  TEST_AMQP_URL,
} from '@inntektsgrunnlag/arkiv/standin';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { startStandin } from '@inntektsgrunnlag/kilder/standin';
import { aapneLagring, demooppsettFor } from '@inntektsgrunnlag/lagring';
import {
  arkivdokumenter,
  beregningsdokument,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from '@inntektsgrunnlag/oppslag';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArkivoppsettFeil, lagArkivtjeneste, lesArkivoppsett } from './miljoe.js';

const T0 = new Date('2026-12-07T08:00:00Z');
const mpNoekkel = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
let konto: { sertifikat: string; noekkel: string };
let annen: { noekkel: string };
let arkivSertifikat: string;

beforeAll(async () => {
  const [a, b, c] = await Promise.all([
    lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
    lagSelvsignertNoekkelpar('Annen', T0),
    lagSelvsignertNoekkelpar('Arkivet', T0),
  ]);
  konto = { sertifikat: sertifikatTilPem(a.sertifikat), noekkel: privatNoekkelTilPem(a.privatNoekkel) };
  annen = { noekkel: privatNoekkelTilPem(b.privatNoekkel) };
  arkivSertifikat = sertifikatTilPem(c.sertifikat);
});

const ingenFil = (sti: string): string => {
  throw new Error(`ingen fil ${sti}`);
};

function fullt(): Record<string, string> {
  return {
    FIKS_ARKIV_KONTO_ID: randomUUID(),
    FIKS_IO_KONTO_ID: randomUUID(),
    FIKS_IO_INTEGRASJON_ID: randomUUID(),
    FIKS_IO_INTEGRASJON_PASSORD: 'hemmelig',
    FIKS_IO_SERTIFIKAT: konto.sertifikat,
    FIKS_IO_PRIVAT_NOEKKEL: konto.noekkel,
    MASKINPORTEN_KLIENT_ID: 'klient',
    MASKINPORTEN_NOEKKEL: mpNoekkel,
  };
}

function feilVed(env: Record<string, string>, lesFil = ingenFil): string[] {
  try {
    lesArkivoppsett(env, lesFil);
  } catch (e) {
    if (e instanceof ArkivoppsettFeil) return e.feil.map((f) => f.variabel);
    throw e;
  }
  return [];
}

describe('lesArkivoppsett', () => {
  it('none set: no Fiks Arkiv (the zip only); Maskinporten alone does not turn it on', () => {
    expect(lesArkivoppsett({}, ingenFil)).toBeNull();
    expect(lesArkivoppsett({ MASKINPORTEN_KLIENT_ID: 'x' }, ingenFil)).toBeNull();
  });

  it('reads everything, with KS’s production addresses by default', () => {
    const env = fullt();
    const o = lesArkivoppsett(env, ingenFil);
    expect(o).toMatchObject({
      arkivKontoId: env.FIKS_ARKIV_KONTO_ID,
      kontoId: env.FIKS_IO_KONTO_ID,
      integrasjon: { id: env.FIKS_IO_INTEGRASJON_ID, passord: 'hemmelig' },
      apiUrl: 'https://api.fiks.ks.no',
      amqpUrl: 'amqps://io.fiks.ks.no:5671',
      kvitteringsfristMs: 300_000,
      arkivSertifikat: null,
      maskinporten: {
        tokenUrl: 'https://maskinporten.no/token',
        audience: 'https://maskinporten.no/',
        klientId: 'klient',
      },
    });
  });

  it('reads keys and certificates from files, and the archive’s certificate when given', () => {
    const filer: Record<string, string> = {
      'c.pem': konto.sertifikat,
      'k.pem': konto.noekkel,
      'a.pem': arkivSertifikat,
    };
    const { FIKS_IO_SERTIFIKAT: _s, FIKS_IO_PRIVAT_NOEKKEL: _n, ...env } = fullt();
    const o = lesArkivoppsett(
      {
        ...env,
        FIKS_IO_SERTIFIKAT_FIL: 'c.pem',
        FIKS_IO_PRIVAT_NOEKKEL_FIL: 'k.pem',
        FIKS_ARKIV_SERTIFIKAT_FIL: 'a.pem',
      },
      (f) => filer[f] ?? ingenFil(f),
    );
    expect(o?.arkivSertifikat?.length).toBeGreaterThan(100);
  });

  it('names every fault at once', () => {
    expect(feilVed({ FIKS_ARKIV_KONTO_ID: 'ikke-uuid' })).toEqual([
      'FIKS_ARKIV_KONTO_ID',
      'FIKS_IO_KONTO_ID',
      'FIKS_IO_INTEGRASJON_ID',
      'FIKS_IO_INTEGRASJON_PASSORD',
      'FIKS_IO_SERTIFIKAT',
      'FIKS_IO_PRIVAT_NOEKKEL',
      'MASKINPORTEN_KLIENT_ID',
      'MASKINPORTEN_NOEKKEL',
    ]);
    expect(
      feilVed({ ...fullt(), FIKS_IO_AMQP_URL: 'http://x', FIKS_ARKIV_KVITTERINGSFRIST_SEK: 'lenge' }),
    ).toEqual(['FIKS_IO_AMQP_URL', 'FIKS_ARKIV_KVITTERINGSFRIST_SEK']);
  });

  it('refuses a private key that does not belong to the certificate, and a file it cannot read', () => {
    expect(feilVed({ ...fullt(), FIKS_IO_PRIVAT_NOEKKEL: annen.noekkel })).toEqual([
      'FIKS_IO_PRIVAT_NOEKKEL',
    ]);
    const { FIKS_IO_SERTIFIKAT: _s, ...env } = fullt();
    expect(feilVed({ ...env, FIKS_IO_SERTIFIKAT_FIL: 'finnes-ikke.pem' })).toEqual([
      'FIKS_IO_SERTIFIKAT_FIL',
    ]);
  });
});

/**
 * From the environment to a sending, as main.ts wires it: the settings read from files, a token from a
 * Maskinporten-like endpoint (the sources' stand-in) with scope ks:fiks, the message to the Fiks IO
 * stand-in and the stand-in archive over the real broker, the receipt back on our queue.
 */
const medBroker = await brokerForTest('api');

describe.skipIf(!medBroker)('lagArkivtjeneste: from the settings to a journaled sending', () => {
  it('sends with a Maskinporten token and gets the receipt', { timeout: 240_000 }, async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'arkivmiljoe-'));
    const mp = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const maskinporten = await startStandin({
      klienter: [
        {
          klientId: 'fagsystem',
          offentligNoekkel: mp.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      ],
    });
    const [fagsystem, arkivpar] = await Promise.all([
      lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
      lagSelvsignertNoekkelpar('Arkivet', T0),
    ]);
    const [fk, ak] = [randomUUID(), randomUUID()];
    const [fi, ai] = [
      { id: randomUUID(), passord: 'a' },
      { id: randomUUID(), passord: 'b' },
    ];
    const fiksio = await startFiksIoStandin({
      amqpUrl: TEST_AMQP_URL,
      kontoer: [
        { kontoId: fk, navn: 'Inntektsgrunnlag', sertifikat: fagsystem.sertifikat, integrasjoner: [fi] },
        { kontoId: ak, navn: 'Arkivet', sertifikat: arkivpar.sertifikat, integrasjoner: [ai] },
      ],
    });
    const arkiv = await startStandinArkiv({
      fiksio: new FiksIoKlient({
        kontoId: ak,
        noekkelpar: arkivpar,
        integrasjon: ai,
        apiUrl: fiksio.url,
        amqpUrl: TEST_AMQP_URL,
        token: async () => 't',
      }),
      saker: [{ saksaar: 2026, sakssekvensnummer: 1, tittel: 'Sak' }],
    });
    const lagring = await aapneLagring({ iMinne: true, demodata: true });
    let lytter: Abonnement | undefined;
    try {
      writeFileSync(join(mappe, 'c.pem'), sertifikatTilPem(fagsystem.sertifikat));
      writeFileSync(join(mappe, 'k.pem'), privatNoekkelTilPem(fagsystem.privatNoekkel));
      writeFileSync(join(mappe, 'mp.pem'), mp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      const oppsett = lesArkivoppsett(
        {
          FIKS_ARKIV_KONTO_ID: ak,
          FIKS_IO_KONTO_ID: fk,
          FIKS_IO_INTEGRASJON_ID: fi.id,
          FIKS_IO_INTEGRASJON_PASSORD: fi.passord,
          FIKS_IO_SERTIFIKAT_FIL: 'c.pem',
          FIKS_IO_PRIVAT_NOEKKEL_FIL: 'k.pem',
          FIKS_IO_API_URL: fiksio.url,
          FIKS_IO_AMQP_URL: TEST_AMQP_URL,
          MASKINPORTEN_URL: `${maskinporten.url}/token`,
          MASKINPORTEN_AUDIENCE: `${maskinporten.url}/`,
          MASKINPORTEN_KLIENT_ID: 'fagsystem',
          MASKINPORTEN_KID: 'noekkel-1',
          MASKINPORTEN_NOEKKEL_FIL: 'mp.pem',
        },
        (f) => readFileSync(join(mappe, f), 'utf8'),
      );
      if (!oppsett) throw new Error('forventet oppsett');
      const innstillinger = validerKommuneinnstillinger({});
      const tjeneste = lagArkivtjeneste(oppsett, {
        lagring,
        innstillinger: innstillinger.arkiv,
        klokke: () => new Date(),
      });
      lytter = await tjeneste.lytt();
      const demo = demooppsettFor('PRAKTISK_BISTAND');
      const aktoer = await lagring.brukere.aktoer(demo?.bruker.id ?? '');
      if (!aktoer || !demo) throw new Error('ingen demobruker');
      const gull = lesGullfiler('praktisk')[0]?.foresporsel as { beregningstype: string };
      const { resultat } = await new Oppslagstjeneste({
        lagring,
        kilder: innebygdeKilder(),
        regelverk: standardRegelverk(),
        innstillinger,
        klokke: () => new Date(),
      }).beregn({ autentisering: { ok: true, aktoer }, rolleId: demo.rolle.id, foresporsel: gull });
      const sendt = await tjeneste.send({
        aktoer,
        rolleId: demo.rolle.id,
        resultat,
        valg: {
          journalposttype: 'X',
          saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 1 },
          partnavn: 'Ola',
        },
        dokumenter: arkivdokumenter('X', await beregningsdokument(resultat, innstillinger)),
      });
      expect(sendt.status).toBe('SENDT');
      expect(maskinporten.statistikk().utstedteTokens).toBeGreaterThan(0);
      await expect
        .poll(async () => (await tjeneste.status(sendt.id, aktoer)).status, {
          timeout: 20_000,
          interval: 100,
        })
        .toBe('JOURNALFOERT');
    } finally {
      await lytter?.stopp();
      await arkiv.stopp();
      await fiksio.stopp({ slettKoeer: true });
      await maskinporten.stopp();
      await lagring.lukk();
      rmSync(mappe, { recursive: true, force: true });
    }
  });
});
