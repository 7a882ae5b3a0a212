import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { lagSelvsignertNoekkelpar, privatNoekkelTilPem, sertifikatTilPem } from '@inntektsgrunnlag/arkiv';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArkivoppsettFeil, lesArkivoppsett } from './miljoe.js';

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
