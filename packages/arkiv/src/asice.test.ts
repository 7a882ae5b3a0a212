import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASIC_MANIFEST, ASIC_SIGNATUR, AsiceFeil, lagAsice, lesAsice, ODF_MANIFEST } from './asice.js';
import { lagSelvsignertNoekkelpar, type Noekkelpar } from './krypto/noekler.js';

const T0 = new Date('2026-12-07T09:00:00Z');
let avsender: Noekkelpar;

beforeAll(async () => {
  avsender = await lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0);
});

const filer = () => [
  { navn: 'arkivmelding.xml', innhold: strToU8('<arkivmelding/>'), mimeType: 'application/xml' },
  { navn: '01-beregning.pdf', innhold: strToU8('%PDF-1.7 …'), mimeType: 'application/pdf' },
];

describe('ASiC-E', () => {
  it('has mimetype first and stored, the files, the signed manifest and the ODF manifest, in that order', async () => {
    const zip = await lagAsice(filer(), avsender, T0);
    // The order of the central directory is the order written.
    const navn = Object.keys(unzipSync(zip));
    expect(navn).toEqual([
      'mimetype',
      'arkivmelding.xml',
      '01-beregning.pdf',
      ASIC_MANIFEST,
      ASIC_SIGNATUR,
      ODF_MANIFEST,
    ]);
    expect(strFromU8(zip.subarray(30, 38))).toBe('mimetype');
    expect(zip[8]).toBe(0); // stored
    expect(strFromU8(zip.subarray(38, 38 + 31))).toBe('application/vnd.etsi.asic-e+zip');
    const manifest = strFromU8(unzipSync(zip)[ASIC_MANIFEST] as Uint8Array);
    expect(manifest).toContain('xmlns="http://uri.etsi.org/02918/v1.2.1#"');
    expect(manifest).toContain(
      '<SigReference URI="META-INF/signature.p7s" MimeType="application/x-pkcs7-signature"/>',
    );
    expect(manifest).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
  });

  it('reads back the files in order with the signer, and the signature verifies in OpenSSL', async () => {
    const zip = await lagAsice(filer(), avsender, T0);
    const lest = await lesAsice(zip);
    expect(lest.filer.map((f) => [f.navn, strFromU8(f.innhold), f.mimeType])).toEqual(
      filer().map((f) => [f.navn, strFromU8(f.innhold), f.mimeType]),
    );
    expect(lest.signerer).toEqual(avsender.sertifikat);
    const mappe = mkdtempSync(join(tmpdir(), 'asice-'));
    try {
      const innhold = unzipSync(zip);
      writeFileSync(join(mappe, 'm.xml'), innhold[ASIC_MANIFEST] as Uint8Array);
      writeFileSync(join(mappe, 's.p7s'), innhold[ASIC_SIGNATUR] as Uint8Array);
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          join(mappe, 's.p7s'),
          '-content',
          join(mappe, 'm.xml'),
          '-noverify',
          '-out',
          '/dev/null',
        ],
        { stdio: 'pipe' },
      );
    } finally {
      rmSync(mappe, { recursive: true, force: true });
    }
  });

  it('refuses a changed file, an unsigned extra file, and a container without mimetype first', async () => {
    const innhold = unzipSync(await lagAsice(filer(), avsender, T0));
    const pakk = (endring: Record<string, Uint8Array>) => {
      const { mimetype, ...resten } = { ...innhold, ...endring };
      return zipSync({ mimetype: [mimetype as Uint8Array, { level: 0 }], ...resten });
    };
    await expect(lesAsice(pakk({ '01-beregning.pdf': strToU8('endret') }))).rejects.toThrow(
      /Sjekksummen for «01-beregning.pdf»/,
    );
    await expect(lesAsice(pakk({ 'ekstra.pdf': strToU8('x') }))).rejects.toThrow(
      /ikke i det signerte manifestet/,
    );
    await expect(
      lesAsice(
        pakk({
          [ASIC_MANIFEST]: strToU8(strFromU8(innhold[ASIC_MANIFEST] as Uint8Array).replace('01-', '02-')),
        }),
      ),
    ).rejects.toThrow(/Signaturen er ugyldig/);
    const { mimetype: _m, ...utenMimetype } = innhold;
    await expect(lesAsice(zipSync(utenMimetype))).rejects.toThrow(AsiceFeil);
  });

  it('refuses names a container cannot hold', async () => {
    const [xml] = filer() as [typeof filer extends () => Array<infer F> ? F : never];
    await expect(lagAsice([{ ...xml, navn: 'META-INF/x.xml' }], avsender, T0)).rejects.toThrow(AsiceFeil);
    await expect(lagAsice([xml, xml], avsender, T0)).rejects.toThrow(/To filer/);
    await expect(lagAsice([], avsender, T0)).rejects.toThrow(/minst én fil/);
  });
});
