import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * A virksomhetssertifikat for the Maskinporten grant: the private key and the certificate chain as the
 * JWT header `x5c` carries it (base64 DER, the organisation's own certificate first; RFC 7515 § 4.1.6).
 * Digdir: «Either 'kid' or 'x5c' must be present» (maskinporten_protocol_jwtgrant); `x5c` is the route
 * for an organisation that authenticates with its virksomhetssertifikat instead of a registered key.
 */
export interface Virksomhetssertifikat {
  /** The private RSA key, PKCS#8 PEM. */
  noekkel: string;
  /** The chain, base64 DER, the organisation's certificate first. */
  x5c: string[];
  /** The organisation's certificate's subject (for messages; never a secret). */
  subjekt: string;
  /** When the organisation's certificate expires (ISO). */
  gyldigTil: string;
}

export class SertifikatFeil extends Error {
  override readonly name = 'SertifikatFeil';
}

// PKCS#12 bag types (RFC 7292 § 4.2).
const OID_NOEKKEL = '1.2.840.113549.1.12.10.1.1';
const OID_SKJERMET_NOEKKEL = '1.2.840.113549.1.12.10.1.2';
const OID_SERTIFIKAT = '1.2.840.113549.1.12.10.1.3';

const PEM_SERTIFIKAT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM text, in order, as base64 DER. */
function pemSertifikater(pem: string): string[] {
  return (pem.match(PEM_SERTIFIKAT) ?? []).map((blokk) =>
    blokk
      .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
      .replace(/\s+/g, '')
      .trim(),
  );
}

/**
 * Orders a chain so the certificate whose public key belongs to the private key comes first, the rest
 * after it in the order given. Fails when no certificate matches the key: a grant signed with a key
 * its `x5c` does not carry would be refused by Maskinporten.
 */
function ordneKjede(noekkelPem: string, kjede: readonly string[]): { x5c: string[]; blad: X509Certificate } {
  if (kjede.length === 0) throw new SertifikatFeil('inneholder ikke noe sertifikat');
  const privat = createPrivateKey(noekkelPem);
  const sert = kjede.map((b64) => new X509Certificate(Buffer.from(b64, 'base64')));
  const i = sert.findIndex((s) => {
    try {
      return s.checkPrivateKey(privat);
    } catch {
      return false;
    }
  });
  if (i < 0) throw new SertifikatFeil('ingen av sertifikatene hører til den private nøkkelen');
  return {
    x5c: [kjede[i] as string, ...kjede.filter((_, j) => j !== i)],
    blad: sert[i] as X509Certificate,
  };
}

function ferdig(noekkelPem: string, kjede: readonly string[]): Virksomhetssertifikat {
  const { x5c, blad } = ordneKjede(noekkelPem, kjede);
  return {
    noekkel: noekkelPem,
    x5c,
    subjekt: blad.subject.replace(/\n/g, ', '),
    gyldigTil: new Date(blad.validTo).toISOString(),
  };
}

/**
 * From a PEM chain (one or more `CERTIFICATE` blocks) and the private key (PKCS#8 or PKCS#1 PEM; the
 * key may also be in the same text).
 */
export function sertifikatFraPem(kjedePem: string, noekkelPem?: string): Virksomhetssertifikat {
  const tekst = noekkelPem ?? kjedePem;
  const blokk = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+?-----END (RSA )?PRIVATE KEY-----/.exec(tekst);
  if (!blokk) throw new SertifikatFeil('mangler den private nøkkelen (PEM «PRIVATE KEY»)');
  let pkcs8: string;
  try {
    pkcs8 = createPrivateKey(blokk[0]).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new SertifikatFeil('den private nøkkelen kunne ikke leses');
  }
  return ferdig(pkcs8, pemSertifikater(kjedePem));
}

/**
 * From a PKCS#12 file (.p12/.pfx, as Buypass and Commfides deliver virksomhetssertifikater) and its
 * password. node-forge reads both the legacy (3DES/RC2) and the PBES2/AES encryption OpenSSL 3 writes.
 */
export function sertifikatFraPkcs12(fil: Uint8Array, passord: string): Virksomhetssertifikat {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(fil).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passord);
  } catch (e) {
    const m = (e as Error).message ?? '';
    throw new SertifikatFeil(
      /mac|password|invalid/i.test(m)
        ? 'kunne ikke åpnes: feil passord, eller filen er ikke PKCS#12'
        : 'kunne ikke leses som PKCS#12',
    );
  }
  const poser = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const noekler = [...poser(OID_SKJERMET_NOEKKEL), ...poser(OID_NOEKKEL)];
  const noekkel = noekler.find((b) => b.key)?.key;
  if (!noekkel) throw new SertifikatFeil('inneholder ingen privat nøkkel');
  const sertifikater = poser(OID_SERTIFIKAT)
    .flatMap((b) => (b.cert ? [b.cert] : []))
    .map((c) => forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes()));
  const pkcs1 = forge.pki.privateKeyToPem(noekkel as forge.pki.rsa.PrivateKey);
  const pkcs8 = createPrivateKey(pkcs1).export({ type: 'pkcs8', format: 'pem' }).toString();
  return ferdig(pkcs8, sertifikater);
}
