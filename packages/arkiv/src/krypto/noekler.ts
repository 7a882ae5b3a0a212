import {
  createPrivateKey,
  createPublicKey,
  type webcrypto as nodeWebcrypto,
  X509Certificate,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A key or certificate that cannot be read or does not fit: which one, and why (never its content). */
export class NoekkelFeil extends Error {
  override readonly name = 'NoekkelFeil';
}

/** Node's WebCrypto: what pkijs signs, encrypts and decrypts with. */
export const webcrypto = globalThis.crypto;

/** An account's key pair: the X.509 certificate others encrypt to and verify with, and its private key. */
export interface Noekkelpar {
  /** The certificate, DER. */
  sertifikat: Uint8Array;
  /** The private key, PKCS#8 DER. */
  privatNoekkel: Uint8Array;
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** The DER bytes of the first PEM block of the given kind. */
function fraPem(pem: string, typer: readonly string[], hva: string): Uint8Array {
  const m = PEM.exec(pem);
  if (!m || !typer.includes(m[1] as string)) {
    throw new NoekkelFeil(`${hva} må være PEM (-----BEGIN ${typer[0]}-----)`);
  }
  return new Uint8Array(Buffer.from((m[2] as string).replace(/\s+/g, ''), 'base64'));
}

function tilPem(der: Uint8Array, type: string): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${type}-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${type}-----\n`;
}

/** An X.509 certificate from PEM (as Fiks IO's catalogue and Fiks forvaltning give it), as DER. */
export function sertifikatFraPem(pem: string): Uint8Array {
  const der = fraPem(pem, ['CERTIFICATE'], 'Sertifikatet');
  try {
    new X509Certificate(der);
  } catch {
    throw new NoekkelFeil('Sertifikatet kunne ikke leses som et X.509-sertifikat');
  }
  return der;
}

export const sertifikatTilPem = (der: Uint8Array): string => tilPem(der, 'CERTIFICATE');

/**
 * A private RSA key from PEM, as PKCS#8 DER. KS's clients want PKCS#8 (`BEGIN PRIVATE KEY`); a PKCS#1
 * key (`BEGIN RSA PRIVATE KEY`) is converted, as `openssl pkcs8 -topk8 -nocrypt` would.
 */
export function privatNoekkelFraPem(pem: string): Uint8Array {
  if (!PEM.test(pem) || !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
    throw new NoekkelFeil('Den private nøkkelen må være PEM (-----BEGIN PRIVATE KEY-----, PKCS#8)');
  }
  let noekkel: ReturnType<typeof createPrivateKey>;
  try {
    noekkel = createPrivateKey(pem);
  } catch {
    throw new NoekkelFeil('Den private nøkkelen kunne ikke leses');
  }
  if (noekkel.asymmetricKeyType !== 'rsa') {
    throw new NoekkelFeil('Den private nøkkelen må være en RSA-nøkkel (Fiks IO bruker RSA)');
  }
  return new Uint8Array(noekkel.export({ type: 'pkcs8', format: 'der' }));
}

export const privatNoekkelTilPem = (der: Uint8Array): string => tilPem(der, 'PRIVATE KEY');

/** The certificate as pkijs's object. */
export function lesSertifikat(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    throw new NoekkelFeil('Sertifikatet kunne ikke leses som et X.509-sertifikat');
  }
}

/** Whether the private key belongs to the certificate (same RSA public key). */
export function hoererSammen(par: Noekkelpar): boolean {
  const fraSertifikat = new X509Certificate(par.sertifikat).publicKey.export({ type: 'spki', format: 'der' });
  const fraNoekkel = createPublicKey(
    createPrivateKey({ key: Buffer.from(par.privatNoekkel), format: 'der', type: 'pkcs8' }),
  ).export({ type: 'spki', format: 'der' });
  return Buffer.compare(fraSertifikat, fraNoekkel) === 0;
}

/** Refuses a key pair whose private key does not belong to its certificate: a clear error at start. */
export function kontrollerNoekkelpar(par: Noekkelpar, hva: string): Noekkelpar {
  if (!hoererSammen(par)) {
    throw new NoekkelFeil(`${hva}: den private nøkkelen hører ikke til sertifikatet`);
  }
  return par;
}

/** A signing key for RSASSA-PKCS1-v1_5 with SHA-256 from PKCS#8 DER. */
export function signeringsnoekkel(pkcs8: Uint8Array): Promise<nodeWebcrypto.CryptoKey> {
  return webcrypto.subtle.importKey(
    'pkcs8',
    new Uint8Array(pkcs8),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
}

/**
 * A self-signed RSA certificate and its key, for the stand-ins, the tests and a local trial: a Fiks IO
 * account's key pair is a certificate whose public key is published in Fiks IO's catalogue
 * (docs/arkiv.md). `gyldigFra` is the caller's: this module reads no clock.
 */
export async function lagSelvsignertNoekkelpar(
  navn: string,
  gyldigFra: Date,
  dager = 365,
): Promise<Noekkelpar> {
  const noekler = (await webcrypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as nodeWebcrypto.CryptoKeyPair;
  const sertifikat = new pkijs.Certificate();
  sertifikat.version = 2;
  sertifikat.serialNumber = new asn1js.Integer({
    valueHex: webcrypto.getRandomValues(new Uint8Array(8)).map((b, i) => (i === 0 ? b & 0x7f : b)),
  });
  const dn = [
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: navn }) }),
  ];
  sertifikat.issuer.typesAndValues = dn;
  sertifikat.subject.typesAndValues = dn;
  sertifikat.notBefore.value = gyldigFra;
  sertifikat.notAfter.value = new Date(gyldigFra.getTime() + dager * 86_400_000);
  await sertifikat.subjectPublicKeyInfo.importKey(noekler.publicKey);
  await sertifikat.sign(noekler.privateKey, 'SHA-256');
  const privat = await webcrypto.subtle.exportKey('pkcs8', noekler.privateKey);
  return {
    sertifikat: new Uint8Array(sertifikat.toSchema().toBER(false)),
    privatNoekkel: new Uint8Array(privat),
  };
}
