import { zipSync } from 'fflate';
import type { Arkivmelding } from './arkivmelding.js';
import { meldingsfiler } from './fiksarkiv.js';

/**
 * «Without an archive»: the same message as Fiks Arkiv would carry, `arkivmelding.xml` and the documents
 * under the names the XML gives them (`referanseDokumentfil`), as a plain zip for the archive's manual
 * import. Not signed and not encrypted: it is downloaded by the case worker over the product's own
 * connection, and handled as the documents themselves are. `tidspunkt` dates the entries.
 */
export function lagArkivpakke(melding: Arkivmelding, tidspunkt: Date): Uint8Array {
  return zipSync(
    Object.fromEntries(
      meldingsfiler(melding).map((f) => [f.navn, [f.innhold, { level: 6, mtime: tidspunkt }]]),
    ),
  );
}
