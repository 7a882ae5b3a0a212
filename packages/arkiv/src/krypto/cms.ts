import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { lesSertifikat, NoekkelFeil, type Noekkelpar, signeringsnoekkel, webcrypto } from './noekler.js';

/**
 * CMS (RFC 5652) as Fiks IO uses it, with pkijs on Node's WebCrypto.
 *
 * Encryption: KS's `CMSKrypteringImpl` (ks-no/kryptering, used by fiks-io-klient-java through
 * fiks-io-asice-handler) makes EnvelopedData with one KeyTransRecipientInfo per recipient certificate,
 * the content-encryption key wrapped with RSAES-OAEP (SHA-256, MGF1 with SHA-256, empty label) and the
 * content encrypted with AES-256-CBC. `krypter` makes the same; `dekrypter` reads it.
 *
 * Signature: the ASiC-E container's `META-INF/signature.p7s` is a detached CMS SignedData over
 * `META-INF/asicmanifest.xml`, as the asic library Fiks IO's clients build on writes it
 * (CadesAsicWriter: SHA-256, RSA, the signer's certificate included).
 */

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const ID_RSAES_OAEP = '1.2.840.113549.1.1.7';
const ID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

/** The message could not be decrypted or verified: which step failed, never the content. */
export class KryptoFeil extends Error {
  override readonly name = 'KryptoFeil';
}

const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

/** Encrypts `data` to the holder of the certificate: CMS EnvelopedData (ContentInfo), DER. */
export async function krypter(data: Uint8Array, mottakerSertifikat: Uint8Array): Promise<Uint8Array> {
  const sertifikat = lesSertifikat(mottakerSertifikat);
  const konvolutt = new pkijs.EnvelopedData();
  konvolutt.addRecipientByCertificate(sertifikat, { oaepHashAlgorithm: 'SHA-256' }, 1);
  const aes256cbc: Parameters<pkijs.EnvelopedData['encrypt']>[0] & { length: number } = {
    name: 'AES-CBC',
    length: 256,
  };
  await konvolutt.encrypt(aes256cbc, buffer(data));
  const innhold = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.ENVELOPED_DATA,
    content: konvolutt.toSchema(),
  });
  return new Uint8Array(innhold.toSchema().toBER(false));
}

function lesInnhold(der: Uint8Array, forventet: string, hva: string): pkijs.ContentInfo {
  let innhold: pkijs.ContentInfo;
  try {
    innhold = pkijs.ContentInfo.fromBER(buffer(der));
  } catch {
    throw new KryptoFeil(`${hva} er ikke CMS (ContentInfo)`);
  }
  if (innhold.contentType !== forventet) throw new KryptoFeil(`${hva} har feil CMS-innholdstype`);
  return innhold;
}

/** Which algorithms an EnvelopedData uses: for checks and for the error of a message we cannot read. */
export function algoritmer(der: Uint8Array): { noekkeltransport: string[]; innhold: string } {
  const innhold = lesInnhold(der, pkijs.ContentInfo.ENVELOPED_DATA, 'Meldingen');
  const konvolutt = new pkijs.EnvelopedData({ schema: innhold.content });
  return {
    noekkeltransport: konvolutt.recipientInfos.map((r) =>
      r.value instanceof pkijs.KeyTransRecipientInfo ? r.value.keyEncryptionAlgorithm.algorithmId : 'ukjent',
    ),
    innhold: konvolutt.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId,
  };
}

/**
 * Decrypts an EnvelopedData addressed to `par`'s certificate. Refuses other algorithms than Fiks IO's
 * (RSAES-OAEP, AES-256-CBC), and a message not addressed to this certificate.
 */
export async function dekrypter(der: Uint8Array, par: Noekkelpar): Promise<Uint8Array> {
  const innhold = lesInnhold(der, pkijs.ContentInfo.ENVELOPED_DATA, 'Meldingen');
  const konvolutt = new pkijs.EnvelopedData({ schema: innhold.content });
  const sertifikat = lesSertifikat(par.sertifikat);
  const indeks = konvolutt.recipientInfos.findIndex((r) => {
    if (!(r.value instanceof pkijs.KeyTransRecipientInfo)) return false;
    const rid = r.value.rid;
    return (
      rid instanceof pkijs.IssuerAndSerialNumber &&
      rid.issuer.isEqual(sertifikat.issuer) &&
      rid.serialNumber.isEqual(sertifikat.serialNumber)
    );
  });
  if (indeks < 0) throw new KryptoFeil('Meldingen er ikke kryptert til denne kontoens sertifikat');
  const mottaker = konvolutt.recipientInfos[indeks]?.value as pkijs.KeyTransRecipientInfo;
  if (mottaker.keyEncryptionAlgorithm.algorithmId !== ID_RSAES_OAEP) {
    throw new KryptoFeil('Meldingens nøkkel er ikke kryptert med RSAES-OAEP, som Fiks IO bruker');
  }
  if (konvolutt.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId !== ID_AES256_CBC) {
    throw new KryptoFeil('Meldingen er ikke kryptert med AES-256-CBC, som Fiks IO bruker');
  }
  try {
    return new Uint8Array(
      await konvolutt.decrypt(indeks, {
        recipientCertificate: sertifikat,
        recipientPrivateKey: buffer(par.privatNoekkel),
      }),
    );
  } catch {
    throw new KryptoFeil('Meldingen kunne ikke dekrypteres med kontoens private nøkkel');
  }
}

/** A detached CMS SignedData over `data` with the key pair (signed attributes, the certificate included). */
export async function signerLoesrevet(
  data: Uint8Array,
  par: Noekkelpar,
  tidspunkt: Date,
): Promise<Uint8Array> {
  const sertifikat = lesSertifikat(par.sertifikat);
  const digest = await webcrypto.subtle.digest('SHA-256', buffer(data));
  const signert = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: ID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: sertifikat.issuer,
          serialNumber: sertifikat.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: ID_CONTENT_TYPE,
              values: [new asn1js.ObjectIdentifier({ value: ID_DATA })],
            }),
            new pkijs.Attribute({
              type: ID_SIGNING_TIME,
              values: [new asn1js.UTCTime({ valueDate: tidspunkt })],
            }),
            new pkijs.Attribute({
              type: ID_MESSAGE_DIGEST,
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
          ],
        }),
      }),
    ],
    certificates: [sertifikat],
  });
  await signert.sign(await signeringsnoekkel(par.privatNoekkel), 0, 'SHA-256', buffer(data));
  const innhold = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signert.toSchema(true),
  });
  return new Uint8Array(innhold.toSchema().toBER(false));
}

/**
 * Verifies a detached CMS SignedData over `data` with the certificate it carries, and returns that
 * certificate (DER). Whether the signer is the one expected is the caller's check.
 */
export async function verifiserLoesrevet(signatur: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const innhold = lesInnhold(signatur, pkijs.ContentInfo.SIGNED_DATA, 'Signaturen');
  const signert = new pkijs.SignedData({ schema: innhold.content });
  let resultat: pkijs.SignedDataVerifyResult;
  try {
    resultat = await signert.verify({ signer: 0, data: buffer(data), checkChain: false, extendedMode: true });
  } catch (e) {
    const r = e as Partial<pkijs.SignedDataVerifyResult>;
    throw new KryptoFeil(`Signaturen er ugyldig${r.message ? `: ${r.message}` : ''}`);
  }
  if (!resultat.signatureVerified || !resultat.signerCertificate) {
    throw new KryptoFeil('Signaturen er ugyldig');
  }
  return new Uint8Array(resultat.signerCertificate.toSchema().toBER(false));
}

export { NoekkelFeil };
