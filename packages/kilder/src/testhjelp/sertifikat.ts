import { createPrivateKey } from 'node:crypto';
import forge from 'node-forge';

/**
 * Test certificates: a CA and an organisation certificate signed by it, for the private key given,
 * as a virksomhetssertifikat is issued (test code only; never used by the product).
 */
export function lagTestsertifikat(
  noekkelPem: string,
  valg: { org?: string; fra?: Date; til?: Date } = {},
): { kjedePem: string; bladPem: string; caPem: string; pkcs12: (passord: string) => Uint8Array } {
  const pkcs1 = createPrivateKey(noekkelPem).export({ type: 'pkcs1', format: 'pem' }).toString();
  const privat = forge.pki.privateKeyFromPem(pkcs1) as forge.pki.rsa.PrivateKey;
  const offentlig = forge.pki.setRsaPublicKey(privat.n, privat.e);
  const ca = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const fra = valg.fra ?? new Date(Date.now() - 86_400_000);
  const til = valg.til ?? new Date(Date.now() + 365 * 86_400_000);
  const caSert = forge.pki.createCertificate();
  caSert.publicKey = ca.publicKey;
  caSert.serialNumber = '01';
  caSert.validity.notBefore = fra;
  caSert.validity.notAfter = til;
  const caNavn = [{ name: 'commonName', value: 'Test Class 3 CA' }];
  caSert.setSubject(caNavn);
  caSert.setIssuer(caNavn);
  caSert.setExtensions([{ name: 'basicConstraints', cA: true }]);
  caSert.sign(ca.privateKey, forge.md.sha256.create());
  const sert = forge.pki.createCertificate();
  sert.publicKey = offentlig;
  sert.serialNumber = '02';
  sert.validity.notBefore = fra;
  sert.validity.notAfter = til;
  sert.setSubject([
    { name: 'commonName', value: 'TESTKOMMUNE' },
    { name: 'serialNumber', value: valg.org ?? '944496394' },
  ]);
  sert.setIssuer(caNavn);
  sert.sign(ca.privateKey, forge.md.sha256.create());
  const bladPem = forge.pki.certificateToPem(sert);
  const caPem = forge.pki.certificateToPem(caSert);
  return {
    kjedePem: `${bladPem}${caPem}`,
    bladPem,
    caPem,
    pkcs12: (passord) => {
      const asn1 = forge.pkcs12.toPkcs12Asn1(privat, [sert, caSert], passord, { algorithm: 'aes256' });
      return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    },
  };
}
