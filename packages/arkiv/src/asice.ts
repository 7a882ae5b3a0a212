import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { convert, create } from 'xmlbuilder2';
import { KryptoFeil, signerLoesrevet, verifiserLoesrevet } from './krypto/cms.js';
import type { Noekkelpar } from './krypto/noekler.js';

/**
 * ASiC-E (ETSI TS 102 918, Associated Signature Containers, Extended) as Fiks IO's clients make it:
 * ks-no/fiks-io-asice-handler wraps the asic library (AsicWriterFactory, CAdES by default), whose writer
 * puts, in this order,
 *
 * - `mimetype`, first and stored uncompressed: `application/vnd.etsi.asic-e+zip`;
 * - the payload files (here `arkivmelding.xml` and the documents);
 * - `META-INF/asicmanifest.xml`: an `ASiCManifest` (namespace `http://uri.etsi.org/02918/v1.2.1#`) with a
 *   `SigReference` to the signature and one `DataObjectReference` per file with its SHA-256 digest;
 * - `META-INF/signature.p7s`: a detached CMS signature over the manifest's bytes (CadesAsicWriter);
 * - `META-INF/manifest.xml`: the OASIS OpenDocument manifest listing every file (AbstractAsicWriter).
 *
 * The container is then encrypted as a whole to the recipient (krypto/cms.ts).
 */

export const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';
const NS_ASIC = 'http://uri.etsi.org/02918/v1.2.1#';
const NS_DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const NS_ODF = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const ASIC_MANIFEST = 'META-INF/asicmanifest.xml';
export const ASIC_SIGNATUR = 'META-INF/signature.p7s';
export const ODF_MANIFEST = 'META-INF/manifest.xml';

/** A container that breaks the format: which rule, never the content. */
export class AsiceFeil extends Error {
  override readonly name = 'AsiceFeil';
}

