import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * KS's Fiks Arkiv V1 schemas, copied into the package (skjema/fiks-arkiv-v1/README.md). Worked out when
 * asked, not at import: a bundle for the browser imports this module too, where it is never called.
 */
export function skjemakatalog(): string {
  return fileURLToPath(new URL('../skjema/fiks-arkiv-v1/', import.meta.url));
}

/** The schema file of a message type: `Schema/V1/<meldingstype>.xsd`. */
export function skjemafil(meldingstype: string): string {
  if (!/^no\.ks\.fiks\.arkiv\.v1\.[a-z.]+$/.test(meldingstype)) {
    throw new RangeError(`Ukjent meldingstype «${meldingstype}»`);
  }
  return join(skjemakatalog(), `${meldingstype}.xsd`);
}

/** xmllint (Debian `libxml2-utils`) is not installed: the schema check cannot run here. */
export class XmllintMangler extends Error {
  override readonly name = 'XmllintMangler';
  constructor() {
    super('xmllint finnes ikke: installer Debian-pakken libxml2-utils (apt-get install libxml2-utils)');
  }
}

export interface Skjemaresultat {
  gyldig: boolean;
  /** xmllint's messages, one per line, with the line number in the message ("-:12: element …"). */
  feil: string[];
}

/**
 * Validates an XML document against a schema with `xmllint --noout --schema`, reading the document on
 * standard input so nothing is written to disk. No network: `--nonet`.
 */
export function validerMotSkjema(xml: string, skjema: string): Promise<Skjemaresultat> {
  return new Promise((ok, feil) => {
    const barn = execFile(
      'xmllint',
      ['--noout', '--nonet', '--schema', skjema, '-'],
      { maxBuffer: 4 * 1024 * 1024, timeout: 60_000 },
      (e, _stdout, stderr) => {
        if (e && (e as NodeJS.ErrnoException).code === 'ENOENT') return feil(new XmllintMangler());
        const linjer = String(stderr)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && l !== '- validates' && l !== '- fails to validate');
        if (!e) return ok({ gyldig: true, feil: [] });
        // Exit 1: the document is not well-formed XML; 3: it does not validate. Anything else (4, 5:
        // the schema could not be read or compiled) is a fault of the check, not of the document.
        const kode = typeof e.code === 'number' ? e.code : -1;
        if (kode === 1 || kode === 3) return ok({ gyldig: false, feil: linjer });
        return feil(new Error(`xmllint feilet (kode ${kode}): ${linjer.join('; ')}`));
      },
    );
    barn.stdin?.end(xml);
  });
}
