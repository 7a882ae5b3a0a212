import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lagTestsertifikat } from '../testhjelp/sertifikat.js';
import { SertifikatFeil, sertifikatFraPem, sertifikatFraPkcs12 } from './virksomhetssertifikat.js';

const noekkel = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

describe('the virksomhetssertifikat for x5c', () => {
  const PRIVAT = noekkel();
  const t = lagTestsertifikat(PRIVAT);

  it('reads a PKCS#12 file: the key, and the chain with the organisation’s certificate first', () => {
    const s = sertifikatFraPkcs12(t.pkcs12('hemmelig'), 'hemmelig');
    expect(s.x5c).toHaveLength(2);
    const blad = new X509Certificate(Buffer.from(s.x5c[0] as string, 'base64'));
    expect(blad.subject).toMatch(/TESTKOMMUNE/);
    expect(s.noekkel).toContain('-----BEGIN PRIVATE KEY-----');
    expect(s.subjekt).toMatch(/944496394/);
  });

  it('refuses a wrong password with a clear message', () => {
    expect(() => sertifikatFraPkcs12(t.pkcs12('hemmelig'), 'feil')).toThrow(SertifikatFeil);
    expect(() => sertifikatFraPkcs12(new Uint8Array([1, 2, 3]), 'x')).toThrow(/PKCS#12/);
  });

  it('reads a PEM chain given in any order, and puts the key’s certificate first', () => {
    const s = sertifikatFraPem(`${t.caPem}${t.bladPem}`, PRIVAT);
    expect(new X509Certificate(Buffer.from(s.x5c[0] as string, 'base64')).subject).toMatch(/TESTKOMMUNE/);
    expect(s.x5c).toHaveLength(2);
  });

  it('refuses a chain that does not hold the key’s certificate', () => {
    expect(() => sertifikatFraPem(t.kjedePem, noekkel())).toThrow(/hører til den private nøkkelen/);
    expect(() => sertifikatFraPem(t.kjedePem)).toThrow(/private nøkkelen/);
  });
});