export interface Asicefil {
  navn: string;
  innhold: Uint8Array;
  mimeType: string;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('base64');

function asicManifest(filer: readonly Asicefil[]): Uint8Array {
  const doc = create({ version: '1.0', encoding: 'UTF-8', standalone: true });
  const rot = doc.ele(NS_ASIC, 'ASiCManifest', { 'xmlns:ns2': NS_DSIG });
  rot.ele(NS_ASIC, 'SigReference', { URI: ASIC_SIGNATUR, MimeType: 'application/x-pkcs7-signature' });
  for (const f of filer) {
    const ref = rot.ele(NS_ASIC, 'DataObjectReference', { URI: f.navn, MimeType: f.mimeType });
    ref.ele(NS_DSIG, 'ns2:DigestMethod', { Algorithm: SHA256 });
    ref.ele(NS_DSIG, 'ns2:DigestValue').txt(sha256(f.innhold));
  }
  return strToU8(doc.end({ prettyPrint: true }));
}

function odfManifest(filer: readonly Asicefil[]): Uint8Array {
  const doc = create({ version: '1.0', encoding: 'UTF-8', standalone: true });
  const rot = doc.ele(NS_ODF, 'manifest:manifest');
  rot.ele(NS_ODF, 'manifest:file-entry', {
    'manifest:full-path': '/',
    'manifest:media-type': ASICE_MIMETYPE,
  });
  for (const f of filer) {
    rot.ele(NS_ODF, 'manifest:file-entry', {
      'manifest:full-path': f.navn,
      'manifest:media-type': f.mimeType,
    });
  }
  return strToU8(doc.end({ prettyPrint: true }));
}

/**
 * Makes a signed ASiC-E container of the files, signed with the sender's key pair (the Fiks IO account's
 * certificate). `tidspunkt` is the signing time (the caller's clock).
 */
export async function lagAsice(
  filer: readonly Asicefil[],
  avsender: Noekkelpar,
  tidspunkt: Date,
): Promise<Uint8Array> {
  if (filer.length === 0) throw new AsiceFeil('En ASiC-E-pakke må ha minst én fil');
  const navn = new Set<string>();
  for (const f of filer) {
    if (!f.navn || f.navn === 'mimetype' || f.navn.startsWith('META-INF/') || f.navn.includes('..')) {
      throw new AsiceFeil(`Ugyldig filnavn i pakken: «${f.navn}»`);
    }
    if (navn.has(f.navn)) throw new AsiceFeil(`To filer heter «${f.navn}»`);
    navn.add(f.navn);
  }
  const manifest = asicManifest(filer);
  const signatur = await signerLoesrevet(manifest, avsender, tidspunkt);
  // fflate keeps the insertion order; mtime fixed so the same input gives the same container.
  const mtime = tidspunkt;
  const zip: Zippable = { mimetype: [strToU8(ASICE_MIMETYPE), { level: 0, mtime }] };
  for (const f of filer) zip[f.navn] = [f.innhold, { level: 6, mtime }];
  zip[ASIC_MANIFEST] = [manifest, { level: 6, mtime }];
  zip[ASIC_SIGNATUR] = [signatur, { level: 0, mtime }];
  zip[ODF_MANIFEST] = [odfManifest(filer), { level: 6, mtime }];
  return zipSync(zip);
}

export interface LestAsice {
  /** The payload files, in the manifest's order. */
  filer: Asicefil[];
  /** The signer's certificate (DER), verified against the signature. */
  signerer: Uint8Array;
}

type Objekt = Record<string, unknown>;
const liste = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Reads and checks a container: mimetype first, every file in the signed manifest with its digest. */
export async function lesAsice(zip: Uint8Array): Promise<LestAsice> {
  // The first local file header: "PK\3\4", method (offset 8) 0 = stored, name (offset 30) "mimetype".
  const foerste = strFromU8(zip.subarray(30, 38));
  if (zip[0] !== 0x50 || zip[1] !== 0x4b || foerste !== 'mimetype' || zip[8] !== 0 || zip[9] !== 0) {
    throw new AsiceFeil('Pakken må begynne med filen «mimetype», lagret ukomprimert');
  }
  let filer: Record<string, Uint8Array>;
  try {
    filer = unzipSync(zip);
  } catch {
    throw new AsiceFeil('Pakken er ikke en gyldig ZIP-fil');
  }
  if (strFromU8(filer.mimetype ?? new Uint8Array()) !== ASICE_MIMETYPE) {
    throw new AsiceFeil(`«mimetype» må være ${ASICE_MIMETYPE}`);
  }
  const manifest = filer[ASIC_MANIFEST];
  const signatur = filer[ASIC_SIGNATUR];
  if (!manifest || !signatur) throw new AsiceFeil(`Pakken mangler ${ASIC_MANIFEST} eller ${ASIC_SIGNATUR}`);
  let signerer: Uint8Array;
  try {
    signerer = await verifiserLoesrevet(signatur, manifest);
  } catch (e) {
    throw new AsiceFeil(e instanceof KryptoFeil ? e.message : 'Signaturen kunne ikke kontrolleres');
  }
  let rot: Objekt;
  try {
    rot = (convert(strFromU8(manifest), { format: 'object' }) as Objekt).ASiCManifest as Objekt;
  } catch {
    throw new AsiceFeil(`${ASIC_MANIFEST} er ikke gyldig XML`);
  }
  if (!rot) throw new AsiceFeil(`${ASIC_MANIFEST} mangler ASiCManifest`);
  const refs = liste(rot.DataObjectReference as Objekt | Objekt[] | undefined);
  const ut: Asicefil[] = [];
  for (const r of refs) {
    const navn = String(r['@URI'] ?? '');
    const innhold = filer[navn];
    if (!innhold) throw new AsiceFeil(`Manifestet nevner «${navn}», som ikke er i pakken`);
    const verdi = (r['ns2:DigestValue'] ?? r.DigestValue) as string | Objekt | undefined;
    const digest = typeof verdi === 'string' ? verdi : String((verdi as Objekt | undefined)?.['#'] ?? '');
    if (digest.trim() !== sha256(innhold)) throw new AsiceFeil(`Sjekksummen for «${navn}» stemmer ikke`);
    ut.push({ navn, innhold, mimeType: String(r['@MimeType'] ?? 'application/octet-stream') });
  }
  const omtalt = new Set(ut.map((f) => f.navn));
  for (const navn of Object.keys(filer)) {
    if (navn === 'mimetype' || navn.startsWith('META-INF/')) continue;
    if (!omtalt.has(navn)) throw new AsiceFeil(`«${navn}» er i pakken, men ikke i det signerte manifestet`);
  }
  return { filer: ut, signerer };
}
