import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algoritmer, dekrypter, KryptoFeil, krypter, signerLoesrevet, verifiserLoesrevet } from './cms.js';
import {
  hoererSammen,
  lagSelvsignertNoekkelpar,
  NoekkelFeil,
  type Noekkelpar,
  privatNoekkelFraPem,
  privatNoekkelTilPem,
  sertifikatFraPem,
  sertifikatTilPem,
} from './noekler.js';

/**
 * The CMS made here must be what KS's Java and .NET clients read and write. OpenSSL is the independent
 * check: it decrypts what we encrypt, encrypts (with the same algorithms as ks-no/kryptering) what we
 * decrypt, and verifies what we sign.
 */

const T0 = new Date('2026-12-07T09:00:00Z');
let mappe: string;
let arkiv: Noekkelpar;
let fagsystem: Noekkelpar;

function openssl(...argumenter: string[]): Buffer {
  return execFileSync('openssl', argumenter, { stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(async () => {
  mappe = mkdtempSync(join(tmpdir(), 'arkiv-cms-'));
  [arkiv, fagsystem] = await Promise.all([
    lagSelvsignertNoekkelpar('Arkivet', T0),
    lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
  ]);
  writeFileSync(join(mappe, 'arkiv.crt'), sertifikatTilPem(arkiv.sertifikat));
  writeFileSync(join(mappe, 'arkiv.key'), privatNoekkelTilPem(arkiv.privatNoekkel));
});

afterAll(() => rmSync(mappe, { recursive: true, force: true }));

describe('keys and certificates', () => {
  it('reads PEM back to the same bytes, and knows a pair that belongs together', () => {
    expect(sertifikatFraPem(sertifikatTilPem(arkiv.sertifikat))).toEqual(arkiv.sertifikat);
    expect(privatNoekkelFraPem(privatNoekkelTilPem(arkiv.privatNoekkel))).toEqual(arkiv.privatNoekkel);
    expect(hoererSammen(arkiv)).toBe(true);
    expect(hoererSammen({ sertifikat: arkiv.sertifikat, privatNoekkel: fagsystem.privatNoekkel })).toBe(
      false,
    );
  });

  it('converts a PKCS#1 key to PKCS#8, and names what is wrong with a bad one', () => {
    const pkcs1 = openssl('pkey', '-in', join(mappe, 'arkiv.key'), '-traditional').toString();
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    expect(privatNoekkelFraPem(pkcs1)).toEqual(arkiv.privatNoekkel);
    expect(() => privatNoekkelFraPem('ikke en nøkkel')).toThrow(NoekkelFeil);
    expect(() => sertifikatFraPem(privatNoekkelTilPem(arkiv.privatNoekkel))).toThrow(/BEGIN CERTIFICATE/);
    expect(() => sertifikatFraPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(
      /X\.509/,
    );
  });

  it('makes certificates OpenSSL reads', () => {
    const tekst = openssl('x509', '-in', join(mappe, 'arkiv.crt'), '-noout', '-subject', '-dates').toString();
    expect(tekst).toContain('CN = Arkivet');
    expect(tekst).toContain('notBefore=Dec  7 09:00:00 2026 GMT');
  });
});

describe('EnvelopedData (RSAES-OAEP SHA-256, AES-256-CBC)', () => {
  const data = new TextEncoder().encode('PK… en ASiC-E-pakke med æøå\n'.repeat(500));

  it('encrypts with Fiks IO’s algorithms, and OpenSSL decrypts it with the recipient’s key', async () => {
    const kryptert = await krypter(data, arkiv.sertifikat);
    expect(algoritmer(kryptert)).toEqual({
      noekkeltransport: ['1.2.840.113549.1.1.7'],
      innhold: '2.16.840.1.101.3.4.1.42',
    });
    writeFileSync(join(mappe, 'kryptert.der'), kryptert);
    const klar = openssl(
      'cms',
      '-decrypt',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(mappe, 'kryptert.der'),
      '-recip',
      join(mappe, 'arkiv.crt'),
      '-inkey',
      join(mappe, 'arkiv.key'),
    );
    expect(new Uint8Array(klar)).toEqual(data);
  });

  it('decrypts what OpenSSL encrypts as ks-no/kryptering does', async () => {
    writeFileSync(join(mappe, 'klar.bin'), data);
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-outform',
      'DER',
      '-in',
      join(mappe, 'klar.bin'),
      '-out',
      join(mappe, 'fra-openssl.der'),
      '-aes-256-cbc',
      '-recip',
      join(mappe, 'arkiv.crt'),
      '-keyopt',
      'rsa_padding_mode:oaep',
      '-keyopt',
      'rsa_oaep_md:sha256',
      '-keyopt',
      'rsa_mgf1_md:sha256',
    );
    const kryptert = new Uint8Array(readFileSync(join(mappe, 'fra-openssl.der')));
    expect(await dekrypter(kryptert, arkiv)).toEqual(data);
  });

  it('refuses a message for another certificate, the wrong key, or other algorithms', async () => {
    const tilArkiv = await krypter(data, arkiv.sertifikat);
    await expect(dekrypter(tilArkiv, fagsystem)).rejects.toThrow(/ikke kryptert til denne kontoens/);
    await expect(
      dekrypter(tilArkiv, { sertifikat: arkiv.sertifikat, privatNoekkel: fagsystem.privatNoekkel }),
    ).rejects.toThrow(/kunne ikke dekrypteres/);
    // PKCS#1 v1.5 key transport (OpenSSL's default) is not what Fiks IO sends.
    openssl(
      'cms',
      '-encrypt',
      '-binary',
      '-outform',
      'DER',
      '-in',
      join(mappe, 'klar.bin'),
      '-out',
      join(mappe, 'pkcs1.der'),
      '-aes-256-cbc',
      '-recip',
      join(mappe, 'arkiv.crt'),
    );
    await expect(dekrypter(new Uint8Array(readFileSync(join(mappe, 'pkcs1.der'))), arkiv)).rejects.toThrow(
      /RSAES-OAEP/,
    );
    await expect(dekrypter(new Uint8Array([1, 2, 3]), arkiv)).rejects.toThrow(KryptoFeil);
  });
});

describe('detached SignedData', () => {
  const manifest = new TextEncoder().encode('<ASiCManifest/>');

  it('signs so that OpenSSL verifies it, and verifies it back to the signer’s certificate', async () => {
    const signatur = await signerLoesrevet(manifest, fagsystem, T0);
    writeFileSync(join(mappe, 'signature.p7s'), signatur);
    writeFileSync(join(mappe, 'manifest.xml'), manifest);
    openssl(
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(mappe, 'signature.p7s'),
      '-content',
      join(mappe, 'manifest.xml'),
      '-noverify',
      '-out',
      '/dev/null',
    );
    expect(await verifiserLoesrevet(signatur, manifest)).toEqual(fagsystem.sertifikat);
  });

  it('refuses a signature over other content', async () => {
    const signatur = await signerLoesrevet(manifest, fagsystem, T0);
    await expect(verifiserLoesrevet(signatur, new TextEncoder().encode('<annet/>'))).rejects.toThrow(
      /ugyldig/,
    );
  });
});
