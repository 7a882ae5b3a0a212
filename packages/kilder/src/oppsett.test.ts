import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KildeoppsettFeil, lagKilder, lesKildeoppsett } from './oppsett.js';
import { lagTestsertifikat } from './testhjelp/sertifikat.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

describe('reading the source settings', () => {
  it('uses the embedded population when nothing is set', () => {
    expect(lesKildeoppsett({})).toEqual({ type: 'innebygd' });
    const k = lagKilder(lesKildeoppsett({ KILDE: 'innebygd' }));
    expect(k.syntetisk).toBe(true);
  });

  it('points every API and Maskinporten at the stand-in from one base URL', () => {
    const o = lesKildeoppsett(
      {
        KILDE: 'http',
        KILDE_BASE_URL: 'http://127.0.0.1:8080/',
        MASKINPORTEN_KLIENT_ID: 'k',
        MASKINPORTEN_NOEKKEL_FIL: 'noekkel.pem',
        MASKINPORTEN_KID: 'noekkel-1',
        KILDE_FORSOEK: '3',
        KILDE_TIDSAVBRUDD_MS: '500',
      },
      () => PEM,
    );
    expect(o.type).toBe('http');
    if (o.type !== 'http') return;
    expect(o.innstillinger.adresser).toEqual({
      summertSkattegrunnlag: 'http://127.0.0.1:8080/summertskattegrunnlag/v2',
      beregnetSkatt: 'http://127.0.0.1:8080/beregnetskatt/v2',
      avregning: 'http://127.0.0.1:8080/avregning/v2',
      folkeregisteret: 'http://127.0.0.1:8080',
    });
    expect(o.innstillinger.maskinporten).toMatchObject({
      tokenUrl: 'http://127.0.0.1:8080/token',
      audience: 'http://127.0.0.1:8080/',
      klientId: 'k',
      noekkel: PEM,
    });
    expect(o.innstillinger.forsoek).toEqual({ maksForsoek: 3, tidsavbruddMs: 500 });
    expect(o.innstillinger.syntetisk).toBe(true);
  });

  it('defaults to Skatteetaten’s and Maskinporten’s production addresses, or test', () => {
    const o = lesKildeoppsett({
      KILDE: 'http',
      MASKINPORTEN_KLIENT_ID: 'k',
      MASKINPORTEN_NOEKKEL: PEM,
      MASKINPORTEN_KID: 'noekkel-1',
    });
    if (o.type !== 'http') throw new Error('http');
    expect(o.innstillinger.adresser.summertSkattegrunnlag).toBe(
      'https://summertskattegrunnlag.api.skatteetaten.no/v2',
    );
    expect(o.innstillinger.maskinporten).toMatchObject({ audience: 'https://maskinporten.no/' });
    expect(o.innstillinger.syntetisk).toBeUndefined();
    const t = lesKildeoppsett({
      KILDE: 'http',
      KILDE_MILJOE: 'test',
      MASKINPORTEN_KLIENT_ID: 'k',
      MASKINPORTEN_NOEKKEL: PEM,
      MASKINPORTEN_KID: 'noekkel-1',
    });
    if (t.type !== 'http') throw new Error('http');
    expect(t.innstillinger.adresser.avregning).toBe('https://avregning.api.skatteetaten-test.no/v2');
    expect(t.innstillinger.maskinporten).toMatchObject({ tokenUrl: 'https://test.maskinporten.no/token' });
  });

  it('lists every missing or bad setting, by name', () => {
    try {
      lesKildeoppsett({
        KILDE: 'http',
        KILDE_SSG_URL: 'ftp://x',
        KILDE_FORSOEK: 'mange',
        MASKINPORTEN_CONSUMER_ORG: '12',
      });
      throw new Error('ikke avvist');
    } catch (e) {
      expect(e).toBeInstanceOf(KildeoppsettFeil);
      expect((e as KildeoppsettFeil).feil.map((f) => f.variabel).sort()).toEqual([
        'KILDE_FORSOEK',
        'KILDE_SSG_URL',
        'MASKINPORTEN_CONSUMER_ORG',
        'MASKINPORTEN_KID',
        'MASKINPORTEN_KLIENT_ID',
        'MASKINPORTEN_NOEKKEL',
      ]);
    }
    expect(() => lesKildeoppsett({ KILDE: 'fil' })).toThrow(/KILDE: må være innebygd eller http/);
    expect(() =>
      lesKildeoppsett({ KILDE: 'http', MASKINPORTEN_KLIENT_ID: 'k', MASKINPORTEN_NOEKKEL: 'hemmelig' }),
    ).toThrow(/PKCS#8 PEM/);
  });

  it('refuses to start with a key but neither kid nor a virksomhetssertifikat, naming MASKINPORTEN_KID', () => {
    expect(() =>
      lesKildeoppsett({ KILDE: 'http', MASKINPORTEN_KLIENT_ID: 'k', MASKINPORTEN_NOEKKEL: PEM }),
    ).toThrow(/MASKINPORTEN_KID: mangler: Maskinporten krever kid eller x5c/);
  });

  it('takes the key and the x5c chain from a PKCS#12 file, or a PEM chain with the key', () => {
    const sert = lagTestsertifikat(PEM);
    const o = lesKildeoppsett(
      {
        KILDE: 'http',
        MASKINPORTEN_KLIENT_ID: 'k',
        MASKINPORTEN_SERTIFIKAT_FIL: 'virksomhet.p12',
        MASKINPORTEN_SERTIFIKAT_PASSORD: 'pw',
      },
      undefined,
      (f) => {
        if (f !== 'virksomhet.p12') throw new Error('ukjent fil');
        return sert.pkcs12('pw');
      },
    );
    if (o.type !== 'http') throw new Error('http');
    const mp = o.innstillinger.maskinporten as { x5c?: string[]; kid?: string; noekkel: string };
    expect(mp.x5c).toHaveLength(2);
    expect(mp.kid).toBeUndefined();
    expect(mp.noekkel).toContain('BEGIN PRIVATE KEY');

    const p = lesKildeoppsett({
      KILDE: 'http',
      MASKINPORTEN_KLIENT_ID: 'k',
      MASKINPORTEN_NOEKKEL: PEM,
      MASKINPORTEN_SERTIFIKAT: sert.kjedePem,
    });
    if (p.type !== 'http') throw new Error('http');
    expect((p.innstillinger.maskinporten as { x5c?: string[] }).x5c).toHaveLength(2);

    const feil = (env: Record<string, string>) => {
      try {
        lesKildeoppsett({ KILDE: 'http', MASKINPORTEN_KLIENT_ID: 'k', ...env }, undefined, () =>
          sert.pkcs12('pw'),
        );
      } catch (e) {
        return (e as KildeoppsettFeil).feil.map((f) => f.variabel);
      }
      return [];
    };
    expect(feil({ MASKINPORTEN_SERTIFIKAT_FIL: 'v.p12' })).toEqual(['MASKINPORTEN_SERTIFIKAT_PASSORD']);
    expect(feil({ MASKINPORTEN_SERTIFIKAT_FIL: 'v.p12', MASKINPORTEN_SERTIFIKAT_PASSORD: 'feil' })).toEqual([
      'MASKINPORTEN_SERTIFIKAT_FIL',
    ]);
  });
});
